//! The app's one client of the API: typed calls over either transport, a server over HTTP or the
//! embedded demo backend, so every screen works the same on both. Bodies are the core's types.

use assistant_core::account::{Account, AccountId};
use assistant_core::api::draft::{Draft, DraftConflict, KeptDraft};
use assistant_core::api::{
    AccountDetail, ChecklistTicks, MigrationState, Problem, ProblemCode, WorkEmailAccepted,
    WorkEmailCheck,
};
use assistant_core::config::FlowConfig;
use assistant_core::flow::MigrationRequest;
use assistant_core::mpn::{MpnId, MpnRecord};
use assistant_core::offer::{Offer, Readiness};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, PercentEncode, utf8_percent_encode};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::backend::browser_json::read_json;
use crate::backend::exchange::{ApiRequest, ApiResponse};
use crate::backend::json_text;
pub use crate::backend::transport::{
    ClientError, DemoSlot, HostToken, SignedInPerson, TIMEOUT_MS, Token, TokenSource, Transport,
};
use crate::backend::transport::{absolute, fetch, now_ms};

/// What stays itself in a path segment made from data: RFC 3986's unreserved characters. All
/// else (`/`, `?`, `#`, `%`, spaces, anything not ASCII) is percent-encoded, so data never ends
/// its segment, starts a query or a fragment, or reads as an escape.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Data as one segment of a path: the one place where the app puts data into an address, its
/// API's or its own. An account id is never `.` or `..` (the type says so), which no encoding
/// could keep from being read as a step along the path.
pub fn path_segment(data: &impl AsRef<str>) -> PercentEncode<'_> {
    utf8_percent_encode(data.as_ref(), SEGMENT)
}

/// The path of an account, or of one of its resources (`rest`, such as `/offers`).
fn account_path(id: &AccountId, rest: &str) -> String {
    format!("/v1/accounts/{}{rest}", path_segment(id))
}

/// The address of the API at `base_url` (as `config.json` gives it) as the browser resolves it:
/// the name of its saves.
pub fn api_address(base_url: &str) -> String {
    absolute(base_url.trim_end_matches('/'))
}

/// The API client.
#[derive(Clone)]
pub struct Client {
    transport: Transport,
}

/// The answer's body read with `read` (a success), or the problem it carries.
fn decode<T>(
    response: &ApiResponse,
    read: impl FnOnce(&str) -> Option<T>,
) -> Result<T, ClientError> {
    match response.status {
        200..=299 => read(&response.body).ok_or(ClientError::Malformed),
        // A sign-in that is no longer valid, whatever answers it (a gateway in front of the API
        // may answer without a problem of the contract).
        401 => Err(ClientError::Problem(Problem::of(ProblemCode::Unauthorized))),
        // Too many requests, whatever answers it (the API or a gateway before it): `Retry-After`
        // says how long to wait, in seconds (a date there is not taken).
        429 => Err(ClientError::TooManyRequests {
            retry_after: response.retry_after,
        }),
        status => match read_json::<Problem>(&response.body) {
            Some(problem) => Err(ClientError::Problem(problem)),
            None if status >= 500 => Err(ClientError::Problem(Problem::of(ProblemCode::Internal))),
            None => Err(ClientError::Malformed),
        },
    }
}

/// A body read by serde: what the first screen does not read.
fn by_serde<T: DeserializeOwned>(body: &str) -> Option<T> {
    serde_json::from_str(body).ok()
}

fn request(
    method: &str,
    path: String,
    headers: Vec<(String, String)>,
    body: Option<&impl Serialize>,
) -> ApiRequest {
    ApiRequest {
        method: method.to_owned(),
        path,
        token: None,
        headers,
        body: body.map(|body| json_text(body)),
    }
}

const NO_BODY: Option<&()> = None;

/// The version an ETag names (`"3"` is 3).
fn version_of(response: &ApiResponse) -> Result<i64, ClientError> {
    response
        .etag
        .as_deref()
        .and_then(|tag| tag.trim_start_matches("W/").trim_matches('"').parse().ok())
        .ok_or(ClientError::Malformed)
}

/// The API's draft of an account, as the app reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemoteDraft {
    /// There is none.
    None,
    /// It expired: the API removed its answers.
    Expired,
    /// This one, at this version.
    Kept {
        /// The draft, with when it changed.
        kept: KeptDraft,
        /// Its version.
        version: i64,
    },
}

/// What writing a draft did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftWritten {
    /// Saved, at this version.
    Saved {
        /// The new version.
        version: i64,
    },
    /// The API's draft changed since (or exists, or went): the one it holds now, if any, with
    /// its version.
    Conflict {
        /// The draft held, and its version.
        current: Option<(KeptDraft, i64)>,
    },
}

