//! Each crate's share of the shipped wasm, by twiggy, for `cargo xtask bench`.

use crate::build;
use crate::command::{cargo, command, run};
use crate::compress::kilobytes;
use crate::install;

/// Path segments that name the standard library's crates or their modules.
const STANDARD_LIBRARY: [&str; 20] = [
    "core",
    "alloc",
    "std",
    "fmt",
    "str",
    "num",
    "string",
    "vec",
    "slice",
    "ptr",
    "iter",
    "option",
    "result",
    "hash",
    "char",
    "sync",
    "cell",
    "rc",
    "boxed",
    "collections",
];

/// The crate a function of the wasm belongs to, from its (demangled) name: the first path
/// segment in it, so that `<F as tachys::…>::invoke` counts for `tachys`.
fn crate_of(item: &str) -> &str {
    if item.starts_with("data segment") || item.starts_with("data[") {
        return "(read-only data: messages, fixtures, panic texts)";
    }
    let mut start = None;
    for (index, c) in item.char_indices() {
        let in_name = c.is_ascii_alphanumeric() || c == '_';
        match (start, in_name) {
            (None, true) => start = Some(index),
            (Some(from), false) => {
                if item[index..].starts_with("::") {
                    let segment = &item[from..index];
                    return if STANDARD_LIBRARY.contains(&segment) {
                        "(Rust's standard library)"
                    } else {
                        segment
                    };
                }
                start = None;
            }
            _ => {}
        }
    }
    "(unnamed)"
}

/// Each crate's share of the shipped wasm's code and data, by twiggy, on a build that keeps
/// function names (before wasm-opt; custom sections left out).
pub fn crate_shares() -> Result<(), String> {
    install::ensure_twiggy()?;
    let mut build = cargo();
    build.args([
        "build",
        "--package",
        "assistant-web",
        "--bin",
        "assistant-web",
        "--target",
        crate::toolchain::WASM_TARGET,
        "--profile",
        "wasm-names",
    ]);
    run(build)?;
    let out_dir = build::target_dir().join("bench-names");
    let mut bindgen = command("wasm-bindgen");
    bindgen
        .args(["--target", "web", "--out-dir"])
        .arg(&out_dir)
        .arg(
            build::target_dir()
                .join(crate::toolchain::WASM_TARGET)
                .join("wasm-names/assistant-web.wasm"),
        );
    run(bindgen)?;
    let wasm = out_dir.join("assistant-web_bg.wasm");
    let output = command("twiggy")
        .args(["top", "-n", "1000000", "--format", "json"])
        .arg(&wasm)
        .output()
        .map_err(|e| format!("twiggy: {e}"))?;
    if !output.status.success() {
        return Err(format!("twiggy failed on {}", wasm.display()));
    }
    let items: Vec<serde_json::Value> =
        serde_json::from_slice(&output.stdout).map_err(|e| format!("twiggy's report: {e}"))?;
    let mut shares: Vec<(String, u64)> = Vec::new();
    let mut sign_in = 0;
    for item in &items {
        let name = item["name"].as_str().unwrap_or_default();
        let size = item["shallow_size"].as_u64().unwrap_or(0);
        if name.starts_with("custom section") || name.ends_with("subsection") {
            continue;
        }
        if is_sign_in(name) {
            sign_in += size;
        }
        let owner = crate_of(name);
        match shares.iter_mut().find(|(known, _)| known == owner) {
            Some((_, total)) => *total += size,
            None => shares.push((owner.to_owned(), size)),
        }
    }
    shares.sort_by_key(|(_, size)| std::cmp::Reverse(*size));
    let total: u64 = shares.iter().map(|(_, size)| size).sum();
    println!("\nEach crate's share of the wasm (code and data, before wasm-opt, twiggy):");
    println!("| {:<52} | {:>10} | {:>6} |", "crate", "bytes", "share");
    println!("|{:-<54}|{:->12}|{:->8}|", "", "", "");
    let shown = 14;
    let rest: u64 = shares.iter().skip(shown).map(|(_, size)| size).sum();
    let others = format!("{} other crates", shares.len().saturating_sub(shown));
    for (name, size) in shares
        .iter()
        .take(shown)
        .map(|(n, s)| (n.as_str(), *s))
        .chain([(others.as_str(), rest)])
    {
        println!(
            "| {name:<52} | {:>10} | {:>5.1}% |",
            kilobytes(size as usize),
            size as f64 * 100.0 / total as f64
        );
    }
    println!(
        "| {:<52} | {:>10} | {:>6} |",
        "total",
        kilobytes(total as usize),
        ""
    );
    println!(
        "The app's own sign-in (code named sign_in or SignInGate, in any crate): {} ({:.1}%); \
         the release build loads it as a chunk of its own (split_sign_in.wasm), only when \
         config.json names a provider, never for a widget or the demo.",
        kilobytes(sign_in as usize),
        sign_in as f64 * 100.0 / total as f64
    );
    Ok(())
}

/// Whether a function or data item of the wasm is the app's own sign-in.
fn is_sign_in(name: &str) -> bool {
    name.contains("sign_in::") || name.contains("SignInGate") || name.contains("shell::gate::")
}

#[cfg(test)]
mod tests {
    use super::crate_of;

    #[test]
    fn a_function_counts_for_the_first_crate_in_its_name() {
        assert_eq!(
            crate_of("<F as tachys::reactive_graph::ReactiveFunction>::invoke::hc7bb"),
            "tachys"
        );
        assert_eq!(
            crate_of("assistant_web::journey::__component_account_journey::{{closure}}::h1"),
            "assistant_web"
        );
        assert_eq!(
            crate_of("<&mut serde_json::de::Deserializer<R> as serde_core::de::Deserializer>::x"),
            "serde_json"
        );
        assert_eq!(crate_of("start_standalone_4f06da6f647b513c"), "(unnamed)");
        assert_eq!(
            crate_of("<str as fmt::Display>::fmt::h12"),
            "(Rust's standard library)"
        );
        assert!(crate_of("data segment \".rodata\"").starts_with("(read-only data"));
    }
}
