//! Where the app's requests go: the API client over either transport (a server over HTTP, or the
//! embedded demo backend), the configuration that chooses between them, and the browser's IDNA.

pub mod browser_idna;
pub mod client;
pub mod config;
pub mod demo;
