//! The project's tasks, as `cargo xtask <task>`: one Rust command on any machine.

mod build;
mod command;
mod install;
mod run;
mod test;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <task>

tasks:
  run       install what is missing, build the app (release) and serve it with the
            reference server on http://127.0.0.1:8080 until Ctrl-C
  test      install what is missing, then format check, clippy (native and wasm32),
            native tests, in-browser tests and end-to-end tests; ends with `N passed, N failed`
  install   only install what is missing (wasm target, Trunk, wasm-bindgen, Chromium)";

fn main() -> ExitCode {
    let task = std::env::args().nth(1);
    let outcome = match task.as_deref() {
        Some("run") => run::run(),
        Some("test") => test::test(),
        Some("install") => install::Tools::Browser.ensure(),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("xtask: {why}");
            ExitCode::FAILURE
        }
    }
}
