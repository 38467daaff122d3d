//! Come back on any device: a signed-in owner's answers are kept by the API. Each test has a
//! server and provider of its own (`--enable-faults`, so the server's clock can be moved on), and
//! some two browsers signed in as the same person, as two devices.

use std::time::Duration;

use fantoccini::Client;
use libtest_mimic::{Failed, Trial};

use assistant_e2e::devtools;
use assistant_e2e::harness::Harness;
use assistant_e2e::page::Page;
use assistant_e2e::sign_in::{
    Behaviour, FABRIKAM_ADMIN, FABRIKAM_GUEST, NORTHWIND_PUBLISHER, SignedInApp,
};

use crate::sign_in::{give_work_email, no_violations, sign_in};

const WORK_EMAIL: &str = "What is your work email address?";
const MPN_ID: &str = "Which MPN ID should Partner Center use?";

fn app(name: &str) -> Result<SignedInApp, Failed> {
    Ok(SignedInApp::start_from_env(
        name,
        Behaviour::default(),
        &["--enable-faults"],
    )?)
}

/// Opens Northwind's work email page on `page` (signed in already) and reads its field.
async fn work_email_on_opening(page: &Page) -> Result<String, Failed> {
    page.open("accounts/northwind/work-email").await?;
    page.wait_heading(WORK_EMAIL).await?;
    page.value("#work-email").await
}

/// Signs in as Northwind's owner on `page` at the work email page, and reads its field.
async fn work_email_once_signed_in(page: &Page) -> Result<String, Failed> {
    sign_in(page, "accounts/northwind/work-email", NORTHWIND_PUBLISHER).await?;
    page.wait_heading(WORK_EMAIL).await?;
    page.value("#work-email").await
}

/// Waits until the API holds the draft sent last from `page`: no change is left unsent there.
async fn sent(page: &Page) -> Result<(), Failed> {
    page.until("the draft to reach the API", || async {
        let unsent = page
            .browser
            .execute(
                "return Object.entries(localStorage).some(([k, v]) => \
                 k.startsWith('pma-progress:') && JSON.parse(v).unsent === true)",
                vec![],
            )
            .await
            .ok()?;
        (unsent == serde_json::Value::Bool(false)).then_some(())
    })
    .await
}

/// A server of its own, and two browsers as two devices of Northwind's owner: on the laptop they
/// signed in and gave an address, which reached the API.
async fn northwind_on_two_devices(
    name: &str,
    laptop: Client,
    desktop: Client,
) -> Result<(SignedInApp, Page, Page), Failed> {
    let app = app(name)?;
    let laptop = Page::new(laptop, app.url.clone());
    let desktop = Page::new(desktop, app.url.clone());
    sign_in(
        &laptop,
        "accounts/northwind/work-email",
        NORTHWIND_PUBLISHER,
    )
    .await?;
    give_work_email(&laptop, "ops@northwind.example").await?;
    sent(&laptop).await?;
    Ok((app, laptop, desktop))
}

async fn answers_typed_on_one_device_appear_on_the_other(
    laptop: Client,
    desktop: Client,
) -> Result<(), Failed> {
    let (_app, _laptop, desktop) = northwind_on_two_devices("two-devices", laptop, desktop).await?;

    assert_eq!(
        work_email_once_signed_in(&desktop).await?,
        "ops@northwind.example",
        "the laptop's answer, on the desktop"
    );
    Ok(())
}

