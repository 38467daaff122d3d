use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use assistant_server::{Settings, app};
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
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .with_writer(std::io::stderr)
        .init();
    let args = Args::parse();
    let settings = Settings {
        static_dir: args.static_dir,
    };

    let listener =
        tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, args.port))).await?;
    // The first line of stdout is the address: tools that start the server read it.
    println!("Listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app(&settings))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
