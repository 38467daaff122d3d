//! The contract as executable examples: scenarios of requests and the answers every backend must
//! give. The reference server runs them over HTTP; the app's demo backend runs them in the
//! browser. Each scenario starts from the fixtures, with migrations that take a while (so a
//! started migration is still in progress when the scenario reads it).

use serde_json::{Value, json};

mod checklist;
mod drafts;

/// An HTTP method of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET
    Get,
    /// POST
    Post,
    /// PUT
    Put,
    /// DELETE
    Delete,
}

impl Method {
    /// The method's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// A request of a scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// The method.
    pub method: Method,
    /// The path, from `/v1`.
    pub path: String,
    /// The bearer token, if any.
    pub token: Option<&'static str>,
    /// Other headers (`Idempotency-Key`, `If-Match`).
    pub headers: Vec<(&'static str, String)>,
    /// The JSON body, if any.
    pub body: Option<Value>,
}

/// What the answer must be.
#[derive(Debug, Clone, PartialEq)]
pub struct Expect {
    /// The status.
    pub status: u16,
    /// What the body must contain: objects need the keys given (and may have more), arrays need
    /// the same length with each element matching, anything else must be equal.
    pub body: Value,
    /// The ETag, when the answer must carry one.
    pub etag: Option<&'static str>,
}

/// One request and its expected answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The request.
    pub request: Request,
    /// The answer it must get.
    pub expect: Expect,
}

/// A named sequence of steps from fresh fixtures.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// What it shows.
    pub name: &'static str,
    /// Its steps, in order.
    pub steps: Vec<Step>,
}

/// Whether `actual` contains everything `expected` asks for (see [`Expect::body`]).
pub fn body_matches(expected: &Value, actual: &Value) -> bool {
    match (expected, actual) {
        (Value::Object(want), Value::Object(got)) => want
            .iter()
            .all(|(key, value)| got.get(key).is_some_and(|found| body_matches(value, found))),
        (Value::Array(want), Value::Array(got)) => {
            want.len() == got.len() && want.iter().zip(got).all(|(w, g)| body_matches(w, g))
        }
        _ => expected == actual,
    }
}

pub(super) fn request(method: Method, path: &str, token: Option<&'static str>) -> Request {
    Request {
        method,
        path: path.to_owned(),
        token,
        headers: Vec::new(),
        body: None,
    }
}

pub(super) fn owner_get(path: &str) -> Request {
    request(Method::Get, path, Some("demo-owner"))
}