async fn changes_on_both_devices_lead_to_the_question(
    laptop: Client,
    desktop: Client,
) -> Result<(), Failed> {
    let (_app, laptop, desktop) = northwind_on_two_devices("both-changed", laptop, desktop).await?;
    sign_in(
        &desktop,
        "accounts/northwind/work-email",
        NORTHWIND_PUBLISHER,
    )
    .await?;
    desktop.wait_heading(WORK_EMAIL).await?;

    // The laptop changes the answer; then the desktop, which has not seen that change.
    laptop.open("accounts/northwind/work-email").await?;
    give_work_email(&laptop, "it@northwind.example").await?;
    sent(&laptop).await?;
    give_work_email(&desktop, "sales@northwind.example").await?;
    desktop
        .wait_text(
            ".pma-which-answers",
            "You also changed your answers on another device today at",
        )
        .await?;
    no_violations(&desktop).await?;
    desktop
        .press(
            ".pma-which-answers",
            "Use the answers from the other device",
        )
        .await?;
    assert!(!desktop.has(".pma-which-answers").await);
    assert_eq!(
        work_email_on_opening(&desktop).await?,
        "it@northwind.example"
    );

    // Now the desktop changes it, and the laptop, behind, keeps its own.
    give_work_email(&desktop, "finance@northwind.example").await?;
    sent(&desktop).await?;
    laptop.open("accounts/northwind/work-email").await?;
    laptop.wait_heading(WORK_EMAIL).await?;
    assert_eq!(
        laptop.value("#work-email").await?,
        "finance@northwind.example",
        "nothing unsent on the laptop: the desktop's answer is taken on opening"
    );
    laptop
        .fill("#work-email", "legal@northwind.example")
        .await?;
    // Unsent on the laptop while the desktop changes it again.
    desktop.open("accounts/northwind/work-email").await?;
    give_work_email(&desktop, "office@northwind.example").await?;
    sent(&desktop).await?;
    laptop.press("main form", "Continue").await?;
    laptop
        .wait_text(
            ".pma-which-answers",
            "You also changed your answers on another device today at",
        )
        .await?;
    laptop
        .press(".pma-which-answers", "Use the answers on this device")
        .await?;
    sent(&laptop).await?;
    assert_eq!(
        work_email_on_opening(&desktop).await?,
        "legal@northwind.example"
    );
    Ok(())
}

async fn another_owner_of_the_account_sees_none_of_it(
    admin: Client,
    guest: Client,
) -> Result<(), Failed> {
    let app = app("other-owner")?;
    let admin = Page::new(admin, app.url.clone());
    let guest = Page::new(guest, app.url.clone());
    sign_in(&admin, "accounts/fabrikam/work-email", FABRIKAM_ADMIN).await?;
    admin.wait_heading(WORK_EMAIL).await?;
    admin.fill("#work-email", "it@fabrikam.example").await?;
    admin.press("main form", "Continue").await?;
    admin.wait_heading(MPN_ID).await?;
    sent(&admin).await?;
    sign_in(&guest, "accounts/fabrikam/work-email", FABRIKAM_GUEST).await?;
    guest.wait_heading(WORK_EMAIL).await?;
    assert_eq!(
        guest.value("#work-email").await?,
        "",
        "none of the admin's answers"
    );
    Ok(())
}

async fn what_is_typed_offline_reaches_the_api_once_back(
    laptop: Client,
    desktop: Client,
) -> Result<(), Failed> {
    let (_app, laptop, desktop) = northwind_on_two_devices("offline", laptop, desktop).await?;
    devtools::set_offline(&laptop.browser, true).await?;
    // Back to the first question, and typed there: nothing of it can reach the API now.
    laptop.press("main", "Back").await?;
    laptop.wait_heading(WORK_EMAIL).await?;
    laptop.fill("#work-email", "it@northwind.example").await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    devtools::set_offline(&laptop.browser, false).await?;
    sent(&laptop).await?;

    assert_eq!(
        work_email_once_signed_in(&desktop).await?,
        "it@northwind.example",
        "what was typed offline"
    );
    Ok(())
}

async fn a_draft_expires_thirty_days_after_its_last_change(page: Client) -> Result<(), Failed> {
    let app = app("expiry")?;
    let page = Page::new(page, app.url.clone());
    sign_in(&page, "accounts/northwind/work-email", NORTHWIND_PUBLISHER).await?;
    give_work_email(&page, "ops@northwind.example").await?;
    sent(&page).await?;
    let moved = page
        .browser
        .execute_async(
            "const [done] = arguments;
             fetch('/_faults/clock', { method: 'PUT', headers: { 'content-type': 'application/json' },
                                       body: JSON.stringify({ by_ms: 30 * 86400000 }) })
               .then((r) => done(r.status), (e) => done(String(e)));",
            vec![],
        )
        .await?;
    assert_eq!(moved, 204, "the server's clock moves on");
    page.open("accounts/northwind/work-email").await?;
    page.wait_text(
        ".pma-notice",
        "were deleted because you had not changed them for 30",
    )
    .await?;
    assert_eq!(
        page.value("#work-email").await?,
        "",
        "the answers are gone here too"
    );
    Ok(())
}

