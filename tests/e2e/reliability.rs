//! When things go wrong: the reference server's injected faults. Each case checks what the person
//! sees, and that nothing they gave is lost.

use libtest_mimic::{Failed, Trial};
use serde_json::{Value, json};

use crate::migration::answer_every_question;
use assistant_e2e::devtools;
use assistant_e2e::harness::{Backend, Harness};
use assistant_e2e::page::Page;

/// Sets the reference server's fault rules (it runs with `--enable-faults`), from the page.
pub async fn set_faults(page: &Page, rules: Value) -> Result<(), Failed> {
    let status = page
        .browser
        .execute_async(
            "const [rules, done] = arguments;
             fetch('/_faults', { method: 'PUT', headers: { 'content-type': 'application/json' },
                                 body: JSON.stringify(rules) })
               .then((r) => done(r.status), (e) => done(String(e)));",
            vec![rules],
        )
        .await?;
    assert_eq!(status, 204, "the fault rules are set");
    Ok(())
}

fn fault(method: &str, path: &str, fault: Value) -> Value {
    json!([{ "method": method, "path": path, "times": 1, "fault": fault }])
}

/// Presses the problem panel's Try again and waits for the panel of the new attempt to say
/// `expected`: the panel shown before is marked, so a Retry that did nothing cannot pass.
async fn retry_shows_a_new_panel(page: &Page, expected: &str) -> Result<(), Failed> {
    page.browser
        .execute(
            "document.querySelector('.pma-problem').dataset.before = 'yes';",
            vec![],
        )
        .await?;
    page.press(".pma-problem", "Try again").await?;
    page.wait_text(".pma-problem:not([data-before])", expected)
        .await
        .map(drop)
}

/// Litware's work email page, where Continue meets `fault` on the email check.
async fn continue_litware_with_a_fault(page: &Page, fault_kind: Value) -> Result<(), Failed> {
    page.open_work_email("litware").await?;
    set_faults(
        page,
        fault("POST", "/v1/accounts/litware/work-email-check", fault_kind),
    )
    .await?;
    page.press("main form", "Continue").await
}

async fn a_server_error_on_the_email_check_keeps_the_answer_and_retry_goes_on(
    page: Page,
    _: Backend,
) -> Result<(), Failed> {
    continue_litware_with_a_fault(&page, json!({ "kind": "status", "status": 500 })).await?;
    page.wait_text(".pma-problem", "Something went wrong on the service's side")
        .await?;
    assert_eq!(
        page.value("#work-email").await?,
        "admin@litware.example",
        "the answer is kept"
    );
    page.press(".pma-problem", "Try again").await?;
    page.wait_heading("Join the Microsoft Partner Network")
        .await
}

async fn an_answer_that_cannot_be_read_says_so_and_retry_loads(
    page: Page,
    _: Backend,
) -> Result<(), Failed> {
    page.open_overview().await?;
    set_faults(
        &page,
        fault(
            "GET",
            "/v1/accounts/litware",
            json!({ "kind": "malformed_body" }),
        ),
    )
    .await?;
    page.open("accounts/litware/work-email").await?;
    page.wait_text(".pma-problem", "a response we could not read")
        .await?;
    page.press(".pma-problem", "Try again").await?;
    page.wait_heading("What is your work email address?").await
}

async fn an_expired_sign_in_says_to_sign_in_again(page: Page, _: Backend) -> Result<(), Failed> {
    page.open_on("help", "Help and next steps").await?;
    set_faults(
        &page,
        fault(
            "GET",
            "/v1/accounts",
            json!({ "kind": "status", "status": 401 }),
        ),
    )
    .await?;
    page.press("header", "Partner Center migration assistant")
        .await?;
    page.wait_text(".pma-problem", "Your sign-in has expired. Sign in again")
        .await?;
    page.press(".pma-problem", "Try again").await?;
    page.element("li[data-account=tailspin]").await?;
    Ok(())
}

