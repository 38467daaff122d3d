//! Installs what the tasks need and the machine lacks, from the package registries only.
//!
//! Each tool is checked first (seconds when all is there); what is missing is installed, saying
//! what and why, from where the tool is published: the Rust target and components through rustup
//! (as `rust-toolchain.toml` names them, checked rather than trusted: `toolchain.rs`), Trunk, wasm-bindgen-cli and twiggy from crates.io,
//! Chromium and its driver from Debian's packages, Binaryen and axe-core from the npm registry
//! (at the versions of `web/package-lock.json` and `tests/package-lock.json`); the contract test
//! takes schemathesis from PyPI (`contract.rs`).

use std::path::{Path, PathBuf};

use crate::command::{cargo, command, output_line, root, run};
use crate::toolchain;

/// Trunk's version: newer ones need a newer rustc than the one this project targets.
const TRUNK_VERSION: &str = "0.21.14";
const TWIGGY_VERSION: &str = "0.8.0";
/// The wasm splitter the release build runs (`wasm-split-cli`, of `wasm_split_cli_support`).
const WASM_SPLIT_VERSION: &str = "0.2.4";
/// Debian's Chromium and its matching driver.
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// What a task needs installed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tools {
    /// Building the web app: the wasm target, Trunk, wasm-bindgen and the wasm splitter.
    App,
    /// The app's tools and a browser with its driver, for the in-browser and end-to-end tests.
    Browser,
}

impl Tools {
    /// Installs whatever of these tools is missing.
    pub fn ensure(self) -> Result<(), String> {
        toolchain::ensure()?;
        ensure_trunk()?;
        ensure_wasm_bindgen()?;
        ensure_wasm_split()?;
        ensure_build_packages()?;
        if self >= Tools::Browser {
            ensure_chromium()?;
            ensure_test_packages()?;
        }
        Ok(())
    }
}

/// The version a `tool --version` line names, such as `0.21.14` from `trunk 0.21.14`.
fn reported_version(program: &str) -> Option<String> {
    let mut version = command(program);
    version.arg("--version");
    output_line(version)?
        .split_whitespace()
        .nth(1)
        .map(str::to_owned)
}

fn ensure_trunk() -> Result<(), String> {
    if reported_version("trunk").as_deref() == Some(TRUNK_VERSION) {
        return Ok(());
    }
    println!(
        "installing Trunk {TRUNK_VERSION}, which builds the web app (about 11 minutes on 2 cores)"
    );
    let mut install = cargo();
    install.args(["install", "--locked", "trunk", "--version", TRUNK_VERSION]);
    run(install)
}

/// The version of the `wasm-bindgen` crate that Cargo.lock holds.
pub fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock_path = root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&lock_path)
        .map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    locked_version(&lock, "wasm-bindgen")
}

/// The version of the package `name` in the text of a Cargo.lock.
fn locked_version(lock: &str, name: &str) -> Result<String, String> {
    let lock: toml::Table = lock
        .parse()
        .map_err(|e| format!("Cargo.lock cannot be read: {e}"))?;
    lock.get("package")
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
        .find(|package| package.get("name").and_then(toml::Value::as_str) == Some(name))
        .and_then(|package| package.get("version").and_then(toml::Value::as_str))
        .map(str::to_owned)
        .ok_or_else(|| format!("Cargo.lock names no {name} version"))
}

fn ensure_wasm_bindgen() -> Result<(), String> {
    let wanted = locked_wasm_bindgen_version()?;
    if reported_version("wasm-bindgen").as_deref() == Some(wanted.as_str())
        && reported_version("wasm-bindgen-test-runner").as_deref() == Some(wanted.as_str())
    {
        return Ok(());
    }
    println!(
        "installing wasm-bindgen-cli {wanted}, the exact version of the wasm-bindgen crate in Cargo.lock \
         (about 4 minutes)"
    );
    // `--locked` fails to resolve one of its pinned dependencies on this registry; without it the
    // build works, and the tool's own version is still exact.
    let mut install = cargo();
    install.args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &format!("={wanted}"),
    ]);
    run(install)
}

