use std::net::{Ipv4Addr, SocketAddr};
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use assistant_core::config::FlowConfig;
use assistant_server::clock::SystemClock;
use assistant_server::limits::RateLimit;
use assistant_server::store::Fixtures;
use assistant_server::{Auth, OidcSettings, Settings, app};
use clap::Parser;
use tracing_subscriber::EnvFilter;

/// The reference server of the Partner Center migration assistant.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Args {
    /// Port on 127.0.0.1; 0 picks a free one (the address is printed on the first line).
    #[arg(long, env = "ASSISTANT_PORT", default_value_t = 8080)]
    port: u16,
    /// Folder of the built app to serve at `/` (Trunk's `dist/`).
    #[arg(long, env = "ASSISTANT_STATIC_DIR")]
    static_dir: Option<PathBuf>,
    /// Serve the app without its API configuration, so it runs on its embedded demo backend.
    #[arg(long, requires = "static_dir")]
    app_on_demo_backend: bool,
    /// Folder of the SQLite database (`assistant.sqlite3` inside it).
    #[arg(
        long,
        env = "ASSISTANT_DATA_DIR",
        default_value = ".data",
        conflicts_with = "in_memory"
    )]
    data_dir: PathBuf,
    /// Keep everything in memory: nothing survives a restart.
    #[arg(long, env = "ASSISTANT_IN_MEMORY")]
    in_memory: bool,
    /// Put the demo fixtures back at start, forgetting every change.
    #[arg(long)]
    reset: bool,
    /// Seconds a migration takes before it completes.
    #[arg(long, env = "ASSISTANT_MIGRATION_SECONDS", default_value_t = 3.0)]
    migration_seconds: f64,
    /// Origins allowed to call the API from a browser (comma-separated).
    #[arg(
        long,
        env = "ASSISTANT_ALLOWED_ORIGINS",
        value_delimiter = ',',
        default_value = "http://127.0.0.1:8080,http://localhost:8080"
    )]
    allowed_origins: Vec<String>,
    /// Serve `/_faults` for tests to inject latency, errors, broken bodies and dropped connections.
    /// Only this flag turns it on (no environment variable: an environment can leak into a
    /// deployment).
    #[arg(long)]
    enable_faults: bool,
    /// Seconds a request may take before it is answered with a `timeout` problem.
    #[arg(
        long,
        env = "ASSISTANT_REQUEST_TIMEOUT_SECONDS",
        default_value_t = 30.0
    )]
    request_timeout_seconds: f64,
    /// Work email checks a user may make per rate-limit window.
    #[arg(long, env = "ASSISTANT_EMAIL_CHECKS_PER_WINDOW", default_value_t = NonZeroU32::new(30).expect("not zero"))]
    email_checks_per_window: NonZeroU32,
    /// MPN registry lookups a user may make per rate-limit window.
    #[arg(long, env = "ASSISTANT_MPN_LOOKUPS_PER_WINDOW", default_value_t = NonZeroU32::new(30).expect("not zero"))]
    mpn_lookups_per_window: NonZeroU32,
    /// Seconds of the rate-limit window.
    #[arg(
        long,
        env = "ASSISTANT_RATE_LIMIT_WINDOW_SECONDS",
        default_value_t = 60.0
    )]
    rate_limit_window_seconds: f64,
    /// A JSON file of the flow's configuration (`offers_deadline`, `links`), for what differs
    /// from the source's defaults; every link must be an https: address.
    #[arg(long, env = "ASSISTANT_FLOW_CONFIG")]
    flow_config: Option<PathBuf>,
    /// Folder of example host pages to serve at `/examples/` (such as a portal with the widget).
    #[arg(long, env = "ASSISTANT_EXAMPLES_DIR")]
    examples_dir: Option<PathBuf>,
    /// Who may frame the app's pages: CSP `frame-ancestors` sources, such as
    /// "'self' https://portal.example".
    #[arg(long, env = "ASSISTANT_FRAME_ANCESTORS", default_value = "'self'", value_parser = frame_ancestors)]
    frame_ancestors: String,
    /// Add accounts with hostile names (markup, right-to-left overrides, 10,000-character
    /// strings, emoji) after the demo accounts, for tests.
    #[arg(long)]
    hostile_fixtures: bool,
    /// Add 200 generated accounts after the demo accounts, one with 500 offers, to measure the
    /// app with that much data (`cargo xtask bench --scale`).
    #[arg(long, conflicts_with = "hostile_fixtures")]
    scale_fixtures: bool,
    /// How the API knows who calls it: `demo` (the demo users' fixed tokens) or `oidc` (JWT
    /// access tokens of the OpenID provider `--issuer`, for `--audience`).
    #[arg(long, env = "ASSISTANT_AUTH", value_enum, default_value_t = AuthKind::Demo)]
    auth: AuthKind,
    /// The OpenID provider's issuer identifier (https:, or http: on this machine only). A
    /// Microsoft Entra multi-tenant authority (`https://login.microsoftonline.com/common/v2.0`)
    /// takes tokens of every tenant, each from its own tenant's issuer.
    #[arg(long, env = "ASSISTANT_ISSUER", required_if_eq("auth", "oidc"), value_parser = assistant_server::issuer)]
    issuer: Option<String>,
    /// The API's identifier at the provider, which access tokens' `aud` must hold.
    #[arg(long, env = "ASSISTANT_AUDIENCE", required_if_eq("auth", "oidc"))]
    audience: Option<String>,
    /// The API's scope, which access tokens must carry in `scp` (or `scope`).
    #[arg(long, env = "ASSISTANT_API_SCOPE", default_value = "api")]
    api_scope: String,
    /// At a multi-tenant authority, the tenants (ids, comma-separated) whose users may call the
    /// API; without it, every tenant's.
    #[arg(long, env = "ASSISTANT_TENANTS", value_delimiter = ',')]
    tenants: Vec<String>,
    /// The app's client id at the provider, for the `config.json` of the app this server serves.
    #[arg(
        long,
        env = "ASSISTANT_CLIENT_ID",
        default_value = "migration-assistant"
    )]
    client_id: String,
    /// The least seconds between two fetches of the provider's keys (a token naming a key not
    /// yet known makes the server fetch them again).
    #[arg(long, env = "ASSISTANT_KEYS_REFETCH_SECONDS", default_value_t = assistant_server::REFETCH_AFTER.as_secs_f64())]
    keys_refetch_seconds: f64,
    /// The scopes the app it serves asks for (the API's scope among them).
    #[arg(
        long,
        env = "ASSISTANT_SCOPE",
        default_value = "openid profile email api"
    )]
    scope: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum AuthKind {
    Demo,
    Oidc,
}

