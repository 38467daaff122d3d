//! The server serves the built app, with the app's page for every unknown path.

use assistant_server::{Settings, app};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// The answer to a GET of `path`.
async fn answer(settings: &Settings, path: &str) -> axum::response::Response {
    app(settings)
        .unwrap()
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap()
}

/// The headers of a successful GET of `path`.
async fn headers_of(settings: &Settings, path: &str) -> axum::http::HeaderMap {
    let response = answer(settings, path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.headers().clone()
}

async fn get(settings: &Settings, path: &str) -> (StatusCode, String) {
    let response = answer(settings, path).await;
    let status = response.status();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned())
}

fn built_app() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("index.html"), "<h1>the app</h1>").unwrap();
    std::fs::write(dir.path().join("app.css"), "body{}").unwrap();
    std::fs::create_dir(dir.path().join("assets")).unwrap();
    std::fs::write(dir.path().join("assets/app-0123456789abcdef.js"), "start()").unwrap();
    dir
}

#[tokio::test]
async fn serves_the_files_of_the_built_app() {
    let dist = built_app();
    let settings = Settings {
        static_dir: Some(dist.path().into()),
        ..Settings::default()
    };
    assert_eq!(
        get(&settings, "/app.css").await,
        (StatusCode::OK, "body{}".into())
    );
    assert_eq!(
        get(&settings, "/").await,
        (StatusCode::OK, "<h1>the app</h1>".into())
    );
}

#[tokio::test]
async fn a_screen_url_reloads_into_the_app() {
    let dist = built_app();
    let settings = Settings {
        static_dir: Some(dist.path().into()),
        ..Settings::default()
    };
    assert_eq!(
        get(&settings, "/accounts/fabrikam/work-email").await,
        (StatusCode::OK, "<h1>the app</h1>".into())
    );
}

#[tokio::test]
async fn an_address_too_long_to_name_a_file_reloads_into_the_app_too() {
    let dist = built_app();
    let settings = Settings {
        static_dir: Some(dist.path().to_owned()),
        ..Settings::default()
    };
    let long = "a".repeat(10_000);
    assert_eq!(
        get(&settings, &format!("/accounts/{long}/work-email")).await,
        (StatusCode::OK, "<h1>the app</h1>".into())
    );
}

#[tokio::test]
async fn an_unknown_path_of_the_api_is_a_problem_never_the_apps_page() {
    let dist = built_app();
    let settings = Settings {
        static_dir: Some(dist.path().to_owned()),
        ..Settings::default()
    };
    for path in [
        "/v1",
        "/v1/",
        "/v1/nothing",
        "/v1/accounts/fabrikam/elsewhere",
        "/v1/mpn",
    ] {
        let response = app(&settings)
            .unwrap()
            .oneshot(Request::get(path).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json",
            "{path}"
        );
    }
}

#[tokio::test]
async fn without_an_app_to_serve_unknown_paths_are_not_found() {
    let (status, _) = get(&Settings::default(), "/").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_app_is_told_to_use_this_servers_api() {
    let dist = built_app();
    let settings = Settings {
        static_dir: Some(dist.path().into()),
        ..Settings::default()
    };
    let (status, body) = get(&settings, "/config.json").await;
    assert_eq!(status, StatusCode::OK);
    let config: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        config,
        serde_json::json!({ "api_base_url": "", "demo_token": "demo-owner" })
    );
}

#[tokio::test]
async fn on_the_demo_backend_the_app_gets_no_api_configuration() {
    let dist = built_app();
    let settings = Settings {
        static_dir: Some(dist.path().into()),
        app_on_demo_backend: true,
        ..Settings::default()
    };
    let (_, body) = get(&settings, "/config.json").await;
    assert!(
        serde_json::from_str::<serde_json::Value>(&body).is_err(),
        "the page, not a configuration: {body}"
    );
}

#[tokio::test]
async fn the_app_and_the_examples_are_served_under_a_strict_content_security_policy() {
    let dist = built_app();
    let examples = tempfile::tempdir().unwrap();
    std::fs::write(examples.path().join("portal.html"), "<p>portal</p>").unwrap();
    let settings = Settings {
        static_dir: Some(dist.path().into()),
        examples_dir: Some(examples.path().into()),
        frame_ancestors: "'self' https://portal.example".into(),
        ..Settings::default()
    };
    for path in [
        "/",
        "/app.css",
        "/accounts/fabrikam/work-email",
        "/examples/portal.html",
    ] {
        let headers = headers_of(&settings, path).await;
        let policy = headers["content-security-policy"].to_str().unwrap();
        assert!(
            policy.contains("script-src 'self' 'wasm-unsafe-eval';"),
            "{path}: {policy}"
        );
        assert!(!policy.contains("unsafe-inline"), "{path}: {policy}");
        assert!(
            policy.ends_with("frame-ancestors 'self' https://portal.example"),
            "{path}: {policy}"
        );
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "no-referrer", "{path}");
    }
}

