//! Compiles the Fluent translation files in `locales/` into Rust.
//!
//! Each message becomes a method on `Locale` (`app-title` → `Locale::app_title`); variables become
//! typed parameters (a variable used as a plural selector is a number, any other is text). The
//! build fails when a message is missing in a language, when languages disagree on a message's
//! variables, or when a file uses Fluent the generator does not support. The browser bundle thus
//! carries plain functions and no Fluent runtime.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, Variant, VariantKey,
};

/// The languages, in the order of the switcher; the first is the fallback.
const LOCALES: &[(&str, &str, &str)] = &[("en", "En", "English"), ("sv", "Sv", "Svenska")];

struct Catalogue {
    messages: BTreeMap<String, Pattern<String>>,
    terms: BTreeMap<String, Pattern<String>>,
}

fn main() {
    let dir = Path::new("locales");
    println!("cargo::rerun-if-changed=locales");
    let catalogues: Vec<Catalogue> = LOCALES
        .iter()
        .map(|(tag, _, _)| {
            let path = dir.join(format!("{tag}.ftl"));
            println!("cargo::rerun-if-changed={}", path.display());
            let source = fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            load(tag, &source)
        })
        .collect();

    let reference = &catalogues[0];
    let mut errors = Vec::new();
    for ((tag, _, _), catalogue) in LOCALES.iter().zip(&catalogues) {
        for key in reference.messages.keys() {
            if !catalogue.messages.contains_key(key) {
                errors.push(format!("{tag}.ftl: message `{key}` is missing"));
            }
        }
        for key in catalogue.messages.keys() {
            if !reference.messages.contains_key(key) {
                errors.push(format!(
                    "{tag}.ftl: message `{key}` is not in {}.ftl",
                    LOCALES[0].0
                ));
            }
        }
    }

    let mut signatures = BTreeMap::new();
    for key in reference.messages.keys() {
        let mut per_locale = catalogues
            .iter()
            .filter_map(|c| c.messages.get(key))
            .map(variables);
        let first = per_locale.next().unwrap_or_default();
        for (i, other) in per_locale.enumerate() {
            if other != first {
                errors.push(format!(
                    "{}.ftl: message `{key}` uses variables {:?}, {}.ftl uses {:?}",
                    LOCALES[i + 1].0,
                    other.keys().collect::<Vec<_>>(),
                    LOCALES[0].0,
                    first.keys().collect::<Vec<_>>()
                ));
            }
        }
        signatures.insert(key.clone(), first);
    }
    if !errors.is_empty() {
        panic!("translation files disagree:\n  {}", errors.join("\n  "));
    }

    let code = generate(&catalogues, &signatures);
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("messages.rs");
    fs::write(out, code).expect("write generated messages");
}

fn load(tag: &str, source: &str) -> Catalogue {
    let resource = fluent_syntax::parser::parse(source.to_owned())
        .unwrap_or_else(|(_, errors)| panic!("{tag}.ftl does not parse: {errors:?}"));
    let mut messages = BTreeMap::new();
    let mut terms = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(m) => {
                let value = m.value.unwrap_or_else(|| {
                    panic!(
                        "{tag}.ftl: `{}` has no value (attributes are not supported)",
                        m.id.name
                    )
                });
                if messages.insert(m.id.name.clone(), value).is_some() {
                    panic!("{tag}.ftl: `{}` is defined twice", m.id.name);
                }
            }
            Entry::Term(t) => {
                terms.insert(t.id.name, t.value);
            }
            Entry::Junk { content } => panic!("{tag}.ftl: cannot read {content:?}"),
            Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => {}
        }
    }
    Catalogue { messages, terms }
}

/// The kind of a message's variable: a number if it selects a plural form, text otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    Number,
}

fn variables(pattern: &Pattern<String>) -> BTreeMap<String, Kind> {
    let mut found = BTreeMap::new();
    collect_variables(pattern, &mut found);
    found
}

fn collect_variables(pattern: &Pattern<String>, found: &mut BTreeMap<String, Kind>) {
    for element in &pattern.elements {
        let PatternElement::Placeable { expression } = element else {
            continue;
        };
        match expression {
            Expression::Inline(InlineExpression::VariableReference { id }) => {
                found.entry(id.name.clone()).or_insert(Kind::Text);
            }
            Expression::Select {
                selector: InlineExpression::VariableReference { id },
                variants,
            } => {
                found.insert(id.name.clone(), Kind::Number);
                for variant in variants {
                    collect_variables(&variant.value, found);
                }
            }
            _ => {}
        }
    }
}

