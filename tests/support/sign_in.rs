//! A real OpenID Provider for the tests (`tests/oidc/provider.mjs`, oidc-provider from the npm
//! registry), which behaves as Microsoft Entra ID's multi-tenant authority (`/common/v2.0`, each
//! tenant at `/<tenant id>/v2.0`), and the reference server in `oidc` mode beside it at that
//! authority, serving the app that signs in there; and tokens of the tests' own making, signed
//! with a tenant's keys.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::harness::free_port;
use crate::limits::{START_LIMIT, first_line};

/// The API's identifier at the provider: its access tokens' `aud`.
pub const AUDIENCE: &str = "api://migration-assistant";

/// The app's client id at the provider.
pub const CLIENT_ID: &str = "migration-assistant";

/// The provider's users: the address they sign in with, and their password.
pub const FABRIKAM_ADMIN: (&str, &str) = ("admin@fabrikam.example", "fabrikam-trial");
/// The owner of Northwind Traders, who signs in with a personal Microsoft account.
pub const NORTHWIND_PUBLISHER: (&str, &str) =
    ("northwind.publisher@outlook.com", "northwind-trial");
/// A personal Microsoft account invited as a guest into Fabrikam's tenant (an owner of Fabrikam's
/// CPP account).
pub const FABRIKAM_GUEST: (&str, &str) = ("fabrikam.contractor@outlook.com", "guest-trial");
/// A user of another tenant whose unverified `email` is Fabrikam's owner's address.
pub const IMPOSTOR: (&str, &str) = ("mallory@woodgrove.example", "woodgrove-trial");
/// Adatum's lead, at the address they had at first, and at the one they have since.
pub const ADATUM_LEAD: (&str, &str) = ("lead@adatum.example", "adatum-trial");
/// Adatum's lead, renamed.
pub const ADATUM_LEAD_RENAMED: (&str, &str) = ("adatum.lead@adatum.example", "adatum-trial");

/// The object id of Fabrikam's owner in Fabrikam's tenant, as the provider gives it.
pub const FABRIKAM_ADMIN_OID: &str = "f1a2b3c4-0001-4000-8000-00000000a001";

/// The tenants of the provider.
pub const FABRIKAM_TENANT: &str = "a5d7c2f0-3b8e-4c1d-9f6a-2e4b8d0c7f13";
/// The tenant of the user whose unverified address is Fabrikam's owner's.
pub const WOODGROVE_TENANT: &str = "3c1f6e2a-7d4b-4f0e-8a9c-5b2d1e0f4a67";

/// How the provider behaves, beyond its defaults.
#[derive(Debug, Clone, Default)]
pub struct Behaviour {
    /// Seconds an access token lasts (default an hour).
    pub access_token_seconds: Option<u64>,
    /// Seconds the common key set may be cached (its `Cache-Control: max-age`).
    pub keys_max_age_seconds: Option<u64>,
    /// No `end_session_endpoint` at the common authority (as Google's).
    pub no_end_session: bool,
    /// The API's identifier, its access tokens' `aud` (default [`AUDIENCE`]); Microsoft Entra ID
    /// gives the client id when the API is the app's own.
    pub audience: Option<&'static str>,
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("oidc/provider.mjs")
}

/// The provider, running.
pub struct Provider {
    child: Option<Child>,
    port: u16,
    /// Its folder of keys: a folder per tenant (`jwks.json`, and `<kid>.pem` of each).
    pub keys: PathBuf,
    redirect_uri: String,
    behaviour: Behaviour,
}

impl Provider {
    /// Starts the provider on a free port with keys in `keys` (made there if none), for the app at
    /// `redirect_uri`, behaving as `behaviour` says.
    pub fn start(keys: PathBuf, redirect_uri: &str, behaviour: Behaviour) -> Result<Self, String> {
        let mut provider = Self {
            child: None,
            port: free_port()?,
            keys,
            redirect_uri: redirect_uri.to_owned(),
            behaviour,
        };
        provider.run()?;
        Ok(provider)
    }

    fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Its multi-tenant authority, as Microsoft Entra ID's `…/common/v2.0`.
    pub fn authority(&self) -> String {
        format!("{}/common/v2.0", self.base())
    }

