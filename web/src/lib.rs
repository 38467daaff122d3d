//! The migration assistant in the browser.
//!
//! Components render what `assistant_core` decides; they hold no domain rule of their own.
//! `ARCHITECTURE.md` maps the folders: the shells, the backends, the account's journey, the
//! offers checklist, the pieces every screen uses, and the languages.

pub mod backend;
pub mod checklist;
pub mod context;
pub mod help;
pub mod host_event;
pub mod i18n;
pub mod journey;
pub mod overview;
pub mod parts;
pub mod placement;
pub mod route;
pub mod shell;
pub mod sign_in;
pub mod ui;

pub use shell::App;