fn rust_name(fluent_name: &str) -> String {
    fluent_name.replace('-', "_")
}

fn generate(
    catalogues: &[Catalogue],
    signatures: &BTreeMap<String, BTreeMap<String, Kind>>,
) -> String {
    let mut code = String::new();
    let variants: Vec<&str> = LOCALES.iter().map(|(_, v, _)| *v).collect();
    code.push_str("/// A language the assistant speaks.\n");
    code.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Locale {\n");
    for (tag, variant, name) in LOCALES {
        writeln!(code, "    /// {name} (`{tag}`).\n    {variant},").unwrap();
    }
    code.push_str("}\n\nimpl Locale {\n");
    writeln!(
        code,
        "    /// Every language, in the switcher's order; the first is the fallback.\n    pub const ALL: [Locale; {}] = [{}];\n",
        LOCALES.len(),
        variants.iter().map(|v| format!("Locale::{v}")).collect::<Vec<_>>().join(", ")
    )
    .unwrap();
    code.push_str("    /// The BCP 47 tag, as `lang` attributes want it.\n    pub fn tag(self) -> &'static str {\n        match self {\n");
    for (tag, variant, _) in LOCALES {
        writeln!(code, "            Locale::{variant} => {tag:?},").unwrap();
    }
    code.push_str("        }\n    }\n\n    /// The language's own name, for the switcher.\n    pub fn native_name(self) -> &'static str {\n        match self {\n");
    for (_, variant, name) in LOCALES {
        writeln!(code, "            Locale::{variant} => {name:?},").unwrap();
    }
    code.push_str("        }\n    }\n");

    for (key, vars) in signatures {
        let params: String = vars
            .iter()
            .map(|(name, kind)| match kind {
                Kind::Text => format!(", {}: &str", rust_name(name)),
                Kind::Number => format!(", {}: i64", rust_name(name)),
            })
            .collect();
        let plain = vars.is_empty();
        let ret = if plain { "&'static str" } else { "String" };
        writeln!(
            code,
            "\n    /// `{key}`\n    pub fn {}(self{params}) -> {ret} {{",
            rust_name(key)
        )
        .unwrap();
        code.push_str("        match self {\n");
        for ((tag, variant, _), catalogue) in LOCALES.iter().zip(catalogues) {
            let pattern = &catalogue.messages[key];
            if plain {
                let text = flat_text(tag, key, pattern, catalogue);
                writeln!(code, "            Locale::{variant} => {text:?},").unwrap();
            } else {
                code.push_str(&format!("            Locale::{variant} => {{\n                let mut s = String::new();\n"));
                let scope = Scope {
                    tag,
                    key,
                    catalogue,
                    vars,
                };
                emit_pattern(&mut code, &scope, pattern, 4);
                code.push_str("                s\n            }\n");
            }
        }
        code.push_str("        }\n    }\n");
    }
    code.push_str("}\n\n/// Every message id of the translation files.\npub const MESSAGE_IDS: &[&str] = &[\n");
    for key in signatures.keys() {
        writeln!(code, "    {key:?},").unwrap();
    }
    code.push_str("];\n");
    code
}

/// The text of a pattern with no variables (terms are expanded).
fn flat_text(tag: &str, key: &str, pattern: &Pattern<String>, catalogue: &Catalogue) -> String {
    let mut text = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => text.push_str(value),
            PatternElement::Placeable {
                expression: Expression::Inline(inline),
            } => text.push_str(&inline_text(tag, key, inline, catalogue)),
            PatternElement::Placeable { .. } => {
                panic!("{tag}.ftl: `{key}`: a selector needs a variable")
            }
        }
    }
    text
}

fn inline_text(
    tag: &str,
    key: &str,
    inline: &InlineExpression<String>,
    catalogue: &Catalogue,
) -> String {
    match inline {
        // `{"\u00A0"}`: a character the file would not show, such as a no-break space.
        InlineExpression::StringLiteral { value } => {
            fluent_syntax::unicode::unescape_unicode_to_string(value).into_owned()
        }
        InlineExpression::TermReference {
            id,
            attribute: None,
            arguments: None,
        } => {
            let term = catalogue
                .terms
                .get(&id.name)
                .unwrap_or_else(|| panic!("{tag}.ftl: `{key}` uses unknown term `-{}`", id.name));
            flat_text(tag, key, term, catalogue)
        }
        other => panic!("{tag}.ftl: `{key}`: unsupported expression {other:?}"),
    }
}

