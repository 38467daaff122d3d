//! Starts the server and ChromeDriver once, and gives each test a fresh headless browser.

use std::future::Future;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;

use fantoccini::Client;
use libtest_mimic::{Failed, Trial};

use crate::browser::{Driver, Recording};
use crate::limits::{HOLD_LIMIT, START_LIMIT, close, first_line, on_own_thread, within_limit};
use crate::page::Page;
use crate::sign_in::{Behaviour, FABRIKAM_TENANT, SignedInApp};

/// The built app served twice: on the reference server's API, and on its embedded demo backend.
#[derive(Debug, Clone)]
pub struct Apps {
    /// The app's URL where it uses the reference server's API.
    pub api: String,
    /// The app's URL where it runs on its embedded demo backend.
    pub demo: String,
    /// A server of its own (fresh demo data) that also serves the example host pages at
    /// `/examples/`.
    pub portal: String,
    /// A server of its own (fresh demo data) that serves the React portal's built page
    /// (`ASSISTANT_REACT_PORTAL`, of `examples/react-portal/`) at `/examples/`.
    pub react_portal: String,
    /// The app on a server of its own whose API adds accounts with hostile names (markup,
    /// right-to-left overrides, 10,000-character strings, emoji) to the demo accounts.
    pub hostile: String,
    /// The app on a server of its own that takes 2 work email checks per 20 seconds from a user
    /// (one more each 10 seconds).
    pub limited: String,
    /// The built files on a plain static file server (unknown paths get `404.html`), with no
    /// `config.json`: the app on its demo backend, as a static host serves it.
    pub static_host: String,
    /// A portal on another origin (a plain static host) whose `portal.html` loads the widget from
    /// the `api` server and mounts it on that server's API with a `getToken`.
    pub elsewhere: String,
    /// The app on a server in `oidc` mode: it signs in at the tests' OpenID provider.
    pub signed_in: String,
    /// The issuer of Fabrikam's tenant at that provider (whose multi-tenant authority the server
    /// takes).
    pub issuer: String,
    /// The keys of Fabrikam's tenant at that provider, for tokens of the tests' own making.
    pub provider_keys: PathBuf,
    /// The app on a server in `oidc` mode whose provider cannot be reached.
    pub provider_unreachable: String,
}

/// Limits high enough that no test of a shared server is held up by another's requests.
const UNHELD: [&str; 4] = [
    "--email-checks-per-window",
    "100000",
    "--mpn-lookups-per-window",
    "100000",
];

/// Starts the reference server in memory on a free port, serving the built app; its address.
pub(crate) fn start_server(
    server_bin: &Path,
    dist: &Path,
    extra: &[&str],
) -> Result<(Child, String), String> {
    let mut server = Command::new(server_bin)
        .args(["--port", "0", "--in-memory", "--static-dir"])
        .arg(dist)
        .args(extra)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", server_bin.display()))?;
    let first_line = first_line(&mut server, START_LIMIT)
        .map_err(|why| format!("the server at {}: {why}", server_bin.display()))?;
    let url = first_line
        .trim()
        .strip_prefix("Listening on ")
        .ok_or_else(|| format!("the server said {first_line:?}, not its address"))?
        .to_owned();
    Ok((server, url))
}

pub use crate::file_server::FileServer;

/// The running servers and driver, shared by every test.
#[derive(Clone)]
pub struct Harness {
    inner: Arc<Inner>,
}

struct Inner {
    apps: Apps,
    driver: Driver,
    processes: Vec<Child>,
    _signed_in: SignedInApp,
    /// The folder of the portal page elsewhere, removed at the end.
    elsewhere_dir: PathBuf,
}

impl Drop for Inner {
    fn drop(&mut self) {
        for process in &mut self.processes {
            let _ = process.kill();
            let _ = process.wait();
        }
        let _ = std::fs::remove_dir_all(&self.elsewhere_dir);
    }
}