async fn forgetting_the_answers_removes_them_here_and_on_the_api(
    laptop: Client,
    desktop: Client,
) -> Result<(), Failed> {
    let (_app, laptop, desktop) = northwind_on_two_devices("forget", laptop, desktop).await?;
    laptop.press("main form", "Continue").await?;
    laptop
        .wait_heading("Check your answers before you migrate your account")
        .await?;
    laptop.press("main", "Delete my answers").await?;
    laptop
        .wait_text(
            ".pma-notice",
            "will be deleted from this browser and from your other devices",
        )
        .await?;
    laptop.press(".pma-notice", "Delete my answers").await?;
    laptop.element("li[data-account=northwind]").await?;
    assert_eq!(work_email_on_opening(&laptop).await?, "");
    assert_eq!(
        work_email_once_signed_in(&desktop).await?,
        "",
        "gone from the API too"
    );
    Ok(())
}

/// A send still under way when the owner leaves the page: the app goes on working, and the answer
/// reaches the API.
async fn leaving_the_page_while_a_send_is_under_way(page: Client) -> Result<(), Failed> {
    let app = app("leave")?;
    let page = Page::new(page, app.url.clone());
    sign_in(&page, "accounts/northwind/work-email", NORTHWIND_PUBLISHER).await?;
    page.wait_heading(WORK_EMAIL).await?;
    crate::reliability::set_faults(
        &page,
        serde_json::json!([{ "method": "PUT", "path": "/v1/accounts/northwind/draft", "times": 1,
                             "fault": { "kind": "latency", "ms": 1500 } }]),
    )
    .await?;
    give_work_email(&page, "ops@northwind.example").await?;
    page.press("header", "Partner Center migration assistant")
        .await?;
    page.element("li[data-account=northwind]").await?;
    tokio::time::sleep(Duration::from_millis(2000)).await;
    page.press("li[data-account=northwind]", "Continue migration")
        .await?;
    page.wait_heading(MPN_ID).await?;
    page.press("main", "Back").await?;
    page.wait_heading(WORK_EMAIL).await?;
    assert_eq!(page.value("#work-email").await?, "ops@northwind.example");
    Ok(())
}

pub fn tests(harness: &Harness) -> Vec<Trial> {
    vec![
        harness.trial_with_two_browsers(
            "drafts: answers typed on one device appear on the other",
            |laptop, desktop, _| answers_typed_on_one_device_appear_on_the_other(laptop, desktop),
        ),
        harness.trial_with_two_browsers(
            "drafts: changes on both devices lead to the question",
            |laptop, desktop, _| changes_on_both_devices_lead_to_the_question(laptop, desktop),
        ),
        harness.trial_with_two_browsers(
            "drafts: another owner of the account sees none of it",
            |admin, guest, _| another_owner_of_the_account_sees_none_of_it(admin, guest),
        ),
        harness.trial_with_two_browsers(
            "drafts: what is typed offline reaches the API once back",
            |laptop, desktop, _| what_is_typed_offline_reaches_the_api_once_back(laptop, desktop),
        ),
        harness.trial(
            "drafts: leaving the page while a send is under way",
            |browser, _| leaving_the_page_while_a_send_is_under_way(browser),
        ),
        harness.trial(
            "drafts: a draft expires thirty days after its last change",
            |browser, _| a_draft_expires_thirty_days_after_its_last_change(browser),
        ),
        harness.trial_with_two_browsers(
            "drafts: forgetting the answers removes them here and on the API",
            |laptop, desktop, _| {
                forgetting_the_answers_removes_them_here_and_on_the_api(laptop, desktop)
            },
        ),
    ]
}
