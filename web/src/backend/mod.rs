//! Where the app's requests go: the API client over either transport (a server over HTTP, or the
//! embedded demo backend), the configuration that chooses between them, and the browser's IDNA
//! and JSON parser.

pub mod browser_idna;
pub mod browser_json;
pub mod client;
pub mod config;
pub mod demo;
pub mod exchange;
pub mod http;
pub mod person;
pub mod transport;

/// `value` as JSON text. The app's types always serialise (their maps have string keys); the
/// error is never formatted, which keeps serde_json's and the standard library's error texts out
/// of the wasm (0.8 KB gzip of the first screen).
pub fn json_text(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| unreachable!("the app's types serialise"))
}

/// Calls a split point: in the split build (feature `split`) its code may first be fetched, so the
/// call is awaited; in the whole build it is a plain call.
macro_rules! call_split {
    ($call:expr) => {{
        #[cfg(feature = "split")]
        {
            $call.await
        }
        #[cfg(not(feature = "split"))]
        {
            $call
        }
    }};
}
pub(crate) use call_split;

/// A part of the app's code could not be fetched (offline, or its host answered with an error):
/// the release build loads some parts as chunks of the wasm when first needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unavailable;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unavailable
    }
}
