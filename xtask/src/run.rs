//! `cargo xtask run`: the app and the reference server on http://127.0.0.1:8080.

use crate::install::Tools;
use crate::{build, command};

const PORT: &str = "8080";

pub fn run() -> Result<(), String> {
    Tools::App.ensure()?;
    let dist = build::app()?;
    let server = build::server()?;
    println!("\nThe assistant is at http://127.0.0.1:{PORT}/ (Ctrl-C stops it)\n");
    let mut serve = command::command(server);
    serve.args(["--port", PORT, "--static-dir"]).arg(dist);
    command::run(serve)
}
