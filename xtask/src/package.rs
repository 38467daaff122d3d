//! The widget as an npm package: `dist/package.json` and the types beside `widget.js`
//! (`web/js/widget.d.ts`), so a portal's repository takes the build with `npm install ./dist`, or a
//! tarball of `npm pack`, and its TypeScript knows the element, `mount()` and the events.

use std::path::Path;

use crate::command::root;

/// The package's name: the element's.
pub const NAME: &str = "partner-migration-assistant";

/// The release's version, `[workspace.package]`'s of the root `Cargo.toml`.
fn workspace_version() -> Result<String, String> {
    let path = root().join("Cargo.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    version_of(&text)
}

fn version_of(manifest: &str) -> Result<String, String> {
    let manifest: toml::Table = manifest
        .parse()
        .map_err(|e| format!("Cargo.toml cannot be read: {e}"))?;
    manifest
        .get("workspace")
        .and_then(|w| w.get("package"))
        .and_then(|p| p.get("version"))
        .and_then(toml::Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| "Cargo.toml's [workspace.package] has no version".to_owned())
}

/// `package.json` of the widget at `version`: the module and its types for `import` (`types`
/// first: a resolver takes the first condition it knows), and the files a portal serves
/// (`widget.js` names those of `assets/` relative to itself). Written out rather than built as a
/// map, whose keys serde_json would sort.
fn manifest(version: &str) -> String {
    let version = serde_json::Value::from(version);
    format!(
        r#"{{
  "name": "{NAME}",
  "version": {version},
  "description": "The Partner Center migration assistant as a widget: the element <partner-migration-assistant> and mount(), with their types. Serve widget.js and assets/ together: widget.js finds the others relative to itself.",
  "license": "MIT",
  "type": "module",
  "exports": {{
    ".": {{ "types": "./widget.d.ts", "default": "./widget.js" }},
    "./widget.js": {{ "types": "./widget.d.ts", "default": "./widget.js" }},
    "./package.json": "./package.json"
  }},
  "types": "./widget.d.ts",
  "files": ["widget.js", "widget.d.ts", "assets/"],
  "sideEffects": ["./widget.js"]
}}
"#
    )
}

/// Writes `package.json` and `widget.d.ts` into the built `dist`.
pub fn write(dist: &Path) -> Result<(), String> {
    let types = root().join("web/js/widget.d.ts");
    std::fs::copy(&types, dist.join("widget.d.ts"))
        .map_err(|e| format!("cannot copy {}: {e}", types.display()))?;
    let path = dist.join("package.json");
    std::fs::write(&path, manifest(&workspace_version()?))
        .map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_is_the_workspaces() {
        let manifest = "[workspace]\nmembers = []\n\n[workspace.package]\nversion = \"1.2.3\"\n";
        assert_eq!(version_of(manifest), Ok("1.2.3".to_owned()));
        assert!(version_of("[workspace]\n").is_err());
        assert!(workspace_version().is_ok_and(|v| !v.is_empty()));
    }

    #[test]
    fn an_import_of_the_package_finds_the_module_and_its_types() {
        let text = manifest("1.2.3");
        let manifest: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(manifest["version"], "1.2.3");
        for entry in [".", "./widget.js"] {
            let conditions = &text[text.find(&format!("\"{entry}\": {{")).unwrap()..];
            assert!(
                conditions.find("\"types\"") < conditions.find("\"default\""),
                "types come first"
            );
            assert_eq!(manifest["exports"][entry]["types"], "./widget.d.ts");
            assert_eq!(manifest["exports"][entry]["default"], "./widget.js");
        }
        let files = manifest["files"].as_array().unwrap();
        for file in ["widget.js", "widget.d.ts", "assets/"] {
            assert!(files.iter().any(|f| f == file), "{file}");
        }
    }
}
