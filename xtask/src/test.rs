//! `cargo xtask test`: every check of the project, a summary of each step, and last
//! `N passed, N failed`.
//!
//! A step that runs tests must run at least as many as `test-floors.toml` records for it: a test
//! file compiled out, or a module left out of the end-to-end suite, would otherwise pass as
//! "0 passed, 0 failed". A step that is a check (format, clippy, the contract, sizes) says what
//! it checked and counts as one.

use std::collections::BTreeMap;
use std::process::Command;
use std::time::Duration;

use crate::command::{Counts, cargo, root, run, run_tests};
use crate::install::{self, Tools};
use crate::{bench, build, contract, integrity, react_portal, server};

use crate::toolchain::WASM_TARGET;

/// The longest each test command may take, its build included, before it is stopped: about three
/// times what a new machine takes, so that a test that stops answering fails the run with its
/// name, well inside CI's 90 minutes, rather than holding the run until CI gives up.
const NATIVE_LIMIT: Duration = Duration::from_secs(25 * 60);
const IN_BROWSER_LIMIT: Duration = Duration::from_secs(25 * 60);
const END_TO_END_LIMIT: Duration = Duration::from_secs(45 * 60);

const FLOORS_FILE: &str = "test-floors.toml";

/// The fewest tests each test step may run, by the step's name (`[floors]` of
/// `test-floors.toml`).
#[derive(Debug, Default)]
struct Floors(BTreeMap<String, u64>);

impl Floors {
    fn read() -> Result<Self, String> {
        let path = root().join(FLOORS_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{FLOORS_FILE}: {e}"))?;
        let table = text
            .parse::<toml::Table>()
            .map_err(|e| format!("{FLOORS_FILE}: {e}"))?;
        let floors = table
            .get("floors")
            .and_then(toml::Value::as_table)
            .ok_or_else(|| format!("{FLOORS_FILE} has no [floors]"))?;
        floors
            .iter()
            .map(|(step, floor)| {
                floor
                    .as_integer()
                    .and_then(|n| u64::try_from(n).ok())
                    .map(|floor| (step.clone(), floor))
                    .ok_or_else(|| format!("{FLOORS_FILE}: {step} is not a count"))
            })
            .collect::<Result<_, _>>()
            .map(Floors)
    }

    fn of(&self, step: &str) -> u64 {
        self.0.get(step).copied().unwrap_or_default()
    }
}

/// How one step ended.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    /// A check: what it checked, and why it failed if it did.
    Check {
        checked: String,
        failure: Option<String>,
    },
    /// A test run: its counts, its floor, and why it failed if it did.
    Tests {
        counts: Counts,
        floor: u64,
        failure: Option<String>,
    },
}

impl Outcome {
    /// A test run measured against its floor: fewer tests than the floor fail the step.
    fn tests(counts: Counts, floor: u64, outcome: Result<(), String>) -> Self {
        let ran = counts.passed + counts.failed;
        let failure = match outcome {
            Err(why) => Some(why),
            Ok(()) if ran < floor => Some(format!(
                "ran {ran} tests, fewer than the {floor} recorded in {FLOORS_FILE}: some were not found"
            )),
            Ok(()) => None,
        };
        Outcome::Tests {
            counts,
            floor,
            failure,
        }
    }

    /// The passed and failed this step adds to the total: a check is one; a failed test run
    /// whose tests did not fail (it did not build, or ran too few) adds one failure.
    fn counts(&self) -> Counts {
        match self {
            Outcome::Check { failure: None, .. } => Counts {
                passed: 1,
                failed: 0,
            },
            Outcome::Check {
                failure: Some(_), ..
            } => Counts {
                passed: 0,
                failed: 1,
            },
            Outcome::Tests {
                counts, failure, ..
            } => Counts {
                passed: counts.passed,
                failed: counts.failed + u64::from(failure.is_some() && counts.failed == 0),
            },
        }
    }

    fn failure(&self) -> Option<&str> {
        match self {
            Outcome::Check { failure, .. } | Outcome::Tests { failure, .. } => failure.as_deref(),
        }
    }

    /// The step's line of the summary.
    fn summary(&self) -> String {
        let end = self
            .failure()
            .map_or(String::new(), |why| format!(" — FAILED: {why}"));
        match self {
            Outcome::Check { checked, .. } => format!("1 check: {checked}{end}"),
            Outcome::Tests { counts, floor, .. } => format!(
                "{} passed, {} failed (floor {floor}){end}",
                counts.passed, counts.failed
            ),
        }
    }
}

/// What the steps add up to.
#[derive(Default)]
struct Tally {
    steps: Vec<(String, Outcome)>,
    floors: Floors,
}

impl Tally {
    /// A step that is a check: `checked` says what it checked; it counts as one.
    fn check(&mut self, name: &str, checked: &str, outcome: Result<(), String>) -> bool {
        println!();
        let ok = outcome.is_ok();
        if let Err(why) = &outcome {
            eprintln!("{name}: {why}");
        }
        self.steps.push((
            name.to_owned(),
            Outcome::Check {
                checked: checked.to_owned(),
                failure: outcome.err(),
            },
        ));
        ok
    }

    /// A test run: its tests count, against the floor recorded for `name`.
    fn tests(&mut self, name: &str, (counts, outcome): (Counts, Result<(), String>)) {
        let floor = self.floors.of(name);
        let outcome = Outcome::tests(counts, floor, outcome);
        if let Some(why) = outcome.failure() {
            eprintln!("{name}: {why}");
        }
        self.steps.push((name.to_owned(), outcome));
        println!();
    }