pub(super) fn owner_send(
    method: Method,
    path: &str,
    headers: &[(&'static str, &str)],
    body: Value,
) -> Request {
    Request {
        headers: headers
            .iter()
            .map(|(name, value)| (*name, value.to_string()))
            .collect(),
        body: Some(body),
        ..request(method, path, Some("demo-owner"))
    }
}

impl Request {
    /// The same request at `path`.
    pub(super) fn on(self, path: &str) -> Self {
        Self {
            path: path.to_owned(),
            ..self
        }
    }
}

pub(super) fn step(request: Request, status: u16, body: Value) -> Step {
    Step {
        request,
        expect: Expect {
            status,
            body,
            etag: None,
        },
    }
}

pub(super) fn problem(code: &str) -> Value {
    json!({ "code": code })
}

fn migration(email: &str, mpn: Value) -> Value {
    json!({ "work_email": email, "mpn": mpn })
}

fn keep() -> Value {
    json!({ "choice": "keep_on_file" })
}

/// Fabrikam's owner starts the migration with the address and MPN ID on file.
pub(super) fn start_fabrikam(headers: &[(&'static str, &str)]) -> Request {
    owner_send(
        Method::Post,
        "/v1/accounts/fabrikam/migration",
        headers,
        migration("admin@fabrikam.example", keep()),
    )
}

/// Every scenario of the contract.
pub fn all() -> Vec<Scenario> {
    let in_progress = json!({ "status": "in_progress", "reference": "MIG-000001" });
    vec![
        Scenario {
            name: "who_may_see_what",
            steps: vec![
                step(
                    request(Method::Get, "/v1/accounts", None),
                    401,
                    problem("unauthorized"),
                ),
                step(
                    request(Method::Get, "/v1/accounts", Some("unknown-token")),
                    401,
                    problem("unauthorized"),
                ),
                step(
                    owner_get("/v1/accounts"),
                    200,
                    json!([
                        { "id": "contoso", "viewer_role": "owner", "migration_status": "migrated" },
                        { "id": "fabrikam", "viewer_role": "owner", "migration_status": "not_migrated" },
                        { "id": "northwind", "viewer_role": "owner", "sign_in": { "kind": "microsoft_account" } },
                        { "id": "adatum", "viewer_role": "owner", "mpn_id": null },
                        { "id": "litware", "viewer_role": "owner", "mpn_id": "7654321" },
                        { "id": "tailspin", "viewer_role": "developer" },
                    ]),
                ),
                step(
                    request(Method::Get, "/v1/accounts", Some("demo-newcomer")),
                    200,
                    json!([]),
                ),
                step(
                    request(Method::Get, "/v1/accounts/fabrikam", Some("demo-newcomer")),
                    404,
                    problem("not_found"),
                ),
                step(
                    owner_get("/v1/accounts/nonexistent"),
                    404,
                    problem("not_found"),
                ),
                step(owner_get("/v1/nothing-here"), 404, problem("not_found")),
                // A path's segments are read percent-decoded, and an encoded `/` stays in its
                // segment: it names no account rather than the account's offers.
                step(
                    owner_get("/v1/accounts/fabrik%61m"),
                    200,
                    json!({ "account": { "id": "fabrikam" } }),
                ),
                step(
                    owner_get("/v1/accounts/fabrikam%2Foffers"),
                    404,
                    problem("not_found"),
                ),
                step(
                    request(Method::Get, "/v1/config", None),
                    200,
                    json!({ "offers_deadline": "2019-10-15" }),
                ),
            ],
        },
        Scenario {
            name: "mpn_ids_and_their_states",
            steps: vec![
                step(
                    owner_get("/v1/accounts/fabrikam"),
                    200,
                    json!({ "stored_mpn": { "status": "active", "tenant": { "name": "Fabrikam" } } }),
                ),
                step(
                    owner_get("/v1/accounts/litware"),
                    200,
                    json!({ "stored_mpn": { "status": "not_found" } }),
                ),
                step(
                    owner_get("/v1/accounts/adatum"),
                    200,
                    json!({ "stored_mpn": null }),
                ),
                step(
                    owner_get("/v1/mpn/4567890"),
                    200,
                    json!({ "status": "active", "tenant": { "name": "Adatum", "verified_domains": ["adatum.example"] } }),
                ),
                step(
                    owner_get("/v1/mpn/1111111"),
                    200,
                    json!({ "status": "inactive" }),
                ),
                step(
                    owner_get("/v1/mpn/12ab"),
                    422,
                    json!({ "code": "validation_failed", "field": "mpn_id" }),
                ),
            ],
        },
        Scenario {
            name: "work_email_names_the_tenant",
            steps: vec![
                step(
                    owner_send(
                        Method::Post,
                        "/v1/accounts/northwind/work-email-check",
                        &[],
                        json!({ "work_email": "ops@adatum.example" }),
                    ),
                    422,
                    json!({ "code": "tenant_mismatch", "tenant_name": "Northwind Traders", "status": 422 }),
                ),
                step(
                    owner_send(
                        Method::Post,
                        "/v1/accounts/northwind/work-email-check",
                        &[],
                        json!({ "work_email": "northwind.publisher@outlook.com" }),
                    ),
                    422,
                    problem("consumer_email"),
                ),
                step(
                    owner_send(
                        Method::Post,
                        "/v1/accounts/northwind/work-email-check",
                        &[],
                        json!({ "work_email": "ops@northwind.example" }),
                    ),
                    200,
                    json!({ "work_email": "ops@northwind.example", "tenant_name": "Northwind Traders" }),
                ),
            ],
        },
        Scenario {
            name: "migration_is_idempotent",
            steps: vec![
                step(
                    start_fabrikam(&[]),
                    422,
                    json!({ "code": "validation_failed", "field": "Idempotency-Key" }),
                ),
                step(
                    start_fabrikam(&[("Idempotency-Key", "key-1")]),
                    202,
                    in_progress.clone(),
                ),
                step(
                    start_fabrikam(&[("Idempotency-Key", "key-1")]),
                    202,
                    in_progress.clone(),
                ),
                step(
                    start_fabrikam(&[("Idempotency-Key", "key-2")]),
                    409,
                    problem("conflict"),
                ),
                // The same key with another request is a conflict, not the first answer.
                step(
                    owner_send(
                        Method::Post,
                        "/v1/accounts/fabrikam/migration",
                        &[("Idempotency-Key", "key-1")],
                        migration("ops@fabrikam.example", keep()),
                    ),
                    409,
                    problem("conflict"),
                ),
                step(
                    owner_send(
                        Method::Post,
                        "/v1/accounts/northwind/migration",
                        &[("Idempotency-Key", "key-1")],
                        migration("admin@fabrikam.example", keep()),
                    ),
                    409,
                    problem("conflict"),
                ),
                step(
                    owner_get("/v1/accounts/fabrikam/migration"),
                    200,
                    in_progress,
                ),
            ],
        },
        Scenario {
            name: "refusals_to_migrate",
            steps: [
                ("tailspin", "dev@tailspin.example", keep(), 403, "not_owner"),
                (
                    "contoso",
                    "owner@contoso.example",
                    keep(),
                    409,
                    "already_migrated",
                ),
                (
                    "northwind",
                    "ops@adatum.example",
                    keep(),
                    422,
                    "tenant_mismatch",
                ),
                ("adatum", "lead@adatum.example", keep(), 422, "mpn_missing"),
                (
                    "litware",
                    "admin@litware.example",
                    keep(),
                    422,
                    "mpn_not_found",
                ),
                (
                    "litware",
                    "admin@litware.example",
                    json!({ "choice": "new_id", "id": "1111111" }),
                    422,
                    "mpn_inactive",
                ),
            ]
            .into_iter()
            .map(|(account, email, mpn, status, code)| {
                step(
                    owner_send(
                        Method::Post,
                        &format!("/v1/accounts/{account}/migration"),
                        &[("Idempotency-Key", account)],
                        migration(email, mpn),
                    ),
                    status,
                    problem(code),
                )
            })
            .collect(),
        },
    ]
    .into_iter()
    .chain(checklist::scenarios())
    .chain(drafts::scenarios())
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_match_by_containment() {
        let actual = json!({ "a": 1, "b": [{ "c": 2, "d": 3 }], "e": null });
        assert!(body_matches(&json!({ "b": [{ "c": 2 }] }), &actual));
        assert!(body_matches(&json!({ "e": null }), &actual));
        assert!(!body_matches(&json!({ "b": [] }), &actual));
        assert!(!body_matches(&json!({ "a": 2 }), &actual));
        assert!(!body_matches(&json!({ "missing": null }), &actual));
    }

    #[test]
    fn scenario_names_are_unique() {
        let names: std::collections::BTreeSet<_> = all().iter().map(|s| s.name).collect();
        assert_eq!(names.len(), all().len());
    }
}
