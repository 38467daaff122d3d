//! `cargo xtask run`: the app and the reference server on http://127.0.0.1:8080; with
//! `--sign-in`, signing in at the tests' OpenID provider on http://127.0.0.1:8090, at its
//! multi-tenant authority (`/common/v2.0`), as a deployment does at Microsoft Entra ID's.

use std::process::{Child, Stdio};

use crate::install::Tools;
use crate::{build, command};

const PORT: &str = "8080";
const PROVIDER_PORT: &str = "8090";
/// The API's identifier at the provider (the tests' provider issues tokens for it).
const AUDIENCE: &str = "api://migration-assistant";

pub fn run(args: &[String]) -> Result<(), String> {
    let sign_in = match args {
        [] => false,
        [flag] if flag == "--sign-in" => true,
        _ => return Err(format!("run takes --sign-in or nothing, not {args:?}")),
    };
    if sign_in {
        crate::install::ensure_test_packages()?;
    }
    Tools::App.ensure()?;
    let dist = build::app()?;
    let server = build::server()?;
    let mut serve = command::command(server);
    serve.args(["--port", PORT, "--static-dir"]).arg(dist);
    let _provider = if sign_in {
        let (provider, issuer) = start_provider()?;
        serve.args([
            "--auth",
            "oidc",
            "--issuer",
            &issuer,
            "--audience",
            AUDIENCE,
        ]);
        println!(
            "\nSign in at the test provider as one of:\n{}",
            provider_users()?
        );
        Some(KillOnDrop(provider))
    } else {
        None
    };
    println!("\nThe assistant is at http://127.0.0.1:{PORT}/ (Ctrl-C stops it)\n");
    command::run(serve)
}

struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn provider_script() -> std::path::PathBuf {
    command::root().join("tests/oidc/provider.mjs")
}

/// The tests' OpenID provider, its keys kept in `.data/oidc-keys`; and its multi-tenant
/// authority, as Microsoft Entra ID's `…/common/v2.0`.
fn start_provider() -> Result<(Child, String), String> {
    let issuer = format!("http://127.0.0.1:{PROVIDER_PORT}/common/v2.0");
    let child = command::command("node")
        .arg(provider_script())
        .arg("serve")
        .env("OIDC_PORT", PROVIDER_PORT)
        .env("OIDC_KEYS", command::root().join(".data/oidc-keys"))
        .env("OIDC_REDIRECT_URIS", format!("http://127.0.0.1:{PORT}/"))
        .env("OIDC_AUDIENCE", AUDIENCE)
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start the OpenID provider with node: {e}"))?;
    Ok((child, issuer))
}

/// The provider's users, as it lists them.
fn provider_users() -> Result<String, String> {
    let output = command::command("node")
        .arg(provider_script())
        .arg("users")
        .output()
        .map_err(|e| format!("cannot run node: {e}"))?;
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}
