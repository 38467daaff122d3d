//! The project's tasks, as `cargo xtask <task>`: one Rust command on any machine.

mod bench;
mod build;
mod command;
mod compress;
mod contract;
mod fingerprint;
mod fuzz;
mod install;
mod integrity;
mod package;
mod peer;
mod react_portal;
mod run;
mod server;
mod shares;
mod test;
mod toolchain;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <task>

tasks:
  run [--sign-in]
            install what is missing, build the app (release) and serve it with the
            reference server on http://127.0.0.1:8080 until Ctrl-C; --sign-in starts the
            tests' OpenID provider beside it and signs in there (it prints the users)
  build [--react-portal]
            install what is missing and build the app (release) into dist/, ready for a
            static host (with 404.html and the hosts' configurations) or a portal (with
            the widget's package.json and types); --react-portal also builds the React
            portal of examples/react-portal/ into target/react-portal/
  test      install what is missing, then format check, clippy (native and wasm32),
            native tests, the API contract test (schemathesis), in-browser tests, the
            size budget and end-to-end tests; ends with `N passed, N failed`
  install   only install what is missing (wasm target, Trunk, wasm-bindgen, the wasm
            splitter, wasm-opt, esbuild, Chromium, and the tests' npm packages)
  bench [--check | --scale | --dist DIR]
            build the app (release) and measure what its first screen transfers (raw,
            gzip and brotli), the median time to its first control and first question page
            in headless Chromium with the CPU throttled 4x, the same beside a SurveyJS page
            of the same questions (sizes; the first contentful paint, the first control, the
            layout shift and the chain of requests before the first control, with and
            without a slow mobile network, median and spread of 9 cold loads on the API and
            on the demo backend), each crate's share of the wasm (twiggy, installed if missing) and the
            core's rules (Criterion), against budgets.toml; --check measures the sizes only
            and fails over a limit; --scale also times the overview, the checklist and a
            tick with 200 more accounts, one with 500 offers; --dist DIR measures an app
            built before (its sizes and times only), to compare with
  fuzz [S]  run the core's fuzz targets for S seconds each (default 60), on nightly";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        Some("run") => run::run(&args[1..]),
        Some("build") => install::Tools::App
            .ensure()
            .and_then(|()| build::app())
            .and_then(|dist| match args.get(1).map(String::as_str) {
                Some("--react-portal") => react_portal::build(&dist).map(|out| {
                    println!("the React portal is in {}", out.display());
                }),
                _ => Ok(()),
            }),
        Some("test") => test::test(),
        Some("install") => install::Tools::Browser.ensure(),
        Some("bench") => bench::bench(&args[1..]),
        Some("fuzz") => fuzz::fuzz(args.get(1).map(String::as_str)),
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