    /// The issuer of the tenant `tid` (a single-tenant authority too).
    pub fn tenant_issuer(&self, tid: &str) -> String {
        format!("{}/{tid}/v2.0", self.base())
    }

    /// The folder of the keys of the tenant `tid`.
    pub fn keys_of(&self, tid: &str) -> PathBuf {
        self.keys.join(tid)
    }

    fn script(&self) -> Command {
        let mut command = Command::new("node");
        command
            .arg(script())
            .env("OIDC_KEYS", &self.keys)
            .env("OIDC_TENANT", FABRIKAM_TENANT);
        command
    }

    fn run(&mut self) -> Result<(), String> {
        let behaviour = &self.behaviour;
        let mut command = self.script();
        command
            .arg("serve")
            .env("OIDC_PORT", self.port.to_string())
            .env("OIDC_CLIENT_ID", CLIENT_ID)
            .env("OIDC_REDIRECT_URIS", &self.redirect_uri)
            .env("OIDC_AUDIENCE", behaviour.audience.unwrap_or(AUDIENCE))
            .env(
                "OIDC_ACCESS_TOKEN_TTL",
                behaviour.access_token_seconds.unwrap_or(3600).to_string(),
            )
            .env(
                "OIDC_KEYS_MAX_AGE",
                behaviour.keys_max_age_seconds.unwrap_or(3600).to_string(),
            );
        if behaviour.no_end_session {
            command.env("OIDC_NO_END_SESSION", "1");
        }
        // What it says on stderr (oidc-provider's notices, a failure) goes to a file of its own,
        // which says why when it does not start.
        std::fs::create_dir_all(&self.keys).map_err(|e| e.to_string())?;
        let said = self.keys.join("provider.log");
        let log = std::fs::File::create(&said).map_err(|e| e.to_string())?;
        let mut child = command
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .map_err(|e| format!("cannot start the OpenID provider with node: {e}"))?;
        let first_line = first_line(&mut child, START_LIMIT).map_err(|why| {
            let stderr = std::fs::read_to_string(&said).unwrap_or_default();
            format!("the OpenID provider: {why}; on stderr: {stderr:?}")
        })?;
        if first_line.trim() != self.base() {
            let _ = child.kill();
            return Err(format!(
                "the OpenID provider said {first_line:?}, not its address (run `npm ci` in tests/)"
            ));
        }
        self.child = Some(child);
        Ok(())
    }

    fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Stops and starts the provider again: every session it held is gone; its keys stay.
    pub fn restart(&mut self) -> Result<(), String> {
        self.stop();
        self.run()
    }

    fn change_keys(&mut self, args: &[&str]) -> Result<String, String> {
        let output = self
            .script()
            .args(args)
            .output()
            .map_err(|e| e.to_string())?;
        if !output.status.success() {
            return Err(String::from_utf8_lossy(&output.stderr).into_owned());
        }
        self.restart()?;
        Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
    }

    /// Puts a new signing key first in Fabrikam's set (the old ones stay published) and restarts
    /// the provider, as a provider rotates its keys; the new key's id.
    pub fn rotate_keys(&mut self) -> Result<String, String> {
        self.change_keys(&["rotate-keys"])
    }

    /// Takes the key `kid` out of Fabrikam's set, as a provider withdraws a key, and restarts it.
    pub fn withdraw_key(&mut self, kid: &str) -> Result<(), String> {
        self.change_keys(&["withdraw-key", kid]).map(drop)
    }
}

impl Drop for Provider {
    fn drop(&mut self) {
        self.stop();
        // Its keys are of no use to anyone after it: the folder is not left behind.
        let _ = std::fs::remove_dir_all(&self.keys);
    }
}

/// A folder of its own for a provider's keys.
pub fn keys_folder(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("assistant-oidc-{name}-{}", std::process::id()))
}

/// The reference server in `oidc` mode with the app, and its provider.
pub struct SignedInApp {
    /// The provider.
    pub provider: Provider,
    server: Child,
    /// The app's (and the API's) address.
    pub url: String,
}

