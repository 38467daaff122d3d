//! An address never steers a request: whatever a link puts where an account's id goes, the app
//! asks the API about that account only, with the id as one segment of the path, or asks nothing
//! at all for an id no API could have issued. Checked on the requests the browser sent, as the
//! DevTools protocol saw them, not on the page alone.

use libtest_mimic::{Failed, Trial};

use assistant_e2e::devtools;
use assistant_e2e::harness::Harness;
use assistant_e2e::page::Page;

/// An address of the app, and what the API may be asked because of it.
struct Hostile {
    /// The address below the app, as a link would carry it.
    address: &'static str,
    /// The account id as one encoded segment, when the app may ask for it at all.
    asks_for: Option<&'static str>,
}

const HOSTILE: [Hostile; 9] = [
    // The traversal that reached `GET /v1/mpn/2345678` with the user's token.
    Hostile {
        address: "accounts/fabrikam%2F..%2F..%2Fmpn%2F2345678/work-email",
        asks_for: Some("fabrikam%2F..%2F..%2Fmpn%2F2345678"),
    },
    Hostile {
        address: "accounts/fabrikam%2Foffers/offers-checklist",
        asks_for: Some("fabrikam%2Foffers"),
    },
    Hostile {
        address: "accounts/fabrikam%3Fdebug%3D1/work-email",
        asks_for: Some("fabrikam%3Fdebug%3D1"),
    },
    Hostile {
        address: "accounts/fabrikam%23top/migration",
        asks_for: Some("fabrikam%23top"),
    },
    // An id that is the text `%2e%2e`: it must not be decoded twice into `..`.
    Hostile {
        address: "accounts/%252e%252e/work-email",
        asks_for: Some("%252e%252e"),
    },
    Hostile {
        address: "accounts/x%2F%2e%2e%2F%2e%2e%2Fconfig/mpn-id",
        asks_for: Some("x%2F..%2F..%2Fconfig"),
    },
    Hostile {
        address: "accounts/..%2F/work-email",
        asks_for: Some("..%2F"),
    },
    // `..` itself (the browser resolves it before the app sees it), and a control character:
    // no API issues such an id.
    Hostile {
        address: "accounts/%2e%2e/work-email",
        asks_for: None,
    },
    Hostile {
        address: "accounts/fabrikam%0A/work-email",
        asks_for: None,
    },
];

/// Whether the app may have sent `path` (as sent) for an address that `asks_for` this id.
fn allowed(path: &str, asks_for: Option<&str>) -> bool {
    if !path.starts_with("/v1") {
        return true; // the app's own files, config.json
    }
    let account = asks_for.map(|id| format!("/v1/accounts/{id}"));
    path == "/v1/config"
        || account.is_some_and(|account| {
            path.strip_prefix(&account)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
}

/// What the page must show: the account-not-found problem, or "Page not found".
async fn shows_not_found(page: &Page, asks_for: Option<&str>) -> Result<(), Failed> {
    match asks_for {
        Some(_) => page
            .wait_text(".pma-problem", "We cannot find this account")
            .await
            .map(drop),
        None => page.wait_heading("Page not found").await,
    }
}

async fn each_hostile_address_asks_only_for_its_own_account(
    page: Page,
    origin: String,
) -> Result<(), Failed> {
    let long_id = "a".repeat(10_000);
    let long = format!("accounts/{long_id}/work-email");
    let cases = HOSTILE
        .iter()
        .map(|case| (case.address, case.asks_for))
        .chain([(long.as_str(), None)]);
    for (address, asks_for) in cases {
        page.open("").await?;
        page.element("li[data-account=tailspin]").await?;
        devtools::requests(&page.browser).await?;
        page.open(address).await?;
        // Whatever the page ends on, the requests are checked first.
        page.until(
            &format!("{address} to end on a problem or a page"),
            || async {
                let heading = page.text_of("main h1").await;
                (page.has(".pma-problem").await || heading.as_deref() == Some("Page not found"))
                    .then_some(())
            },
        )
        .await?;
        let sent = devtools::requests(&page.browser).await?;
        let mut asked = false;
        for request in &sent {
            let Some(path) = request.path_on(&origin) else {
                return Err(
                    format!("{address}: a request left the app's origin: {request:?}").into(),
                );
            };
            assert!(
                allowed(path, asks_for),
                "{address}: the app sent {} {path}",
                request.method
            );
            asked |= path.starts_with("/v1/accounts/");
        }
        assert_eq!(
            asked,
            asks_for.is_some(),
            "{address}: whether the account was asked for ({sent:?})"
        );
        shows_not_found(&page, asks_for).await?;
    }
    Ok(())
}

pub fn tests(harness: &Harness) -> Vec<Trial> {
    vec![harness.trial_recording_requests(
        "addresses::each_hostile_address_asks_only_for_its_own_account [api]",
        |browser, apps| {
            let origin = apps.api.clone();
            each_hostile_address_asks_only_for_its_own_account(Page::new(browser, apps.api), origin)
        },
    )]
}