pub(crate) fn env_path(name: &str, default: Option<&str>) -> Result<PathBuf, String> {
    match std::env::var_os(name) {
        Some(value) => Ok(value.into()),
        None => default
            .map(PathBuf::from)
            .ok_or_else(|| format!("{name} is not set")),
    }
}

/// A port free on the loopback address now (another process may take it before it is used).
pub(crate) fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

impl Harness {
    /// Starts the reference server on the built app and ChromeDriver, each on a free port.
    pub fn start() -> Result<Self, String> {
        let dist = env_path("ASSISTANT_DIST", None)?;
        let server_bin = env_path("ASSISTANT_SERVER_BIN", None)?;
        let react_portal_dir = env_path("ASSISTANT_REACT_PORTAL", None)?;
        let driver_bin = env_path("CHROMEDRIVER", Some("/usr/bin/chromedriver"))?;
        let chromium = env_path("CHROMIUM", Some("/usr/bin/chromium"))?;
        if !dist.join("index.html").is_file() {
            return Err(format!(
                "{} holds no built app (index.html)",
                dist.display()
            ));
        }

        let mut processes = Vec::new();
        let mut serve = |args: &[&str]| -> Result<String, String> {
            let (server, url) = start_server(&server_bin, &dist, args)?;
            processes.push(server);
            Ok(url)
        };
        // Faults are injected by the reliability tests only, as rules that apply to the next
        // request. Pages of any local origin may load its files and call its API.
        let api = serve(
            &[
                &UNHELD[..],
                &["--enable-faults", "--allowed-origins", "http://127.0.0.1:*"],
            ]
            .concat(),
        )?;
        let demo = serve(&[&UNHELD[..], &["--app-on-demo-backend"]].concat())?;
        // The example host pages, beside the app and under the same security headers.
        let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
        let portal = serve(&[&UNHELD[..], &["--examples-dir", examples]].concat())?;
        if !react_portal_dir.join("index.html").is_file() {
            return Err(format!(
                "{} holds no built React portal (index.html)",
                react_portal_dir.display()
            ));
        }
        let react_portal_dir = react_portal_dir.to_string_lossy().into_owned();
        let react_portal =
            serve(&[&UNHELD[..], &["--examples-dir", react_portal_dir.as_str()]].concat())?;
        let hostile = serve(&[&UNHELD[..], &["--hostile-fixtures"]].concat())?;
        let limited = serve(&[
            "--email-checks-per-window",
            "2",
            "--rate-limit-window-seconds",
            "20",
        ])?;
        // Nothing listens at this issuer's port.
        let nowhere = format!("http://127.0.0.1:{}", free_port()?);
        let provider_unreachable = serve(&[
            "--auth",
            "oidc",
            "--issuer",
            &nowhere,
            "--audience",
            crate::sign_in::AUDIENCE,
        ])?;
        let signed_in =
            SignedInApp::start(&server_bin, &dist, "shared", Behaviour::default(), &UNHELD)?;
        let elsewhere_dir = crate::elsewhere::write_portal(&api)?;

        let driver = Driver::start(&driver_bin, chromium)?;

        Ok(Self {
            inner: Arc::new(Inner {
                apps: Apps {
                    demo,
                    portal,
                    react_portal,
                    hostile,
                    limited,
                    static_host: crate::static_host::serve(&dist)?,
                    elsewhere: crate::static_host::serve(&elsewhere_dir)?,
                    api,
                    signed_in: signed_in.url.clone(),
                    issuer: signed_in.provider.tenant_issuer(FABRIKAM_TENANT),
                    provider_keys: signed_in.provider.keys_of(FABRIKAM_TENANT),
                    provider_unreachable,
                },
                driver,
                processes,
                _signed_in: signed_in,
                elsewhere_dir,
            }),
        })
    }