impl Client {
    /// A client on this transport.
    pub fn new(transport: Transport) -> Self {
        Self { transport }
    }

    /// Whether the client runs on the embedded demo backend (the UI says "demo data").
    pub fn is_demo(&self) -> bool {
        matches!(self.transport, Transport::Demo(_))
    }

    /// The API's base URL as the browser resolves it (the same API has the same address however
    /// it was written); `None` on the demo backend.
    pub fn api_address(&self) -> Option<String> {
        match &self.transport {
            Transport::Demo(_) => None,
            Transport::Http { base_url, .. } => Some(absolute(base_url)),
        }
    }

    /// Who the app's own sign-in signed in, when it did.
    pub fn person(&self) -> Option<SignedInPerson> {
        match &self.transport {
            Transport::Http {
                token: Token::SignedIn(source),
                ..
            } => Some(source.person()),
            _ => None,
        }
    }

    /// The name of the saves of the person the requests are made for: the app's own sign-in's,
    /// or whom a host's last token named (known once a request was made).
    pub fn saves_of(&self) -> Option<String> {
        match &self.transport {
            Transport::Http {
                token: Token::SignedIn(source),
                ..
            } => Some(source.person().key),
            Transport::Http {
                token: Token::Host(host),
                ..
            } => host.person(),
            _ => None,
        }
    }

    /// Whether the API keeps the person's drafts: when someone is signed in (the app's own
    /// sign-in, or a host's `getToken`); not on the demo backend, nor with a fixed demo token.
    pub fn keeps_drafts(&self) -> bool {
        matches!(
            &self.transport,
            Transport::Http {
                token: Token::SignedIn(_) | Token::Host(_),
                ..
            }
        )
    }

    /// Puts the demo's fixtures back; nothing on a real server.
    pub fn reset_demo(&self) {
        if let Transport::Demo(demo) = &self.transport {
            demo.reset();
        }
    }

    async fn send(&self, mut request: ApiRequest) -> Result<ApiResponse, ClientError> {
        match &self.transport {
            Transport::Http { base_url, token } => {
                let current = token.current().await?;
                let response = fetch(base_url, current.as_deref(), &request).await?;
                if response.status == 401 {
                    token.refused().await;
                }
                Ok(response)
            }
            Transport::Demo(demo) => {
                request.token = Some(crate::backend::demo::DEMO_TOKEN.to_owned());
                demo.handle(&request, now_ms()).await
            }
        }
    }

    /// A GET, its answer read with `read`: the core's hand readers (`read_json`) for what the
    /// first screen reads, serde (`by_serde`) for the rest.
    async fn get<T>(
        &self,
        path: String,
        read: impl FnOnce(&str) -> Option<T>,
    ) -> Result<T, ClientError> {
        let response = self.send(request("GET", path, Vec::new(), NO_BODY)).await?;
        decode(&response, read)
    }

    /// The flow configuration.
    pub async fn config(&self) -> Result<FlowConfig, ClientError> {
        self.get("/v1/config".into(), read_json).await
    }

    /// The viewer's accounts.
    pub async fn accounts(&self) -> Result<Vec<Account>, ClientError> {
        self.get("/v1/accounts".into(), read_json).await
    }

    /// One account with its stored MPN ID's state.
    pub async fn account(&self, id: &AccountId) -> Result<AccountDetail, ClientError> {
        self.get(account_path(id, ""), by_serde).await
    }

    /// What the registry says of an MPN ID.
    pub async fn lookup_mpn(&self, id: &MpnId) -> Result<MpnRecord, ClientError> {
        self.get(format!("/v1/mpn/{}", path_segment(id)), by_serde)
            .await
    }

    /// The account's offers.
    pub async fn offers(&self, id: &AccountId) -> Result<Vec<Offer>, ClientError> {
        self.get(account_path(id, "/offers"), by_serde).await
    }

    /// The account's readiness facts.
    pub async fn readiness(&self, id: &AccountId) -> Result<Readiness, ClientError> {
        self.get(account_path(id, "/readiness"), by_serde).await
    }

    /// Checks a work email for the account.
    pub async fn check_work_email(
        &self,
        id: &AccountId,
        check: &WorkEmailCheck,
    ) -> Result<WorkEmailAccepted, ClientError> {
        let path = account_path(id, "/work-email-check");
        let response = self
            .send(request("POST", path, Vec::new(), Some(check)))
            .await?;
        decode(&response, by_serde)
    }