    fn total(&self) -> Counts {
        self.steps
            .iter()
            .fold(Counts::default(), |total, (_, step)| {
                let counts = step.counts();
                Counts {
                    passed: total.passed + counts.passed,
                    failed: total.failed + counts.failed,
                }
            })
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
    match Floors::read() {
        Ok(floors) => tally.floors = floors,
        Err(why) => {
            tally.check("test floors", FLOORS_FILE, Err(why));
            return finish(&tally);
        }
    }
    if !tally.check(
        "install",
        "the tools the checks need are present",
        Tools::Browser.ensure(),
    ) {
        return finish(&tally);
    }

    let mut fmt = cargo();
    fmt.args(["fmt", "--all", "--check"]);
    tally.check("format", "cargo fmt --check, every crate", run(fmt));
    tally.check(
        "clippy (native)",
        "every target of every crate, warnings denied",
        run(clippy(&["--workspace", "--all-targets"])),
    );
    tally.check(
        "clippy (wasm32)",
        "the core's library and every target of the web app, warnings denied",
        clippy_wasm(),
    );
    let mut docs = cargo();
    docs.args(["doc", "--package", "assistant-core", "--no-deps"])
        .env("RUSTDOCFLAGS", "-D warnings");
    tally.check(
        "core docs",
        "rustdoc of the core, warnings denied",
        run(docs),
    );

    let mut native = cargo();
    native.args(["test", "--workspace", "--exclude", "assistant-e2e"]);
    tally.tests("native tests", run_tests(native, NATIVE_LIMIT));

    // The client's tests talk to a real reference server over HTTP.
    let api =
        build::server().and_then(|binary| server::start_server(&binary, &["--enable-faults"]));
    let mut in_browser = cargo();
    match &api {
        Ok((_, url)) => {
            in_browser.env("ASSISTANT_TEST_API", url);
        }
        Err(why) => {
            tally.check(
                "start the API for the client's tests",
                "the reference server starts",
                Err(why.clone()),
            );
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
    tally.tests("in-browser tests", run_tests(in_browser, IN_BROWSER_LIMIT));

    let server = build::server();
    if let Ok(binary) = &server {
        tally.check(
            "API contract (schemathesis)",
            "the running server against server/openapi.yaml, every check, 60 s",
            contract::test(binary),
        );
    }

    let app = build::app();
    match (app, server) {
        (Ok(dist), Ok(server)) => {
            tally.check(
                "integrity hashes",
                "each integrity hash of the built index.html matches its file",
                integrity::check(&dist),
            );
            tally.check(
                "size budget",
                "the first screen and its wasm, gzip, against budgets.toml",
                bench::Budgets::read()
                    .and_then(|budgets| bench::check_sizes_of(&dist, &server, &budgets)),
            );
            // A portal built with React, which installs the widget's package from the build.
            let react_portal = react_portal::build(&dist);
            if let Err(why) = &react_portal {
                tally.check(
                    "React portal",
                    "examples/react-portal installed and bundled by esbuild",
                    Err(why.clone()),
                );
            }
            let mut e2e = cargo();
            e2e.args(["test", "--package", "assistant-e2e"])
                .env("ASSISTANT_REACT_PORTAL", react_portal.unwrap_or_default())
                .env("ASSISTANT_DIST", dist)
                .env("ASSISTANT_SERVER_BIN", server)
                .env("CHROMEDRIVER", install::CHROMEDRIVER)
                .env("CHROMIUM", install::CHROMIUM);
            tally.tests("end-to-end tests", run_tests(e2e, END_TO_END_LIMIT));
        }
        (app, server) => {
            tally.check("build the app", "trunk build --release", app.map(drop));
            tally.check("build the server", "cargo build", server.map(drop));
        }
    }
    finish(&tally)
}

fn finish(tally: &Tally) -> Result<(), String> {
    println!("summary:");
    let width = tally
        .steps
        .iter()
        .map(|(name, _)| name.len())
        .max()
        .unwrap_or(0);
    for (name, outcome) in &tally.steps {
        println!("  {name:width$}  {}", outcome.summary());
    }
    let total = tally.total();
    println!("{} passed, {} failed", total.passed, total.failed);
    if total.failed == 0 {
        Ok(())
    } else {
        Err("some checks failed".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(passed: u64, failed: u64) -> Counts {
        Counts { passed, failed }
    }

    #[test]
    fn a_test_step_that_ran_fewer_than_its_floor_fails() {
        let short = Outcome::tests(counts(40, 0), 49, Ok(()));
        assert!(
            short
                .failure()
                .is_some_and(|why| why.contains("ran 40 tests"))
        );
        assert_eq!(short.counts(), counts(40, 1));
        let enough = Outcome::tests(counts(49, 0), 49, Ok(()));
        assert_eq!(enough.failure(), None);
        assert_eq!(enough.counts(), counts(49, 0));
    }

    #[test]
    fn a_step_whose_tests_failed_counts_them_and_no_more() {
        let failed = Outcome::tests(counts(47, 2), 49, Err("2 failed".into()));
        assert_eq!(failed.counts(), counts(47, 2));
        let unbuilt = Outcome::tests(counts(0, 0), 49, Err("did not build".into()));
        assert_eq!(unbuilt.counts(), counts(0, 1));
    }

    #[test]
    fn a_check_counts_as_one() {
        let passed = Outcome::Check {
            checked: "x".into(),
            failure: None,
        };
        let failed = Outcome::Check {
            checked: "x".into(),
            failure: Some("no".into()),
        };
        assert_eq!(passed.counts(), counts(1, 0));
        assert_eq!(failed.counts(), counts(0, 1));
    }

    #[test]
    fn the_repositorys_floors_name_every_test_step() {
        let floors = Floors::read().unwrap();
        for step in ["native tests", "in-browser tests", "end-to-end tests"] {
            assert!(floors.of(step) > 0, "{step}");
        }
    }
}
