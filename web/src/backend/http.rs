//! The app's one way to make an HTTP request: gloo-net over the browser's `fetch`, for the API
//! client and the sign-in's discovery and token calls. A method, an address, headers and a text
//! body go out; the status, the headers the app reads, and the text come back.

use gloo_net::http::Request;

use crate::backend::exchange::ApiResponse;

/// A request for [`send`].
pub struct Outgoing<'a> {
    /// `GET`, `POST`, `PUT` or `DELETE`.
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

/// No answer came: offline, refused by CORS, aborted, or a request the browser would not send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoAnswer;

/// Sends `request`, and reads its answer. The request is made as the browser's own `Request`
/// and handed to gloo-net to send: its builder would bring the `http` crate's `Method` and a
/// second parse of the address into the first screen for nothing the app uses.
pub async fn send(request: Outgoing<'_>) -> Result<ApiResponse, NoAnswer> {
    let headers = web_sys::Headers::new().map_err(|_| NoAnswer)?;
    for (name, value) in request.headers {
        headers.set(name, value).map_err(|_| NoAnswer)?;
    }
    let init = web_sys::RequestInit::new();
    init.set_method(request.method);
    init.set_headers(&headers);
    if let Some(body) = request.body {
        init.set_body(&body.into());
    }
    init.set_signal(request.signal);
    let made = web_sys::Request::new_with_str_and_init(request.url, &init).map_err(|_| NoAnswer)?;
    let response = Request::from(made).send().await.map_err(|_| NoAnswer)?;
    let headers = response.headers();
    Ok(ApiResponse {
        status: response.status(),
        etag: headers.get("etag"),
        retry_after: headers
            .get("retry-after")
            .and_then(|seconds| seconds.trim().parse().ok()),
        body: response.text().await.map_err(|_| NoAnswer)?,
    })
}
