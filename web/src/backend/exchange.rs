//! A request to the API and its answer, as the client makes them and both transports (a server
//! over HTTP, the embedded demo backend) take and give them.

/// A request to the API, as the app's client sends it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiRequest {
    /// `GET`, `POST` or `PUT`.
    pub method: String,
    /// The path, from `/v1`.
    pub path: String,
    /// The bearer token, if any.
    pub token: Option<String>,
    /// Other headers, by lower-case name.
    pub headers: Vec<(String, String)>,
    /// The body, if any.
    pub body: Option<String>,
}

impl ApiRequest {
    /// The value of the header `name`, in any case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// An answer of the API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiResponse {
    /// The HTTP status.
    pub status: u16,
    /// The ETag, if the answer has one.
    pub etag: Option<String>,
    /// `Retry-After`, in seconds, if the answer has it.
    pub retry_after: Option<u64>,
    /// The JSON body (a problem for failures).
    pub body: String,
}
