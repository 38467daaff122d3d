//! A real OpenID Provider for the tests (`tests/oidc/provider.mjs`, oidc-provider from the npm
//! registry) and the reference server in `oidc` mode beside it, serving the app that signs in
//! there; and tokens of the tests' own making, signed with the provider's keys.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// The API's identifier at the provider: its access tokens' `aud`.
pub const AUDIENCE: &str = "api://migration-assistant";

/// The app's client id at the provider.
pub const CLIENT_ID: &str = "migration-assistant";

/// The provider's users: email and password.
pub const FABRIKAM_ADMIN: (&str, &str) = ("admin@fabrikam.example", "fabrikam-trial");
/// The owner of Northwind Traders, who signs in with a personal Microsoft account.
pub const NORTHWIND_PUBLISHER: (&str, &str) =
    ("northwind.publisher@outlook.com", "northwind-trial");

fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("oidc/provider.mjs")
}

/// The provider, running.
pub struct Provider {
    child: Option<Child>,
    port: u16,
    /// Its folder of keys (`jwks.json`, and `<kid>.pem` of each).
    pub keys: PathBuf,
    redirect_uri: String,
    access_token_seconds: u64,
}

impl Provider {
    /// Starts the provider on a free port with keys in `keys` (made there if none), for the app at
    /// `redirect_uri`, issuing access tokens that last `access_token_seconds`.
    pub fn start(
        keys: PathBuf,
        redirect_uri: &str,
        access_token_seconds: u64,
    ) -> Result<Self, String> {
        let mut provider = Self {
            child: None,
            port: free_port()?,
            keys,
            redirect_uri: redirect_uri.to_owned(),
            access_token_seconds,
        };
        provider.run()?;
        Ok(provider)
    }

    /// Its issuer identifier.
    pub fn issuer(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn run(&mut self) -> Result<(), String> {
        let mut child = Command::new("node")
            .arg(script())
            .arg("serve")
            .env("OIDC_PORT", self.port.to_string())
            .env("OIDC_KEYS", &self.keys)
            .env("OIDC_CLIENT_ID", CLIENT_ID)
            .env("OIDC_REDIRECT_URIS", &self.redirect_uri)
            .env("OIDC_AUDIENCE", AUDIENCE)
            .env(
                "OIDC_ACCESS_TOKEN_TTL",
                self.access_token_seconds.to_string(),
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start the OpenID provider with node: {e}"))?;
        let mut first_line = String::new();
        BufReader::new(child.stdout.take().expect("piped stdout"))
            .read_line(&mut first_line)
            .map_err(|e| e.to_string())?;
        if first_line.trim() != self.issuer() {
            let _ = child.kill();
            return Err(format!(
                "the OpenID provider said {first_line:?}, not its issuer (run `npm ci` in tests/)"
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

    /// Puts a new signing key first (the old ones stay published) and restarts the provider, as a
    /// provider rotates its keys; the new key's id.
    pub fn rotate_keys(&mut self) -> Result<String, String> {
        let output = Command::new("node")
            .arg(script())
            .arg("rotate-keys")
            .env("OIDC_KEYS", &self.keys)
            .output()
            .map_err(|e| e.to_string())?;
        if !output.status.success() {
            return Err(String::from_utf8_lossy(&output.stderr).into_owned());
        }
        self.restart()?;
        Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
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
    /// Starts a provider and the server at `server_bin` serving `dist` in `oidc` mode, with
    /// `extra` arguments for the server.
    pub fn start(
        server_bin: &Path,
        dist: &Path,
        name: &str,
        access_token_seconds: u64,
        extra: &[&str],
    ) -> Result<Self, String> {
        let port = free_port()?;
        let url = format!("http://127.0.0.1:{port}");
        let provider =
            Provider::start(keys_folder(name), &format!("{url}/"), access_token_seconds)?;
        let server = Command::new(server_bin)
            .args(["--port", &port.to_string(), "--in-memory", "--static-dir"])
            .arg(dist)
            .args([
                "--auth",
                "oidc",
                "--issuer",
                &provider.issuer(),
                "--audience",
                AUDIENCE,
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
        let mut first_line = String::new();
        BufReader::new(app.server.stdout.take().expect("piped stdout"))
            .read_line(&mut first_line)
            .map_err(|e| e.to_string())?;
        if !first_line.contains(&app.url) {
            return Err(format!("the server said {first_line:?}"));
        }
        Ok(app)
    }

    /// As [`SignedInApp::start`], with the built app and the server `cargo xtask test` names.
    pub fn start_from_env(
        name: &str,
        access_token_seconds: u64,
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
            access_token_seconds,
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

/// The keys of the provider whose folder is `keys`: `(kid, alg)` of each, the one it signs with
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

/// The private key `kid` of the provider whose folder is `keys`, in PEM (PKCS #8).
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
