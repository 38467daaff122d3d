//! `cargo xtask test`: every check of the project, ending with `N passed, N failed`.

use std::process::Command;

use crate::command::{Counts, cargo, root, run, run_tests};
use crate::install::{self, Tools};
use crate::{bench, build, contract, integrity, server};

const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// What the steps add up to.
#[derive(Default)]
struct Tally {
    counts: Counts,
    failed_steps: Vec<String>,
}

impl Tally {
    /// A step that is not a test run: it counts only when it fails.
    fn check(&mut self, name: &str, outcome: Result<(), String>) -> bool {
        println!();
        match outcome {
            Ok(()) => true,
            Err(why) => {
                eprintln!("{name}: {why}");
                self.counts.failed += 1;
                self.failed_steps.push(name.to_owned());
                false
            }
        }
    }

    /// A test run: its tests count; a failure with no failed test (it did not build) counts once.
    fn tests(&mut self, name: &str, (counts, outcome): (Counts, Result<(), String>)) {
        self.counts.passed += counts.passed;
        self.counts.failed += counts.failed;
        if let Err(why) = outcome {
            eprintln!("{name}: {why}");
            if counts.failed == 0 {
                self.counts.failed += 1;
            }
            self.failed_steps.push(name.to_owned());
        }
        println!();
    }
}

fn clippy(args: &[&str]) -> Command {
    let mut clippy = cargo();
    clippy
        .arg("clippy")
        .args(args)
        .args(["--", "-D", "warnings"]);
    clippy
}

/// Clippy for the browser: the core's library (its tests and benches are native) and every
/// target of the web app; the server and the tools are native only.
fn clippy_wasm() -> Result<(), String> {
    run(clippy(&[
        "--package",
        "assistant-core",
        "--lib",
        "--target",
        WASM_TARGET,
    ]))?;
    run(clippy(&[
        "--package",
        "assistant-web",
        "--all-targets",
        "--target",
        WASM_TARGET,
    ]))
}

pub fn test() -> Result<(), String> {
    let mut tally = Tally::default();
    if !tally.check("install", Tools::Browser.ensure()) {
        return finish(&tally);
    }

    let mut fmt = cargo();
    fmt.args(["fmt", "--all", "--check"]);
    tally.check("format", run(fmt));
    tally.check(
        "clippy (native)",
        run(clippy(&["--workspace", "--all-targets"])),
    );
    tally.check("clippy (wasm32)", clippy_wasm());
    let mut docs = cargo();
    docs.args(["doc", "--package", "assistant-core", "--no-deps"])
        .env("RUSTDOCFLAGS", "-D warnings");
    tally.check("core docs", run(docs));

    let mut native = cargo();
    native.args(["test", "--workspace", "--exclude", "assistant-e2e"]);
    tally.tests("native tests", run_tests(native));

    // The client's tests talk to a real reference server over HTTP.
    let api =
        build::server().and_then(|binary| server::start_server(&binary, &["--enable-faults"]));
    let mut in_browser = cargo();
    match &api {
        Ok((_, url)) => {
            in_browser.env("ASSISTANT_TEST_API", url);
        }
        Err(why) => {
            tally.check("start the API for the client's tests", Err(why.clone()));
        }
    }
    in_browser
        .args([
            "test",
            "--package",
            "assistant-web",
            "--target",
            WASM_TARGET,
            "--test",
            "*",
        ])
        .env("CHROMEDRIVER", install::CHROMEDRIVER)
        .env(
            "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
            root().join("web/webdriver.json"),
        )
        .env("WASM_BINDGEN_TEST_TIMEOUT", "180")
        .env("WASM_BINDGEN_TEST_DRIVER_TIMEOUT", "60");
    tally.tests("in-browser tests", run_tests(in_browser));

    let server = build::server();
    if let Ok(binary) = &server {
        tally.check("API contract (schemathesis)", contract::test(binary));
    }

    let app = build::app();
    match (app, server) {
        (Ok(dist), Ok(server)) => {
            tally.check("the built page's integrity hashes", integrity::check(&dist));
            tally.check(
                "size budget (budgets.toml)",
                bench::Budgets::read()
                    .and_then(|budgets| bench::check_sizes_of(&dist, &server, &budgets)),
            );
            let mut e2e = cargo();
            e2e.args(["test", "--package", "assistant-e2e"])
                .env("ASSISTANT_DIST", dist)
                .env("ASSISTANT_SERVER_BIN", server)
                .env("CHROMEDRIVER", install::CHROMEDRIVER)
                .env("CHROMIUM", install::CHROMIUM);
            tally.tests("end-to-end tests", run_tests(e2e));
        }
        (app, server) => {
            tally.check("build the app", app.map(drop));
            tally.check("build the server", server.map(drop));
        }
    }
    finish(&tally)
}

fn finish(tally: &Tally) -> Result<(), String> {
    if !tally.failed_steps.is_empty() {
        println!("failed: {}", tally.failed_steps.join(", "));
    }
    println!(
        "{} passed, {} failed",
        tally.counts.passed, tally.counts.failed
    );
    if tally.counts.failed == 0 {
        Ok(())
    } else {
        Err("some checks failed".into())
    }
}