    /// Starts the migration; the same `idempotency_key` never starts two.
    pub async fn start_migration(
        &self,
        id: &AccountId,
        idempotency_key: &str,
        migration: &MigrationRequest,
    ) -> Result<MigrationState, ClientError> {
        let headers = vec![("idempotency-key".to_owned(), idempotency_key.to_owned())];
        let path = account_path(id, "/migration");
        let response = self
            .send(request("POST", path, headers, Some(migration)))
            .await?;
        decode(&response, by_serde)
    }

    /// Where the account's migration stands.
    pub async fn migration(&self, id: &AccountId) -> Result<MigrationState, ClientError> {
        self.get(account_path(id, "/migration"), by_serde).await
    }

    /// The checklist ticks and their version (ETag).
    pub async fn checklist(&self, id: &AccountId) -> Result<(String, ChecklistTicks), ClientError> {
        let response = self
            .send(request(
                "GET",
                account_path(id, "/checklist"),
                Vec::new(),
                NO_BODY,
            ))
            .await?;
        let ticks = decode(&response, by_serde)?;
        Ok((response.etag.ok_or(ClientError::Malformed)?, ticks))
    }

    /// Saves the ticks if they are still at version `etag`; the new version.
    pub async fn save_checklist(
        &self,
        id: &AccountId,
        etag: &str,
        ticks: &ChecklistTicks,
    ) -> Result<String, ClientError> {
        let headers = vec![("if-match".to_owned(), etag.to_owned())];
        let path = account_path(id, "/checklist");
        let response = self
            .send(request("PUT", path, headers, Some(ticks)))
            .await?;
        decode(&response, by_serde::<ChecklistTicks>)?;
        response.etag.ok_or(ClientError::Malformed)
    }

    /// The signed-in owner's draft of an account.
    pub async fn draft(&self, id: &AccountId) -> Result<RemoteDraft, ClientError> {
        let response = self
            .send(request(
                "GET",
                account_path(id, "/draft"),
                Vec::new(),
                NO_BODY,
            ))
            .await?;
        match response.status {
            404 => Ok(RemoteDraft::None),
            410 => Ok(RemoteDraft::Expired),
            _ => {
                let kept = decode(&response, by_serde)?;
                Ok(RemoteDraft::Kept {
                    kept,
                    version: version_of(&response)?,
                })
            }
        }
    }

    /// Writes the owner's draft of an account over the version `over` (creating it when `None`).
    pub async fn put_draft(
        &self,
        id: &AccountId,
        over: Option<i64>,
        draft: &Draft,
    ) -> Result<DraftWritten, ClientError> {
        let precondition = match over {
            Some(version) => ("if-match".to_owned(), assistant_core::api::etag(version)),
            None => ("if-none-match".to_owned(), "*".to_owned()),
        };
        let path = account_path(id, "/draft");
        let response = self
            .send(request("PUT", path, vec![precondition], Some(draft)))
            .await?;
        if response.status == 412 {
            let conflict: DraftConflict = by_serde(&response.body).ok_or(ClientError::Malformed)?;
            let version = conflict
                .etag
                .as_deref()
                .and_then(|tag| tag.trim_matches('"').parse().ok());
            return Ok(DraftWritten::Conflict {
                current: conflict.current.zip(version),
            });
        }
        decode(&response, by_serde::<KeptDraft>)?;
        Ok(DraftWritten::Saved {
            version: version_of(&response)?,
        })
    }

    /// Forgets the owner's draft of an account.
    pub async fn forget_draft(&self, id: &AccountId) -> Result<(), ClientError> {
        let response = self
            .send(request(
                "DELETE",
                account_path(id, "/draft"),
                Vec::new(),
                NO_BODY,
            ))
            .await?;
        match response.status {
            204 => Ok(()),
            _ => decode(&response, |_| Some(())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_id_stays_one_segment_of_the_apis_path() {
        for (id, path) in [
            ("fabrikam", "/v1/accounts/fabrikam/offers"),
            (
                "fabrikam/../../mpn/2345678",
                "/v1/accounts/fabrikam%2F..%2F..%2Fmpn%2F2345678/offers",
            ),
            ("a?b#c", "/v1/accounts/a%3Fb%23c/offers"),
            ("%2e%2e", "/v1/accounts/%252e%252e/offers"),
            ("...", "/v1/accounts/.../offers"),
            ("é 😀", "/v1/accounts/%C3%A9%20%F0%9F%98%80/offers"),
        ] {
            assert_eq!(
                account_path(&AccountId::parse(id).unwrap(), "/offers"),
                path
            );
        }
    }
}
