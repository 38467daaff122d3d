//! The rules of the Partner Center migration assistant.
//!
//! Every decision about the domain lives here: the web app renders what this crate decides and
//! the reference server persists it. The crate has no browser, network, clock or file-system
//! dependency, so the same rules run natively and in WebAssembly.

#![warn(missing_docs)]

pub mod account;
pub mod api;
pub mod checklist;
pub mod config;
pub mod date;
pub mod email;
pub mod fixtures;
pub mod flow;
pub mod identity;
pub mod issuer;
pub mod json;
pub mod mpn;
pub mod offer;
pub mod sign_in;
pub mod tenant;
pub mod work_email;

pub use mpn::{MpnId, MpnIdError};
