//! The migration assistant in the browser.
//!
//! Components render what `assistant_core` decides; they hold no domain rule of their own.

pub mod accounts_overview;
pub mod app;
pub mod browser_idna;
pub mod client;
pub mod config;
pub mod demo_backend;
pub mod demo_marker;
pub mod i18n;
pub mod language_switcher;

pub use app::App;