fn frame_ancestors(sources: &str) -> Result<String, String> {
    if assistant_server::security::valid_frame_ancestors(sources) {
        Ok(sources.to_owned())
    } else {
        Err("give CSP sources separated by spaces, such as 'self' https://portal.example".into())
    }
}

/// The flow configuration in `path`; an error naming the file and the setting at fault (such as
/// `links.support_ticket`) when it cannot be read or a link is not an https: address.
fn read_flow_config(path: &Path) -> Result<FlowConfig, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut json = serde_json::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(&mut json)
        .map_err(|e| format!("{}: {}: {}", path.display(), e.path(), e.inner()))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .with_writer(std::io::stderr)
        .init();
    let args = Args::parse();
    let database = if args.in_memory {
        None
    } else {
        std::fs::create_dir_all(&args.data_dir)?;
        Some(args.data_dir.join("assistant.sqlite3"))
    };
    let flow_config = match args
        .flow_config
        .as_deref()
        .map(read_flow_config)
        .transpose()
    {
        Ok(config) => config.unwrap_or_default(),
        Err(why) => {
            eprintln!("assistant-server: the flow configuration {why}");
            std::process::exit(2);
        }
    };
    let window = Duration::try_from_secs_f64(args.rate_limit_window_seconds)?;
    let settings = Settings {
        static_dir: args.static_dir,
        app_on_demo_backend: args.app_on_demo_backend,
        database,
        reset: args.reset,
        migration_takes: Duration::try_from_secs_f64(args.migration_seconds)?,
        allowed_origins: args.allowed_origins,
        enable_faults: args.enable_faults,
        request_timeout: Duration::try_from_secs_f64(args.request_timeout_seconds)?,
        email_check_limit: RateLimit {
            requests: args.email_checks_per_window,
            window,
        },
        mpn_lookup_limit: RateLimit {
            requests: args.mpn_lookups_per_window,
            window,
        },
        flow_config,
        clock: Arc::new(SystemClock),
        examples_dir: args.examples_dir,
        frame_ancestors: args.frame_ancestors,
        fixtures: match (args.hostile_fixtures, args.scale_fixtures) {
            (true, _) => Fixtures::WithHostileNames,
            (false, true) => Fixtures::AtScale,
            (false, false) => Fixtures::Spec,
        },
        auth: match (args.auth, args.issuer, args.audience) {
            (AuthKind::Oidc, Some(issuer), Some(audience)) => Auth::Oidc {
                oidc: OidcSettings {
                    issuer,
                    audience,
                    scope: args.api_scope,
                    tenants: args.tenants,
                    refetch_after: Duration::try_from_secs_f64(args.keys_refetch_seconds)?,
                },
                client_id: args.client_id,
                scope: args.scope,
            },
            _ => Auth::Demo,
        },
    };
    let app = app(&settings).map_err(|e| format!("cannot open the database: {}", e.0))?;

    let listener =
        tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, args.port))).await?;
    // The first line of stdout is the address: tools that start the server read it.
    println!("Listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
