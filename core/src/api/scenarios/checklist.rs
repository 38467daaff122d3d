//! The contract's scenario of the checklist's ticks: versioned with an ETag, changed only with the
//! `If-Match` of their version, and only for the account's own items that Partner Center cannot
//! tell.

use serde_json::json;

use super::{Expect, Method, Scenario, Step, owner_get, owner_send, problem, step};

pub(super) fn scenarios() -> Vec<Scenario> {
    vec![Scenario {
        name: "checklist_ticks_are_versioned",
        steps: vec![
            Step {
                request: owner_get("/v1/accounts/fabrikam/checklist"),
                expect: Expect {
                    status: 200,
                    body: json!({ "ticks": [] }),
                    etag: Some("\"0\""),
                },
            },
            step(
                owner_send(
                    Method::Put,
                    "/v1/accounts/fabrikam/checklist",
                    &[],
                    json!({ "ticks": [] }),
                ),
                428,
                problem("precondition_required"),
            ),
            Step {
                request: owner_send(
                    Method::Put,
                    "/v1/accounts/fabrikam/checklist",
                    &[("If-Match", "\"0\"")],
                    json!({ "ticks": ["offers_in_appsource:fabrikam-expense-app"] }),
                ),
                expect: Expect {
                    status: 200,
                    body: json!({ "ticks": ["offers_in_appsource:fabrikam-expense-app"] }),
                    etag: Some("\"1\""),
                },
            },
            step(
                owner_send(
                    Method::Put,
                    "/v1/accounts/fabrikam/checklist",
                    &[("If-Match", "\"0\"")],
                    json!({ "ticks": [] }),
                ),
                412,
                problem("precondition_failed"),
            ),
            // Ticks only for the account's own items that Partner Center cannot tell.
            step(
                owner_send(
                    Method::Put,
                    "/v1/accounts/fabrikam/checklist",
                    &[("If-Match", "\"1\"")],
                    json!({ "ticks": ["offers_in_appsource:fabrikam-expense-app", "isv_addendum_accepted"] }),
                ),
                422,
                json!({ "code": "validation_failed", "field": "ticks", "item": "isv_addendum_accepted" }),
            ),
            step(
                owner_send(
                    Method::Put,
                    "/v1/accounts/fabrikam/checklist",
                    &[("If-Match", "\"1\"")],
                    json!({ "ticks": ["offers_in_appsource:contoso-offer"] }),
                ),
                422,
                json!({ "code": "validation_failed", "item": "offers_in_appsource:contoso-offer" }),
            ),
            Step {
                request: owner_get("/v1/accounts/fabrikam/checklist"),
                expect: Expect {
                    status: 200,
                    body: json!({ "ticks": ["offers_in_appsource:fabrikam-expense-app"] }),
                    etag: Some("\"1\""),
                },
            },
            step(
                owner_get("/v1/accounts/fabrikam/offers"),
                200,
                json!([{}, {}, {}, {}, {}]),
            ),
            step(
                owner_get("/v1/accounts/fabrikam/readiness"),
                200,
                json!({ "isv_addendum_accepted": false, "billing_profile_complete": false }),
            ),
        ],
    }]
}
