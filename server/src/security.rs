//! The security headers of the app's pages and files: a Content Security Policy with no
//! `'unsafe-inline'` and no `'unsafe-eval'` (WebAssembly needs only `'wasm-unsafe-eval'`), no MIME
//! sniffing, no referrer, and the pages that may frame the app.

use axum::http::{HeaderName, HeaderValue, header};
use tower_http::set_header::SetResponseHeaderLayer;

/// The Content Security Policy of the app, with `frame_ancestors` as the sources that may frame it
/// (`'none'`, `'self'`, or a space-separated list of origins).
pub fn content_security_policy(frame_ancestors: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors {frame_ancestors}"
    )
}

/// Whether `frame_ancestors` is a valid source list for the policy: keywords or origins, nothing
/// that could end the directive and start another.
pub fn valid_frame_ancestors(frame_ancestors: &str) -> bool {
    !frame_ancestors.trim().is_empty()
        && frame_ancestors
            .chars()
            .all(|c| c.is_ascii_graphic() && c != ';' && c != ',' || c == ' ')
}

/// The layers that add the headers to every response of the static files. A source list that is
/// not valid frames nothing (`'none'`): the command line refuses one before it gets here.
pub fn layers(
    frame_ancestors: &str,
) -> (
    SetResponseHeaderLayer<HeaderValue>,
    SetResponseHeaderLayer<HeaderValue>,
    SetResponseHeaderLayer<HeaderValue>,
) {
    let frame_ancestors = if valid_frame_ancestors(frame_ancestors) {
        frame_ancestors
    } else {
        "'none'"
    };
    let policy = HeaderValue::from_str(&content_security_policy(frame_ancestors))
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"));
    (
        SetResponseHeaderLayer::overriding(header::CONTENT_SECURITY_POLICY, policy),
        SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        SetResponseHeaderLayer::overriding(
            HeaderName::from_static("referrer-policy"),
            HeaderValue::from_static("no-referrer"),
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_no_inline_script_or_eval() {
        let policy = content_security_policy("'none'");
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval';"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(!policy.contains("'unsafe-eval'"));
        assert!(policy.ends_with("frame-ancestors 'none'"));
    }

    #[test]
    fn frame_ancestors_cannot_smuggle_another_directive() {
        assert!(valid_frame_ancestors("'self' https://portal.example"));
        assert!(!valid_frame_ancestors("'self'; script-src *"));
        assert!(!valid_frame_ancestors(""));
        assert!(!valid_frame_ancestors("https://a.example\nx"));
    }
}
