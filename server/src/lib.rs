//! The reference server of the migration assistant.
//!
//! It serves the built app's static files; the API of the contract joins it here. Every domain
//! decision it makes is the core's.

use std::path::PathBuf;

use axum::Router;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::trace::TraceLayer;

/// What the server is asked to serve.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The built app (Trunk's `dist/`), served at `/` when given.
    pub static_dir: Option<PathBuf>,
}

/// The whole HTTP application.
pub fn app(settings: &Settings) -> Router {
    let mut router = Router::new();
    if let Some(dir) = &settings.static_dir {
        // Unknown paths get the app's page, so a reload on any screen's URL works.
        let spa = ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")));
        router = router.fallback_service(spa);
    }
    router.layer(TraceLayer::new_for_http())
}