async fn going_offline_mid_flow_keeps_the_answers_and_retry_goes_on_once_back(
    page: Page,
    _: Backend,
) -> Result<(), Failed> {
    page.open_work_email("litware").await?;
    page.fill("#work-email", "ops@litware.example").await?;
    devtools::set_offline(&page.browser, true).await?;
    page.press("main form", "Continue").await?;
    let problem = page
        .wait_text(".pma-problem", "The service could not be reached")
        .await?;
    assert!(problem.contains("Your answers are kept."), "{problem}");
    assert_eq!(
        page.value("#work-email").await?,
        "ops@litware.example",
        "the answer is kept"
    );
    // Still offline: trying again tries (a new panel, not the old one left standing), says so
    // again, and loses nothing.
    retry_shows_a_new_panel(&page, "Check your internet connection").await?;
    assert_eq!(page.value("#work-email").await?, "ops@litware.example");

    devtools::set_offline(&page.browser, false).await?;
    page.press(".pma-problem", "Try again").await?;
    page.wait_heading("Join the Microsoft Partner Network")
        .await?;
    // The answer given offline is the one the server checked and the app keeps.
    page.browser.back().await?;
    page.wait_heading("What is your work email address?")
        .await?;
    assert_eq!(page.value("#work-email").await?, "ops@litware.example");
    Ok(())
}

async fn a_slow_answer_shows_it_is_pending_then_times_out_with_a_retry(
    page: Page,
    _: Backend,
) -> Result<(), Failed> {
    continue_litware_with_a_fault(&page, json!({ "kind": "latency", "ms": 12000 })).await?;
    let button = page.element("main form button[type=submit]").await?;
    assert_eq!(
        button.text().await?,
        "Checking…",
        "the pending state shows at once"
    );
    assert!(
        button.attr("disabled").await?.is_some(),
        "and the button waits"
    );
    page.wait_text("[aria-live=polite]", "Checking your email address")
        .await?;
    page.wait_text(".pma-problem", "taking too long").await?;
    assert_eq!(page.value("#work-email").await?, "admin@litware.example");
    page.press(".pma-problem", "Try again").await?;
    page.wait_heading("Join the Microsoft Partner Network")
        .await
}

async fn a_connection_cut_during_submission_then_retry_migrates_once(
    page: Page,
    _: Backend,
) -> Result<(), Failed> {
    page.open("accounts/northwind/work-email").await?;
    answer_every_question(&page, Some("ops@northwind.example"), None).await?;
    // The server starts the migration, then the connection is cut before its answer arrives.
    set_faults(
        &page,
        fault(
            "POST",
            "/v1/accounts/northwind/migration",
            json!({ "kind": "drop_connection" }),
        ),
    )
    .await?;
    page.press("main", "Migrate account").await?;
    // Either the app says the service could not be reached and offers to try again, or the
    // browser sends the request again by itself (it does for a connection that closed before any
    // answer). Both send the same idempotency key.
    let cut = page
        .until("the cut connection's outcome", || async {
            if page
                .text_of(".pma-problem")
                .await
                .is_some_and(|t| t.contains("could not be reached"))
            {
                return Some(true);
            }
            let heading = page.text_of("main h1").await?;
            (heading == "Migrating your account" || heading == "Account migrated").then_some(false)
        })
        .await?;
    if cut {
        page.press(".pma-problem", "Try again").await?;
    }
    page.wait_heading("Account migrated").await?;
    let shown = page.element("[data-reference]").await?.text().await?;
    // One migration: the server's, with the reference the page shows (a second submission with
    // another key would have been refused while the first was under way).
    let state = page
        .browser
        .execute_async(
            "const done = arguments[0];
             fetch('/v1/accounts/northwind/migration', { headers: { authorization: 'Bearer demo-owner' } })
               .then((r) => r.json()).then(done, (e) => done(String(e)));",
            vec![],
        )
        .await?;
    assert_eq!(state["reference"], shown.as_str(), "{state}");
    assert_eq!(state["status"], "migrated", "{state}");
    Ok(())
}

async fn a_double_click_on_migrate_sends_one_request(page: Page, _: Backend) -> Result<(), Failed> {
    page.open("").await?;
    page.press("li[data-account=litware]", "Start migration")
        .await?;
    answer_every_question(&page, None, Some("8765432")).await?;
    // Count the requests that start a migration, then press twice in the same instant.
    page.browser
        .execute(
            "window.migrationPosts = 0;
             const fetch = window.fetch;
             window.fetch = (resource, init) => {
               // A Request, or an address with its options.
               const isRequest = resource instanceof Request;
               const url = isRequest ? resource.url : String(resource);
               const method = isRequest ? resource.method : (init && init.method) || 'GET';
               if (url.endsWith('/migration') && method === 'POST') {
                 window.migrationPosts += 1;
               }
               return fetch(resource, init);
             };
             const button = document.getElementById('migrate-account');
             button.click();
             button.click();",
            vec![],
        )
        .await?;
    page.wait_heading("Account migrated").await?;
    let posts = page
        .browser
        .execute("return window.migrationPosts;", vec![])
        .await?;
    assert_eq!(posts, 1, "one request starts the migration");
    Ok(())
}

