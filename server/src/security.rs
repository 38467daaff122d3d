//! The security headers of the app's pages and files: a Content Security Policy with no
//! `'unsafe-inline'` and no `'unsafe-eval'` (WebAssembly needs only `'wasm-unsafe-eval'`), no MIME
//! sniffing, no referrer, and the pages that may frame the app.

use axum::http::{HeaderName, HeaderValue, header};
use tower_http::set_header::SetResponseHeaderLayer;

/// The Content Security Policy of the app, with `frame_ancestors` as the sources that may frame it
/// (`'none'`, `'self'`, or a space-separated list of origins).
pub fn content_security_policy(frame_ancestors: &str) -> String {
    content_security_policy_signing_in(frame_ancestors, None)
}

/// The policy of an app that also signs in at the provider of `sign_in_origin`: the app reads
/// the provider's discovery document and exchanges its code there, so the page may connect to it.
pub fn content_security_policy_signing_in(
    frame_ancestors: &str,
    sign_in_origin: Option<&str>,
) -> String {
    let connect = match sign_in_origin {
        Some(origin) => format!("'self' {origin}"),
        None => "'self'".into(),
    };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src {connect}; font-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors {frame_ancestors}"
    )
}

/// The origin (`scheme://host[:port]`) of an issuer [`crate::issuer`] accepted.
pub fn origin_of(issuer: &str) -> &str {
    let after_scheme = issuer.find("://").map_or(0, |i| i + 3);
    match issuer[after_scheme..].find('/') {
        Some(slash) => &issuer[..after_scheme + slash],
        None => issuer,
    }
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
    sign_in_origin: Option<&str>,
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
    let policy = HeaderValue::from_str(&content_security_policy_signing_in(
        frame_ancestors,
        sign_in_origin,
    ))
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
    fn an_app_that_signs_in_may_connect_to_its_provider_only() {
        assert_eq!(
            origin_of("https://login.microsoftonline.com/72f988bf/v2.0"),
            "https://login.microsoftonline.com"
        );
        assert_eq!(origin_of("http://127.0.0.1:9000"), "http://127.0.0.1:9000");
        let policy = content_security_policy_signing_in(
            "'self'",
            Some(origin_of("https://login.microsoftonline.com/72f988bf/v2.0")),
        );
        assert!(policy.contains("connect-src 'self' https://login.microsoftonline.com;"));
        assert!(content_security_policy("'self'").contains("connect-src 'self';"));
    }

    #[test]
    fn frame_ancestors_cannot_smuggle_another_directive() {
        assert!(valid_frame_ancestors("'self' https://portal.example"));
        assert!(!valid_frame_ancestors("'self'; script-src *"));
        assert!(!valid_frame_ancestors(""));
        assert!(!valid_frame_ancestors("https://a.example\nx"));
    }
}
