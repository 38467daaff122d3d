//! End-to-end tests: the built app, served by the reference server, in headless Chromium.
//!
//! Run through `cargo xtask test`, which builds the app and the server and says where they are:
//! `ASSISTANT_DIST` (the built app), `ASSISTANT_SERVER_BIN` (the server binary); `CHROMEDRIVER` and
//! `CHROMIUM` default to Debian's `/usr/bin/chromedriver` and `/usr/bin/chromium`.

mod accessibility;
mod addresses;
mod checklist;
mod chunks;
mod drafts;
mod first_paint;
mod harness;
mod help;
mod hostile;
mod identity;
mod limits;
mod migration;
mod polling;
mod react_portal;
mod reliability;
mod saves;
mod sign_in;
mod smoke;
mod static_host;
mod tokens;
mod widget;
mod widget_failures;

use std::process::ExitCode;

use libtest_mimic::{Arguments, Trial};

use assistant_e2e::harness::Harness;

fn main() -> ExitCode {
    let mut args = Arguments::from_args();
    // One browser at a time: two cores, and every test drives a whole browser.
    args.test_threads = Some(1);

    let harness = match Harness::start() {
        Ok(harness) => harness,
        Err(why) => {
            eprintln!("end-to-end tests cannot start: {why}");
            eprintln!("run them with `cargo xtask test`, which builds and provides everything.");
            return ExitCode::FAILURE;
        }
    };
    let trials: Vec<Trial> = [
        harness::tests(&harness),
        smoke::tests(&harness),
        addresses::tests(&harness),
        migration::tests(&harness),
        checklist::tests(&harness),
        help::tests(&harness),
        hostile::tests(&harness),
        widget::tests(&harness),
        widget_failures::tests(&harness),
        react_portal::tests(&harness),
        accessibility::tests(&harness),
        reliability::tests(&harness),
        saves::tests(&harness),
        polling::tests(&harness),
        static_host::tests(&harness),
        limits::tests(&harness),
        chunks::tests(&harness),
        tokens::tests(&harness),
        sign_in::tests(&harness),
        identity::tests(&harness),
        drafts::tests(&harness),
        first_paint::tests(&harness),
    ]
    .into_iter()
    .flatten()
    .collect();
    libtest_mimic::run(&args, trials).exit_code()
}