/// A tick the API fails to save is undone, and says so with what went wrong; no word of answers
/// being kept, for a checklist has none. Try again saves it.
async fn a_tick_that_cannot_be_saved_is_undone_and_retry_saves_it(
    page: Page,
    _: Backend,
) -> Result<(), Failed> {
    page.open_on(
        "accounts/fabrikam/offers-checklist",
        "Move your Dynamics 365 and PowerApps offers",
    )
    .await?;
    // The first item the publisher ticks (other tests may have ticked it already: it is untick
    // then).
    let id = page
        .element("input.pma-checkboxes__input:not(:disabled)")
        .await?
        .attr("id")
        .await?
        .ok_or("a tick has an id")?;
    let key = id
        .strip_prefix("tick-")
        .ok_or("a tick's id names its item")?;
    let tick = format!("#{}", id.replace(':', "\\:"));
    let item = format!("[data-item='{key}']");
    let checked = || async {
        let checked = page.element(&tick).await?.prop("checked").await?;
        Ok::<_, Failed>(checked.as_deref() == Some("true"))
    };
    let before = checked().await?;
    set_faults(
        &page,
        fault(
            "PUT",
            "/v1/accounts/fabrikam/checklist",
            json!({ "kind": "status", "status": 500 }),
        ),
    )
    .await?;
    page.element(&tick).await?.click().await?;
    let problem = page
        .wait_text(
            ".pma-problem",
            "Your change could not be saved, so we have undone it.",
        )
        .await?;
    assert!(
        problem.contains("Something went wrong on the service's side"),
        "{problem}"
    );
    assert!(!problem.contains("answers"), "{problem}");
    assert_eq!(checked().await?, before, "undone");

    page.press(".pma-problem", "Try again").await?;
    page.until("the change to be saved", || async {
        let saved = page.text_of(&item).await?.contains("ticked by you") != before;
        (saved && !page.has(".pma-problem").await).then_some(())
    })
    .await?;
    assert_eq!(checked().await?, !before);
    // As it was, for the other tests of this server.
    page.element(&tick).await?.click().await?;
    page.until("the tick to be as it was", || async {
        (page.text_of(&item).await?.contains("ticked by you") == before).then_some(())
    })
    .await
}

pub fn tests(harness: &Harness) -> Vec<Trial> {
    let api = &[Backend::Api];
    [
        harness.on_backends(
            "reliability::a_server_error_on_the_email_check_keeps_the_answer_and_retry_goes_on",
            api,
            a_server_error_on_the_email_check_keeps_the_answer_and_retry_goes_on,
        ),
        harness.on_backends(
            "reliability::an_answer_that_cannot_be_read_says_so_and_retry_loads",
            api,
            an_answer_that_cannot_be_read_says_so_and_retry_loads,
        ),
        harness.on_backends(
            "reliability::an_expired_sign_in_says_to_sign_in_again",
            api,
            an_expired_sign_in_says_to_sign_in_again,
        ),
        harness.on_backends(
            "reliability::going_offline_mid_flow_keeps_the_answers_and_retry_goes_on_once_back",
            api,
            going_offline_mid_flow_keeps_the_answers_and_retry_goes_on_once_back,
        ),
        harness.on_backends(
            "reliability::a_slow_answer_shows_it_is_pending_then_times_out_with_a_retry",
            api,
            a_slow_answer_shows_it_is_pending_then_times_out_with_a_retry,
        ),
        harness.on_backends(
            "reliability::a_tick_that_cannot_be_saved_is_undone_and_retry_saves_it",
            api,
            a_tick_that_cannot_be_saved_is_undone_and_retry_saves_it,
        ),
        harness.on_backends(
            "reliability::a_connection_cut_during_submission_then_retry_migrates_once",
            api,
            a_connection_cut_during_submission_then_retry_migrates_once,
        ),
    ]
    .into_iter()
    .flatten()
    // On the server of fresh data no other test submits Litware's migration on.
    .chain([harness.on_portal(
        "reliability::a_double_click_on_migrate_sends_one_request [api]",
        |page| a_double_click_on_migrate_sends_one_request(page, Backend::Api),
    )])
    .collect()
}
