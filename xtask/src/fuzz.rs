//! `cargo xtask fuzz [SECONDS]`: the core's fuzz targets, each for a set time, on nightly.

use crate::command::{command, output_line, root, run};

const CARGO_FUZZ_VERSION: &str = "0.13.2";
const TARGETS: [&str; 2] = ["validators", "json_decoding"];
const DEFAULT_SECONDS: u64 = 60;

/// `cargo` through rustup with the nightly toolchain, free of the stable run's settings.
fn nightly_cargo() -> std::process::Command {
    let mut cargo = command("cargo");
    cargo
        .arg("+nightly")
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("CARGO")
        .env_remove("RUSTC");
    cargo
}

fn ensure_tools() -> Result<(), String> {
    let mut nightly = command("rustc");
    nightly
        .args(["+nightly", "--version"])
        .env_remove("RUSTUP_TOOLCHAIN");
    if output_line(nightly).is_none() {
        println!("installing the nightly toolchain (cargo-fuzz needs it for the sanitizer)");
        let mut install = command("rustup");
        install.args(["toolchain", "install", "nightly", "--profile", "minimal"]);
        run(install)?;
    }
    let mut version = nightly_cargo();
    version.args(["fuzz", "--version"]);
    let installed = output_line(version).is_some_and(|line| line.ends_with(CARGO_FUZZ_VERSION));
    if !installed {
        println!("installing cargo-fuzz {CARGO_FUZZ_VERSION}");
        let mut install = command("cargo");
        install.args([
            "install",
            "--locked",
            "cargo-fuzz",
            "--version",
            CARGO_FUZZ_VERSION,
        ]);
        run(install)?;
    }
    Ok(())
}

pub fn fuzz(seconds: Option<&str>) -> Result<(), String> {
    let seconds = match seconds {
        Some(text) => text
            .parse::<u64>()
            .map_err(|_| format!("{text:?} is not a number of seconds"))?,
        None => DEFAULT_SECONDS,
    };
    ensure_tools()?;
    for target in TARGETS {
        let mut fuzz = nightly_cargo();
        fuzz.current_dir(root().join("core")).args([
            "fuzz",
            "run",
            target,
            "--",
            &format!("-max_total_time={seconds}"),
        ]);
        run(fuzz).map_err(|why| {
            format!("fuzz target {target} found a crash (see core/fuzz/artifacts): {why}")
        })?;
    }
    println!(
        "fuzz: {} targets, {seconds} s each, 0 crashes",
        TARGETS.len()
    );
    Ok(())
}