/// Where code for one message of one language is being generated.
struct Scope<'a> {
    tag: &'a str,
    key: &'a str,
    catalogue: &'a Catalogue,
    vars: &'a BTreeMap<String, Kind>,
}

/// The variables whose text comes from the API or the user, isolated (U+2068 … U+2069) where
/// messages place them.
const FOREIGN_TEXT: [&str; 5] = ["account", "tenant", "offer", "email", "name"];

fn emit_pattern(code: &mut String, scope: &Scope, pattern: &Pattern<String>, depth: usize) {
    let indent = "    ".repeat(depth);
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => push_text(code, &indent, value),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::VariableReference { id }),
            } => {
                let name = rust_name(&id.name);
                match scope.vars[&id.name] {
                    // Text the assistant did not write (names from the API, addresses typed) is
                    // isolated, as Fluent does: a right-to-left override in an account's name
                    // cannot reorder the sentence around it.
                    Kind::Text if FOREIGN_TEXT.contains(&id.name.as_str()) => writeln!(
                        code,
                        "{indent}s.push('\\u{{2068}}');\n{indent}s.push_str({name});\n{indent}s.push('\\u{{2069}}');"
                    )
                    .unwrap(),
                    Kind::Text => writeln!(code, "{indent}s.push_str({name});").unwrap(),
                    Kind::Number => {
                        writeln!(code, "{indent}s.push_str(&self.format_number({name}));").unwrap()
                    }
                }
            }
            PatternElement::Placeable {
                expression: Expression::Inline(inline),
            } => {
                let text = inline_text(scope.tag, scope.key, inline, scope.catalogue);
                push_text(code, &indent, &text);
            }
            PatternElement::Placeable {
                expression:
                    Expression::Select {
                        selector: InlineExpression::VariableReference { id },
                        variants,
                    },
            } => emit_select(code, scope, &rust_name(&id.name), variants, depth),
            PatternElement::Placeable { expression } => {
                panic!(
                    "{}.ftl: `{}`: unsupported expression {expression:?}",
                    scope.tag, scope.key
                )
            }
        }
    }
}

/// Appends literal text: one character as a `char`, anything longer as a `&str`.
fn push_text(code: &mut String, indent: &str, text: &str) {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => writeln!(code, "{indent}s.push({c:?});").unwrap(),
        _ => writeln!(code, "{indent}s.push_str({text:?});").unwrap(),
    }
}

/// A plural select: exact numbers first, then the locale's plural category.
fn emit_select(
    code: &mut String,
    scope: &Scope,
    selector: &str,
    variants: &[Variant<String>],
    depth: usize,
) {
    let (tag, key) = (scope.tag, scope.key);
    let indent = "    ".repeat(depth);
    let categories: BTreeSet<&str> = ["zero", "one", "two", "few", "many", "other"].into();
    let default = variants
        .iter()
        .find(|v| v.default)
        .unwrap_or_else(|| panic!("{tag}.ftl: `{key}`: a select needs a default variant"));
    writeln!(
        code,
        "{indent}match ({selector}, self.plural_category({selector})) {{"
    )
    .unwrap();
    for variant in variants.iter().filter(|v| !v.default) {
        let arm = match &variant.key {
            VariantKey::NumberLiteral { value } => format!("({value}, _)"),
            VariantKey::Identifier { name } if categories.contains(name.as_str()) => {
                format!("(_, {name:?})")
            }
            VariantKey::Identifier { name } => {
                panic!("{tag}.ftl: `{key}`: `{name}` is not a plural category")
            }
        };
        writeln!(code, "{indent}    {arm} => {{").unwrap();
        emit_pattern(code, scope, &variant.value, depth + 2);
        writeln!(code, "{indent}    }}").unwrap();
    }
    writeln!(code, "{indent}    _ => {{").unwrap();
    emit_pattern(code, scope, &default.value, depth + 2);
    writeln!(code, "{indent}    }}\n{indent}}}").unwrap();
}