    /// A test that gets a fresh browser and the app's URLs; the browser is closed after it.
    pub fn trial<F, Fut>(&self, name: &str, test: F) -> Trial
    where
        F: FnOnce(Client, Apps) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(), Failed>>,
    {
        let harness = self.clone();
        Trial::test(name, move || harness.in_browser(test))
    }

    /// A test whose fresh browser records the requests it makes, for
    /// [`devtools::requests`](crate::devtools::requests) to read.
    pub fn trial_recording_requests<F, Fut>(&self, name: &str, test: F) -> Trial
    where
        F: FnOnce(Client, Apps) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(), Failed>>,
    {
        let harness = self.clone();
        Trial::test(name, move || harness.run(Recording::Requests, test))
    }

    /// A test with two fresh browsers, as one person on two devices; both are closed after it.
    pub fn trial_with_two_browsers<F, Fut>(&self, name: &str, test: F) -> Trial
    where
        F: FnOnce(Client, Client, Apps) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(), Failed>>,
    {
        let inner = Arc::clone(&self.inner);
        Trial::test(name, move || {
            on_own_thread(HOLD_LIMIT, move || async move {
                let first = inner.driver.open(Recording::Nothing).await?;
                let second = match inner.driver.open(Recording::Nothing).await {
                    Ok(second) => second,
                    Err(why) => {
                        close(first).await;
                        return Err(why);
                    }
                };
                let outcome =
                    within_limit(test(first.clone(), second.clone(), inner.apps.clone())).await;
                close(first).await;
                close(second).await;
                outcome
            })
        })
    }

    /// A test that needs no browser (it speaks HTTP itself), with the app's URLs.
    pub fn without_browser<F, Fut>(&self, name: &str, test: F) -> Trial
    where
        F: FnOnce(Apps) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(), Failed>>,
    {
        let apps = self.inner.apps.clone();
        Trial::test(name, move || {
            on_own_thread(HOLD_LIMIT, move || within_limit(test(apps)))
        })
    }

    /// The apps' URLs.
    pub fn apps(&self) -> &Apps {
        &self.inner.apps
    }

    /// The run's own temporary folder of ChromeDriver and its browsers, removed at the run's end.
    pub fn browsers_temp(&self) -> &Path {
        self.inner.driver.temp()
    }

    /// Runs `work` with a fresh browser and the app's URLs; the browser is closed after it.
    pub fn in_browser<T, F, Fut>(&self, work: F) -> Result<T, Failed>
    where
        T: Send + 'static,
        F: FnOnce(Client, Apps) -> Fut + Send + 'static,
        Fut: Future<Output = Result<T, Failed>>,
    {
        self.run(Recording::Nothing, work)
    }

    /// Runs `work` with a fresh browser recording what `recording` says, on a thread of its own
    /// within [`HOLD_LIMIT`]; the browser is closed after it.
    fn run<T, F, Fut>(&self, recording: Recording, work: F) -> Result<T, Failed>
    where
        T: Send + 'static,
        F: FnOnce(Client, Apps) -> Fut + Send + 'static,
        Fut: Future<Output = Result<T, Failed>>,
    {
        let inner = Arc::clone(&self.inner);
        on_own_thread(HOLD_LIMIT, move || async move {
            let browser = inner.driver.open(recording).await?;
            let outcome = within_limit(work(browser.clone(), inner.apps.clone())).await;
            close(browser).await;
            outcome
        })
    }
}

/// Which backend a test drives the app on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// The reference server's API over HTTP.
    Api,
    /// The embedded demo backend in the browser.
    Demo,
}

impl Backend {
    /// Both backends.
    pub const BOTH: [Backend; 2] = [Backend::Api, Backend::Demo];

    fn label(self) -> &'static str {
        match self {
            Backend::Api => "api",
            Backend::Demo => "demo",
        }
    }
}

impl Harness {
    /// The same test on both backends: two trials, named `name [api]` and `name [demo]`, each
    /// with a fresh browser on the app's page for that backend.
    pub fn on_both_backends<F, Fut>(&self, name: &str, test: F) -> Vec<Trial>
    where
        F: Fn(Page, Backend) -> Fut + Send + Sync + Clone + 'static,
        Fut: Future<Output = Result<(), Failed>>,
    {
        self.on_backends(name, &Backend::BOTH, test)
    }

