//! What the end-to-end tests and the first-load benchmark share: the reference server and
//! ChromeDriver as processes, fresh headless browsers, the DevTools protocol, and a page driven as
//! a person would.

pub mod axe;
mod browser;
pub mod devtools;
pub mod elsewhere;
pub mod file_server;
pub mod harness;
pub mod limits;
pub mod page;
pub mod sign_in;
pub mod static_host;
pub mod widget;
