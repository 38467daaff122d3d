//! The React portal of `examples/react-portal/`: a portal's repository that installs the widget's
//! package from the build (`file:../../dist`) beside React and TypeScript (locked in its
//! `package-lock.json`), bundled by esbuild into `target/react-portal/` with the files of the
//! package's tarball (`npm pack`) in `assistant/`, as a portal serves them. The end-to-end tests run the page and
//! type-check the example with its TypeScript.

use std::path::{Path, PathBuf};

use crate::build::target_dir;
use crate::command::{command, root, run};
use crate::{install, package};

/// The example's folder.
pub fn source() -> PathBuf {
    root().join("examples/react-portal")
}

/// Installs the example's npm packages at their locked versions, the widget's package among
/// them (`npm install ../../dist`, a link): run after the app is built, since that package is the
/// build.
fn ensure_packages(source: &Path) -> Result<(), String> {
    let modules = source.join("node_modules");
    let installed = [
        "react-dom/package.json",
        "typescript/package.json",
        &format!("{}/package.json", package::NAME),
    ]
    .iter()
    .all(|file| modules.join(file).is_file());
    if installed {
        return Ok(());
    }
    println!(
        "installing the React portal's packages (React, TypeScript, and the widget's package from \
         dist/) from the npm registry"
    );
    let mut npm = command("npm");
    npm.args(["ci", "--no-audit", "--no-fund"])
        .current_dir(source);
    run(npm).map_err(|why| format!("{why}; the React portal needs Node.js and npm"))
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let target = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            copy_tree(&path, &target)?;
        } else {
            std::fs::copy(&path, &target)
                .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// The widget's package as `npm pack` makes it of `dist`, unpacked: what a portal installs
/// from a tarball holds only the package's `files`, so the page proves they are all it needs.
fn packed(dist: &Path) -> Result<PathBuf, String> {
    let folder = target_dir().join("react-portal-package");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let mut pack = command("npm");
    pack.args(["pack", "--silent", "--pack-destination"])
        .arg(&folder)
        .current_dir(dist);
    run(pack)?;
    let tarball = std::fs::read_dir(&folder)
        .map_err(|e| format!("{}: {e}", folder.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|ext| ext == "tgz"))
        .ok_or("npm pack made no tarball")?;
    let mut unpack = command("tar");
    unpack.arg("-xzf").arg(&tarball).arg("-C").arg(&folder);
    run(unpack)?;
    Ok(folder.join("package"))
}

/// Builds the portal's page into `target/react-portal/` and returns that folder: `index.html`,
/// `portal.js` (React and the page, minified for production), and `assistant/` (the widget's
/// files, from the package's tarball).
pub fn build(dist: &Path) -> Result<PathBuf, String> {
    let source = source();
    ensure_packages(&source)?;
    let out = target_dir().join("react-portal");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    std::fs::copy(source.join("index.html"), out.join("index.html"))
        .map_err(|e| format!("cannot copy the portal's page: {e}"))?;

    let widget = packed(dist)?;
    std::fs::create_dir_all(out.join("assistant")).map_err(|e| e.to_string())?;
    std::fs::copy(widget.join("widget.js"), out.join("assistant/widget.js"))
        .map_err(|e| format!("cannot copy the widget: {e}"))?;
    copy_tree(&widget.join("assets"), &out.join("assistant/assets"))?;

    let mut esbuild = command(install::esbuild());
    esbuild
        .arg(source.join("src/main.tsx"))
        .args([
            "--bundle",
            "--minify",
            "--format=esm",
            "--jsx=automatic",
            "--define:process.env.NODE_ENV=\"production\"",
            "--log-level=warning",
        ])
        .arg(format!("--outfile={}", out.join("portal.js").display()));
    run(esbuild)?;
    Ok(out)
}
