//! The browser's `fetch`, as the app uses it: a method, an address, headers and a text body; an
//! answer's status, the headers the app reads, and its text. (Called through `web-sys` directly:
//! a client library brought its own request builder and the `http` crate's types into the first
//! screen for these few calls.)

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::backend::demo::ApiResponse;

/// A request for [`send`].
pub struct Outgoing<'a> {
    /// `GET`, `POST` or `PUT`.
    pub method: &'a str,
    /// The whole address.
    pub url: &'a str,
    /// Headers, by name.
    pub headers: &'a [(&'a str, &'a str)],
    /// The body, if any.
    pub body: Option<&'a str>,
    /// What aborts it, if anything.
    pub signal: Option<&'a web_sys::AbortSignal>,
}

/// Sends `request`; Err when no answer came (offline, refused by CORS, aborted) or a header was
/// not one a request may carry.
pub async fn send(request: Outgoing<'_>) -> Result<ApiResponse, JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let headers = web_sys::Headers::new()?;
    for (name, value) in request.headers {
        headers.set(name, value)?;
    }
    let init = web_sys::RequestInit::new();
    init.set_method(request.method);
    init.set_headers(&headers);
    if let Some(body) = request.body {
        init.set_body(&JsValue::from_str(body));
    }
    init.set_signal(request.signal);
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str_and_init(request.url, &init))
            .await?
            .dyn_into()?;
    let answered = response.headers();
    let header = |name: &str| answered.get(name).ok().flatten();
    let text = JsFuture::from(response.text()?).await?;
    Ok(ApiResponse {
        status: response.status(),
        etag: header("etag"),
        retry_after: header("retry-after").and_then(|seconds| seconds.trim().parse().ok()),
        body: text.as_string().unwrap_or_default(),
    })
}
