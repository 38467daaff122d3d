//! Unicode tables by the browser: the UTS #46 "to ASCII" step through the URL parser the browser
//! already has (the WHATWG URL standard applies UTS #46 to hosts), and the lower-case mapping
//! through `String.prototype.toLowerCase`, instead of shipping the `idna` crate's and the standard
//! library's tables in the bundle (the lower-case table alone was 8 KB gzip of the first screen).
//! The core's rules use the results exactly as they use `assistant_core::email::Uts46` on the
//! server.

use assistant_core::email::UnicodeTables;

/// The browser's UTS #46 processing, as its URL parser applies it to hosts, and its lower-case
/// mapping.
#[derive(Debug, Clone, Copy, Default)]
pub struct BrowserIdna;

impl UnicodeTables for BrowserIdna {
    fn domain_to_ascii(&self, domain: &str) -> Option<String> {
        // Only a domain goes into the URL: ASCII beyond letters, digits, '-' and '.' would be
        // read as URL syntax (a port, a path), so such input is refused here.
        let plain_ascii =
            |c: char| !c.is_ascii() || c.is_ascii_alphanumeric() || c == '-' || c == '.';
        if domain.is_empty() || !domain.chars().all(plain_ascii) {
            return None;
        }
        let url = web_sys::Url::new(&format!("http://{domain}/")).ok()?;
        Some(url.hostname())
    }

    fn to_lowercase(&self, text: &str) -> String {
        js_sys::JsString::from(text).to_lower_case().into()
    }
}