impl SignedInApp {
    /// Starts a provider behaving as `behaviour` says and the server at `server_bin` serving
    /// `dist` in `oidc` mode at the provider's multi-tenant authority, with `extra` arguments for
    /// the server. A port taken between being found free and being bound (tests start many
    /// servers at once) is tried again with another.
    pub fn start(
        server_bin: &Path,
        dist: &Path,
        name: &str,
        behaviour: Behaviour,
        extra: &[&str],
    ) -> Result<Self, String> {
        let mut last = String::new();
        for _ in 0..3 {
            match Self::start_once(server_bin, dist, name, &behaviour, extra) {
                Ok(app) => return Ok(app),
                Err(why) => last = why,
            }
        }
        Err(last)
    }

    /// One try of [`SignedInApp::start`].
    fn start_once(
        server_bin: &Path,
        dist: &Path,
        name: &str,
        behaviour: &Behaviour,
        extra: &[&str],
    ) -> Result<Self, String> {
        let port = free_port()?;
        let url = format!("http://127.0.0.1:{port}");
        let audience = behaviour.audience.unwrap_or(AUDIENCE);
        let provider = Provider::start(keys_folder(name), &format!("{url}/"), behaviour.clone())?;
        let server = Command::new(server_bin)
            .args(["--port", &port.to_string(), "--in-memory", "--static-dir"])
            .arg(dist)
            .args([
                "--auth",
                "oidc",
                "--issuer",
                &provider.authority(),
                "--audience",
                audience,
            ])
            .args(["--client-id", CLIENT_ID])
            .args(extra)
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", server_bin.display()))?;
        let mut app = Self {
            provider,
            server,
            url,
        };
        let first_line = first_line(&mut app.server, START_LIMIT)
            .map_err(|why| format!("the server at {}: {why}", server_bin.display()))?;
        if !first_line.contains(&app.url) {
            return Err(format!("the server said {first_line:?}"));
        }
        Ok(app)
    }

    /// As [`SignedInApp::start`], with the built app and the server `cargo xtask test` names.
    pub fn start_from_env(
        name: &str,
        behaviour: Behaviour,
        extra: &[&str],
    ) -> Result<Self, String> {
        let var = |name: &str| {
            std::env::var_os(name)
                .map(PathBuf::from)
                .ok_or(format!("{name} is not set"))
        };
        Self::start(
            &var("ASSISTANT_SERVER_BIN")?,
            &var("ASSISTANT_DIST")?,
            name,
            behaviour,
            extra,
        )
    }
}

impl Drop for SignedInApp {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

/// The keys of a tenant whose folder is `keys`: `(kid, alg)` of each, the one it signs with
/// first.
pub fn published_keys(keys: &Path) -> Result<Vec<(String, String)>, String> {
    let text = std::fs::read_to_string(keys.join("jwks.json")).map_err(|e| e.to_string())?;
    let jwks: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    Ok(jwks["keys"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|key| {
            (
                key["kid"].as_str().unwrap_or_default().to_owned(),
                key["alg"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect())
}

/// The private key `kid` of a tenant whose folder is `keys`, in PEM (PKCS #8).
pub fn private_key(keys: &Path, kid: &str) -> Result<Vec<u8>, String> {
    std::fs::read(keys.join(format!("{kid}.pem"))).map_err(|e| e.to_string())
}

/// A GET of `url` with a bearer `token`, over a plain connection: the status, the
/// `WWW-Authenticate` header (if any) and the body.
pub fn get_with_token(url: &str, token: &str) -> Result<(u16, Option<String>, String), String> {
    use std::io::{Read, Write};
    let rest = url.strip_prefix("http://").ok_or("an http:// address")?;
    let (host, path) = rest
        .split_once('/')
        .map_or((rest, "/".to_owned()), |(h, p)| (h, format!("/{p}")));
    let mut stream = std::net::TcpStream::connect(host).map_err(|e| e.to_string())?;
    // A server that stops answering fails the test, rather than holding the run.
    let limit = Some(std::time::Duration::from_secs(30));
    stream
        .set_read_timeout(limit)
        .and_then(|()| stream.set_write_timeout(limit))
        .map_err(|e| e.to_string())?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut answer = String::new();
    stream
        .read_to_string(&mut answer)
        .map_err(|e| e.to_string())?;
    let (head, body) = answer.split_once("\r\n\r\n").ok_or("no end of headers")?;
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or("no status")?;
    let challenge = head.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.eq_ignore_ascii_case("www-authenticate")
            .then(|| value.trim().to_owned())
    });
    Ok((status, challenge, body.to_owned()))
}
