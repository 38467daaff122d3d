//! The migration assistant in the browser.
//!
//! Components render what `assistant_core` decides; they hold no domain rule of their own.

pub mod accounts_overview;
pub mod app;
pub mod browser_idna;
pub mod check_answers_page;
pub mod checklist_step;
pub mod client;
pub mod config;
pub mod confirmation_page;
pub mod cooldown;
pub mod demo_backend;
pub mod demo_marker;
pub mod error_summary;
pub mod external_link;
pub mod help_page;
pub mod i18n;
pub mod journey;
pub mod language_switcher;
pub mod migration_page;
pub mod mpn_id_page;
pub mod offers_checklist;
pub mod page;
pub mod placement;
pub mod poll;
pub mod progress;
pub mod progress_bar;
pub mod question_form;
pub mod route;
pub mod wording;
pub mod work_email_page;

pub use app::App;
