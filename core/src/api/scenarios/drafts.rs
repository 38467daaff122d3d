//! The contract's scenarios of drafts (`/v1/accounts/{id}/draft`): created with
//! `If-None-Match: *`, changed only with the `If-Match` of their version (`428` without it, `412`
//! with the current draft when it names another), kept for the owner alone, and removed when the
//! migration starts or the owner forgets them.

use serde_json::{Value, json};

use super::{
    Expect, Method, Scenario, Step, owner_get, owner_send, problem, request, start_fabrikam, step,
};

const DRAFT: &str = "/v1/accounts/fabrikam/draft";

fn draft(email: &str) -> Value {
    json!({
        "answers": { "work_email": email },
        "typed": { "mpn_id": "234" },
        "screen": "accounts/fabrikam/mpn-id",
    })
}

fn put(headers: &[(&'static str, &str)], body: Value) -> super::Request {
    owner_send(Method::Put, DRAFT, headers, body)
}

fn kept(email: &str) -> Value {
    json!({ "draft": { "answers": { "work_email": email }, "typed": { "mpn_id": "234" } } })
}

fn with_etag(request: super::Request, status: u16, body: Value, etag: &'static str) -> Step {
    Step {
        request,
        expect: Expect {
            status,
            body,
            etag: Some(etag),
        },
    }
}

pub(super) fn scenarios() -> Vec<Scenario> {
    vec![
        Scenario {
            name: "a_draft_is_created_read_and_changed_by_its_version",
            steps: vec![
                step(owner_get(DRAFT), 404, problem("not_found")),
                with_etag(
                    put(&[("If-None-Match", "*")], draft("it@fabrikam.example")),
                    200,
                    kept("it@fabrikam.example"),
                    "\"1\"",
                ),
                with_etag(owner_get(DRAFT), 200, kept("it@fabrikam.example"), "\"1\""),
                // A draft exists: changing it needs its version.
                step(
                    put(&[], draft("ops@fabrikam.example")),
                    428,
                    problem("precondition_required"),
                ),
                step(
                    put(&[("If-None-Match", "*")], draft("ops@fabrikam.example")),
                    412,
                    json!({ "code": "precondition_failed", "current": kept("it@fabrikam.example"), "etag": "\"1\"" }),
                ),
                step(
                    put(&[("If-Match", "\"7\"")], draft("ops@fabrikam.example")),
                    412,
                    json!({ "code": "precondition_failed", "current": kept("it@fabrikam.example"), "etag": "\"1\"" }),
                ),
                with_etag(
                    put(&[("If-Match", "\"1\"")], draft("ops@fabrikam.example")),
                    200,
                    kept("ops@fabrikam.example"),
                    "\"2\"",
                ),
                // Not a draft: refused, named.
                step(
                    put(
                        &[("If-Match", "\"2\"")],
                        json!({ "screen": "https://evil.example/" }),
                    ),
                    422,
                    json!({ "code": "validation_failed", "field": "screen" }),
                ),
                step(
                    put(
                        &[("If-Match", "\"2\"")],
                        json!({ "typed": { "work_email": "a".repeat(17 * 1024) } }),
                    ),
                    413,
                    problem("payload_too_large"),
                ),
                step(
                    request(Method::Delete, DRAFT, Some("demo-owner")),
                    204,
                    Value::Null,
                ),
                step(owner_get(DRAFT), 404, problem("not_found")),
                step(
                    request(Method::Delete, DRAFT, Some("demo-owner")),
                    204,
                    Value::Null,
                ),
                // A draft made again has a version no earlier draft had: a device that still
                // holds version 2 cannot write over it.
                with_etag(
                    put(&[("If-None-Match", "*")], draft("it@fabrikam.example")),
                    200,
                    kept("it@fabrikam.example"),
                    "\"3\"",
                ),
                step(
                    put(&[("If-Match", "\"2\"")], draft("old@fabrikam.example")),
                    412,
                    json!({ "code": "precondition_failed", "current": kept("it@fabrikam.example"), "etag": "\"3\"" }),
                ),
            ],
        },
        Scenario {
            name: "a_draft_is_the_owners_alone_and_goes_when_the_migration_starts",
            steps: vec![
                // Only an owner who may still start the migration keeps one.
                step(
                    put(&[], draft("dev@tailspin.example")).on("/v1/accounts/tailspin/draft"),
                    403,
                    problem("not_owner"),
                ),
                step(
                    owner_get("/v1/accounts/contoso/draft"),
                    409,
                    problem("already_migrated"),
                ),
                step(
                    request(Method::Get, DRAFT, Some("demo-newcomer")),
                    404,
                    problem("not_found"),
                ),
                step(
                    request(Method::Get, DRAFT, None),
                    401,
                    problem("unauthorized"),
                ),
                with_etag(
                    put(&[], draft("it@fabrikam.example")),
                    200,
                    kept("it@fabrikam.example"),
                    "\"1\"",
                ),
                step(
                    start_fabrikam(&[("Idempotency-Key", "draft-goes")]),
                    202,
                    json!({ "status": "in_progress" }),
                ),
                // The migration is under way: no draft, and none may be kept.
                step(owner_get(DRAFT), 409, problem("conflict")),
                step(
                    put(&[("If-None-Match", "*")], draft("it@fabrikam.example")),
                    409,
                    problem("conflict"),
                ),
            ],
        },
    ]
}