/// The wasm splitter, which cuts the release build's wasm into its first part and the chunks
/// loaded later. It says no version of itself: cargo's list of installed packages does.
fn ensure_wasm_split() -> Result<(), String> {
    let mut list = cargo();
    list.args(["install", "--list"]);
    let installed = list
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
        .unwrap_or_default();
    let wanted = format!("wasm_split_cli_support v{WASM_SPLIT_VERSION}:");
    if installed.lines().any(|line| line.trim() == wanted) {
        return Ok(());
    }
    println!(
        "installing wasm-split-cli {WASM_SPLIT_VERSION}, which splits the release wasm into chunks \
         (about a minute)"
    );
    let mut install = cargo();
    install.args([
        "install",
        "--locked",
        "wasm_split_cli_support",
        "--version",
        WASM_SPLIT_VERSION,
        "--features",
        "build-binary",
    ]);
    run(install)
}

/// twiggy, which `cargo xtask bench` uses to tell each crate's share of the wasm.
pub fn ensure_twiggy() -> Result<(), String> {
    if reported_version("twiggy").as_deref() == Some(TWIGGY_VERSION) {
        return Ok(());
    }
    println!(
        "installing twiggy {TWIGGY_VERSION}, which tells what the wasm holds (about 3 minutes)"
    );
    let mut install = cargo();
    install.args(["install", "--locked", "twiggy", "--version", TWIGGY_VERSION]);
    run(install)
}

fn is_root() -> bool {
    let mut id = command("id");
    id.arg("-u");
    output_line(id).as_deref() == Some("0")
}

fn ensure_chromium() -> Result<(), String> {
    if Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file() {
        return Ok(());
    }
    println!("installing Debian's chromium and chromium-driver (the browser the tests drive)");
    let sudo: &[&str] = if is_root() { &[] } else { &["sudo", "-n"] };
    let apt = |args: &[&str]| {
        let all: Vec<&str> = sudo
            .iter()
            .chain(["apt-get"].iter())
            .chain(args)
            .copied()
            .collect();
        let mut apt = command(all[0]);
        apt.args(&all[1..]).env("DEBIAN_FRONTEND", "noninteractive");
        run(apt)
    };
    apt(&["update", "-q"])?;
    apt(&["install", "-y", "-q", "chromium", "chromium-driver"])
        .map_err(|why| format!("{why}; install the Debian packages chromium and chromium-driver"))
}

/// The npm packages of the end-to-end tests, at their locked versions: what they inject into pages
/// (axe-core) and the OpenID provider they sign in at (oidc-provider).
/// Binaryen's `wasm-opt` from the npm registry, which the release build runs after Trunk.
pub fn wasm_opt() -> PathBuf {
    root().join("web/node_modules/binaryen/bin/wasm-opt")
}

/// esbuild, which minifies the scripts of the release build (and bundles the benchmark's peer).
pub fn esbuild() -> PathBuf {
    root().join("web/node_modules/.bin/esbuild")
}

fn ensure_build_packages() -> Result<(), String> {
    if wasm_opt().is_file() && esbuild().is_file() {
        return Ok(());
    }
    println!(
        "installing Binaryen (wasm-opt) and esbuild from the npm registry, for the release build"
    );
    let mut npm = command("npm");
    npm.args(["ci", "--no-audit", "--no-fund"])
        .current_dir(root().join("web"));
    run(npm).map_err(|why| format!("{why}; the build needs Node.js and npm"))
}

/// The npm packages of the tests (also `cargo xtask run --sign-in`'s OpenID provider).
pub fn ensure_test_packages() -> Result<(), String> {
    let tests = root().join("tests");
    let installed = [
        "node_modules/axe-core/axe.min.js",
        "node_modules/oidc-provider/package.json",
        "node_modules/survey-js-ui/package.json",
    ]
    .iter()
    .all(|file| tests.join(file).is_file());
    if installed {
        return Ok(());
    }
    println!(
        "installing axe-core (the accessibility checker), oidc-provider (the OpenID provider) and \
         SurveyJS (the benchmark's peer) of the tests from the npm registry"
    );
    let mut npm = command("npm");
    npm.args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&tests);
    run(npm).map_err(|why| format!("{why}; the tests need Node.js and npm"))
}

#[cfg(test)]
mod tests {
    use super::locked_version;

    #[test]
    fn a_packages_version_is_read_from_its_lock_entry() {
        let lock = r#"
version = 4

[[package]]
name = "wasm-bindgen-futures"
version = "0.4.50"

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
dependencies = ["cfg-if"]
"#;
        assert_eq!(
            locked_version(lock, "wasm-bindgen"),
            Ok("0.2.130".to_owned())
        );
        assert!(locked_version(lock, "trunk").is_err());
    }
}
