//! The static hosts' configurations in `web/host/` send the headers the reference server sends
//! with the app's files: one policy, written in `security.rs`, copied there.

use assistant_server::security::content_security_policy;

fn host_file(name: &str) -> String {
    let path = format!("{}/../web/host/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The headers the reference server sends with the app's files, framed by its own pages only.
fn served() -> Vec<(&'static str, String)> {
    vec![
        ("Content-Security-Policy", content_security_policy("'self'")),
        ("X-Content-Type-Options", "nosniff".into()),
        ("Referrer-Policy", "no-referrer".into()),
    ]
}

/// What the reference server sends with a content-hashed file of `assets/`.
const KEPT: &str = "public, max-age=31536000, immutable";

#[test]
fn netlify_and_cloudflare_pages_send_the_servers_headers() {
    let headers = host_file("_headers");
    for (name, value) in served() {
        let line = format!("  {name}: {value}");
        assert!(
            headers.lines().any(|l| l == line),
            "_headers lacks {line:?}"
        );
    }
    assert!(host_file("_redirects").contains("/*  /index.html  200"));
    // The hosts' default for the rest checks again on each load, as the server's no-cache does.
    assert!(!headers.contains("no-cache"), "joined to the assets' rule");
    let assets = headers
        .split("\n/")
        .find(|rule| rule.starts_with("assets/*\n"))
        .expect("_headers has a rule for /assets/*");
    assert!(
        assets.contains(&format!("  Cache-Control: {KEPT}")),
        "{assets}"
    );
}

#[test]
fn azure_static_web_apps_sends_the_servers_headers_and_falls_back_to_the_app() {
    let config: serde_json::Value =
        serde_json::from_str(&host_file("staticwebapp.config.json")).unwrap();
    for (name, value) in served() {
        assert_eq!(config["globalHeaders"][name], value, "{name}");
    }
    assert_eq!(config["globalHeaders"]["Cache-Control"], "no-cache");
    let assets = &config["routes"][0];
    assert_eq!(assets["route"], "/assets/*");
    assert_eq!(assets["headers"]["Cache-Control"], KEPT);
    assert_eq!(config["navigationFallback"]["rewrite"], "/index.html");
    assert_eq!(config["mimeTypes"][".wasm"], "application/wasm");
}