#[tokio::test]
async fn the_apps_files_are_checked_again_on_each_load() {
    let dist = built_app();
    let settings = Settings {
        static_dir: Some(dist.path().into()),
        ..Settings::default()
    };
    for path in ["/", "/app.css", "/accounts/fabrikam/work-email"] {
        let headers = headers_of(&settings, path).await;
        assert_eq!(headers["cache-control"], "no-cache", "{path}");
        assert!(
            headers.contains_key("last-modified"),
            "{path} can be revalidated"
        );
    }
}

/// The build names the files under `assets/` by their content: a browser keeps them, and a new
/// build's page names new ones.
#[tokio::test]
async fn content_hashed_files_are_kept_for_a_year() {
    let dist = built_app();
    let settings = Settings {
        static_dir: Some(dist.path().into()),
        ..Settings::default()
    };
    let headers = headers_of(&settings, "/assets/app-0123456789abcdef.js").await;
    assert_eq!(
        headers["cache-control"], "public, max-age=31536000, immutable",
        "a hashed file"
    );
    // What is not there is not kept (the next build may bring it), and is not the page either:
    // a script asked for by an old page gets an error, not HTML.
    let missing = "/assets/app-fedcba9876543210.js";
    let response = answer(&settings, missing).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(response.headers()["cache-control"], "no-cache");
}

#[tokio::test]
async fn a_portal_of_an_allowed_origin_may_load_the_apps_files() {
    let dist = built_app();
    let settings = Settings {
        static_dir: Some(dist.path().to_owned()),
        allowed_origins: vec!["https://portal.example".into()],
        ..Settings::default()
    };
    let asked_from = |origin: &'static str| {
        Request::get("/app.css")
            .header("origin", origin)
            .body(Body::empty())
            .unwrap()
    };
    let allowed = app(&settings)
        .unwrap()
        .oneshot(asked_from("https://portal.example"))
        .await
        .unwrap();
    assert_eq!(
        allowed.headers()["access-control-allow-origin"],
        "https://portal.example"
    );
    let other = app(&settings)
        .unwrap()
        .oneshot(asked_from("https://elsewhere.example"))
        .await
        .unwrap();
    assert!(!other.headers().contains_key("access-control-allow-origin"));
}

/// A GET of `path` accepting `encodings`: the `Content-Encoding` and `Vary` of the answer, and
/// its body.
async fn get_accepting(
    settings: &Settings,
    path: &str,
    encodings: &str,
) -> (Option<String>, Option<String>, Vec<u8>) {
    let response = app(settings)
        .unwrap()
        .oneshot(
            Request::get(path)
                .header("accept-encoding", encodings)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let header = |name| {
        response
            .headers()
            .get_all(name)
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .reduce(|a, b| format!("{a}, {b}"))
    };
    let (encoding, vary) = (header("content-encoding"), header("vary"));
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (encoding, vary, body.to_vec())
}

#[tokio::test]
async fn the_builds_compressed_files_go_to_browsers_that_accept_them() {
    let dist = built_app();
    for (suffix, bytes) in [("br", &b"brotli bytes"[..]), ("gz", b"gzip bytes")] {
        std::fs::write(dist.path().join(format!("app.css.{suffix}")), bytes).unwrap();
        std::fs::write(dist.path().join(format!("index.html.{suffix}")), bytes).unwrap();
    }
    let settings = Settings {
        static_dir: Some(dist.path().into()),
        ..Settings::default()
    };
    for path in ["/app.css", "/index.html", "/accounts/fabrikam/work-email"] {
        let (encoding, vary, body) = get_accepting(&settings, path, "gzip, deflate, br").await;
        assert_eq!(encoding.as_deref(), Some("br"), "{path}");
        assert_eq!(body, b"brotli bytes", "{path}");
        assert!(
            vary.unwrap_or_default().contains("accept-encoding"),
            "{path}"
        );

        let (encoding, _, body) = get_accepting(&settings, path, "gzip").await;
        assert_eq!(encoding.as_deref(), Some("gzip"), "{path}");
        assert_eq!(body, b"gzip bytes", "{path}");

        // A browser that takes neither gets the file itself, still told that it varies.
        let (encoding, vary, body) = get_accepting(&settings, path, "identity").await;
        assert_eq!(encoding, None, "{path}");
        assert!(
            !body.starts_with(b"brotli") && !body.starts_with(b"gzip"),
            "{path}"
        );
        assert!(
            vary.unwrap_or_default().contains("accept-encoding"),
            "{path}"
        );
    }
}