    /// The same test on each of `backends`, named `name [api]`, `name [demo]`.
    pub fn on_backends<F, Fut>(&self, name: &str, backends: &[Backend], test: F) -> Vec<Trial>
    where
        F: Fn(Page, Backend) -> Fut + Send + Sync + Clone + 'static,
        Fut: Future<Output = Result<(), Failed>>,
    {
        backends
            .iter()
            .copied()
            .map(|backend| {
                let test = test.clone();
                self.trial(
                    &format!("{name} [{}]", backend.label()),
                    move |browser, apps| {
                        let base = match backend {
                            Backend::Api => apps.api,
                            Backend::Demo => apps.demo,
                        };
                        test(Page::new(browser, base), backend)
                    },
                )
            })
            .collect()
    }
}

impl Harness {
    /// A test on the server that serves the example host pages, in a fresh browser.
    pub fn on_portal<F, Fut>(&self, name: &str, test: F) -> Trial
    where
        F: FnOnce(Page) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(), Failed>>,
    {
        self.on_server(name, |apps| apps.portal, test)
    }

    /// A test on the server that serves the React portal's page, in a fresh browser.
    pub fn on_react_portal<F, Fut>(&self, name: &str, test: F) -> Trial
    where
        F: FnOnce(Page) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(), Failed>>,
    {
        self.on_server(name, |apps| apps.react_portal, test)
    }

    /// A test of the app on the API with hostile names, in a fresh browser.
    pub fn on_hostile_data<F, Fut>(&self, name: &str, test: F) -> Trial
    where
        F: FnOnce(Page) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(), Failed>>,
    {
        self.on_server(name, |apps| apps.hostile, test)
    }

    /// A test of the built files on a plain static host, in a fresh browser.
    pub fn on_static_host<F, Fut>(&self, name: &str, test: F) -> Trial
    where
        F: FnOnce(Page) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(), Failed>>,
    {
        self.on_server(name, |apps| apps.static_host, test)
    }

    /// A test of the app on the API that takes few work email checks, in a fresh browser.
    pub fn on_limited_api<F, Fut>(&self, name: &str, test: F) -> Trial
    where
        F: FnOnce(Page) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(), Failed>>,
    {
        self.on_server(name, |apps| apps.limited, test)
    }

    /// A test on the server `pick` chooses, in a fresh browser.
    fn on_server<F, Fut>(&self, name: &str, pick: fn(Apps) -> String, test: F) -> Trial
    where
        F: FnOnce(Page) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(), Failed>>,
    {
        self.trial(name, move |browser, apps| {
            test(Page::new(browser, pick(apps)))
        })
    }
}

/// The address below the app's root at which the built app serves what the build named `name`
/// (`split_journey.wasm`): the release build moves the files a page loads to `assets/` under
/// content-hashed names (`/assets/split_journey-1a2b3c4d5e6f7a8b.wasm`).
pub fn built_file(name: &str) -> Result<String, String> {
    let dist = env_path("ASSISTANT_DIST", None)?;
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let assets = dist.join("assets");
    let entries = std::fs::read_dir(&assets).map_err(|e| format!("{}: {e}", assets.display()))?;
    for entry in entries {
        let file = entry.map_err(|e| e.to_string())?.file_name();
        let file = file.to_string_lossy();
        let hash = file
            .strip_prefix(stem)
            .and_then(|rest| rest.strip_prefix('-'))
            .and_then(|rest| rest.strip_suffix(ext))
            .and_then(|rest| rest.strip_suffix('.'));
        if hash.is_some_and(|hash| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        {
            return Ok(format!("/assets/{file}"));
        }
    }
    Err(format!("the build has no {name} in {}", assets.display()))
}
