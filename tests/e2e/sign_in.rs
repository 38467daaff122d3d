//! The standalone app signing in at a real OpenID provider that behaves as Microsoft Entra ID's
//! multi-tenant authority (oidc-provider behind a home-realm page, through its own sign-in pages),
//! on the reference server in `oidc` mode: each user's accounts and sign-in kind come from the
//! token; a reload keeps the user signed in; a session that ends leads to the sign-in page with
//! the answers kept; and every way signing in fails has a page of its own, with Sign in.

use std::time::Duration;

use fantoccini::Locator;
use libtest_mimic::{Failed, Trial};

use assistant_e2e::devtools;
use assistant_e2e::harness::{Harness, built_file};
use assistant_e2e::page::Page;
use assistant_e2e::sign_in::{Behaviour, FABRIKAM_ADMIN, NORTHWIND_PUBLISHER, SignedInApp};

use crate::migration::answer_every_question;

pub const START_HEADING: &str = "Partner Center migration assistant";
/// The provider's first page: the address, which names the user's tenant.
pub const PROVIDER_HEADING: &str = "Sign in to the test provider";
/// The user's tenant's page: the password.
const PASSWORD_HEADING: &str = "Enter your password";

/// Signs in on the provider's own pages as `user` (email, password): the address on the common
/// authority's page, then the password on the tenant's, unless the tenant's session lasts.
pub async fn at_the_provider(page: &Page, (email, password): (&str, &str)) -> Result<(), Failed> {
    page.wait_heading(PROVIDER_HEADING).await?;
    page.fill("#login", email).await?;
    let provider = page.browser.current_url().await?.origin();
    page.browser
        .find(Locator::Css("#next"))
        .await?
        .click()
        .await?;
    let asked = match page
        .until("the password page, or the app", || async {
            let here = page.browser.current_url().await.ok()?;
            if here.origin() != provider {
                return Some(false);
            }
            let heading = page.text_of("h1").await?;
            (heading == PASSWORD_HEADING).then_some(true)
        })
        .await
    {
        Ok(asked) => asked,
        Err(why) => {
            let here = page.browser.current_url().await?;
            let main = page.text_of("main").await.unwrap_or_default();
            return Err(format!("{why:?}: at {here}, which says {main:?}").into());
        }
    };
    if asked {
        page.fill("#password", password).await?;
        page.browser
            .find(Locator::Css("#sign-in"))
            .await?
            .click()
            .await?;
    }
    Ok(())
}

/// From the start page at `path`, signs in as `user`.
pub async fn sign_in(page: &Page, path: &str, user: (&str, &str)) -> Result<(), Failed> {
    page.open(path).await?;
    page.wait_heading(START_HEADING).await?;
    page.press("main", "Sign in").await?;
    at_the_provider(page, user).await
}

/// Fails with axe's findings, if it finds anything on the page.
pub async fn no_violations(page: &Page) -> Result<(), Failed> {
    let found =
        assistant_e2e::axe::violations(page, &assistant_e2e::axe::source()?, "document").await?;
    if found.is_empty() {
        Ok(())
    } else {
        Err(format!("axe finds: {found:#?}").into())
    }
}

/// On `page`, on the work email page, gives `email` and goes on to the MPN ID page.
pub async fn give_work_email(page: &Page, email: &str) -> Result<(), Failed> {
    page.wait_heading("What is your work email address?")
        .await?;
    page.fill("#work-email", email).await?;
    page.press("main form", "Continue").await?;
    page.wait_heading("Which MPN ID should Partner Center use?")
        .await
}

/// Waits for the header to say who is signed in.
pub async fn signed_in_as(page: &Page, name: &str) -> Result<(), Failed> {
    page.wait_text(".pma-header__user", &format!("Signed in as {name}"))
        .await
        .map(drop)
}

async fn the_start_page_says_what_the_service_is_for(page: Page) -> Result<(), Failed> {
    page.open("").await?;
    page.wait_heading(START_HEADING).await?;
    let main = page.text_of("main").await.unwrap_or_default();
    assert!(
        main.contains("helps you migrate your publisher account from Cloud Partner Portal"),
        "{main}"
    );
    assert!(main.contains("You will need"), "{main}");
    assert!(!page.has(".pma-header__user").await, "nobody is signed in");
    assert_eq!(
        page.browser.title().await?,
        "Partner Center migration assistant – Account migration"
    );
    page.press("header", "Svenska").await?;
    page.wait_heading("Migreringsassistent för Partnercenter")
        .await?;
    page.wait_text("main button", "Logga in").await?;
    no_violations(&page).await
}

async fn fabrikams_owner_signs_in_and_migrates(page: Page) -> Result<(), Failed> {
    sign_in(&page, "", FABRIKAM_ADMIN).await?;
    signed_in_as(&page, "Fabrikam Admin").await?;
    page.element("li[data-account=fabrikam]").await?;
    assert!(
        !page.has("li[data-account=contoso]").await,
        "only the accounts whose sign-in is the user's"
    );
    assert!(
        !page.has(".pma-demo-marker").await,
        "no demo marker on a real sign-in"
    );
    let address = page.browser.current_url().await?;
    assert!(
        address.query().is_none(),
        "the provider's answer is gone from {address}"
    );
    page.press("li[data-account=fabrikam]", "Start migration")
        .await?;
    answer_every_question(&page, None, None).await?;
    page.press("main", "Migrate account").await?;
    page.wait_heading("Account migrated").await
}

async fn northwinds_sign_in_kind_comes_from_the_token(page: Page) -> Result<(), Failed> {
    sign_in(&page, "accounts/northwind/work-email", NORTHWIND_PUBLISHER).await?;
    signed_in_as(&page, "Northwind Publisher").await?;
    // Back on the screen the sign-in started from.
    page.wait_heading("What is your work email address?")
        .await?;
    assert_eq!(page.path().await?, "/accounts/northwind/work-email");
    page.wait_text(
        ".pma-hint",
        "personal Microsoft account (northwind.publisher@outlook.com)",
    )
    .await?;
    page.fill("#work-email", "ops@adatum.example").await?;
    page.press("main form", "Continue").await?;
    page.wait_text(
        "#work-email-error",
        "Enter an email address at Northwind Traders, where your MPN ID is registered",
    )
    .await
    .map(drop)
}

async fn a_reload_mid_flow_keeps_the_user_signed_in_and_the_answers(
    page: Page,
) -> Result<(), Failed> {
    sign_in(&page, "accounts/northwind/work-email", NORTHWIND_PUBLISHER).await?;
    give_work_email(&page, "ops@northwind.example").await?;
    page.reload().await?;
    // No sign-in page: the provider's session signs the user in again at once.
    page.wait_heading("Which MPN ID should Partner Center use?")
        .await?;
    signed_in_as(&page, "Northwind Publisher").await?;
    page.press("main", "Back").await?;
    page.wait_heading("What is your work email address?")
        .await?;
    assert_eq!(page.value("#work-email").await?, "ops@northwind.example");
    Ok(())
}

/// Signing out ends the session at the provider, leaves none of the person's answers in the
/// browser, and sends no ID token in any address.
async fn signing_out_ends_the_session(page: Page) -> Result<(), Failed> {
    sign_in(&page, "accounts/northwind/work-email", NORTHWIND_PUBLISHER).await?;
    signed_in_as(&page, "Northwind Publisher").await?;
    page.wait_text(
        ".pma-header",
        "Signing out removes your saved answers from this browser.",
    )
    .await?;
    give_work_email(&page, "ops@northwind.example").await?;
    assert!(saved_keys(&page).await? > 0, "the answers are saved");
    page.press("header", "Sign out").await?;
    page.wait_heading(START_HEADING).await?;
    assert!(!page.has(".pma-header__user").await);
    assert_eq!(saved_keys(&page).await?, 0, "no save is left");
    let sent = devtools::requests(&page.browser).await?;
    assert!(
        sent.iter().any(|request| request.url.contains("/logout")),
        "the provider's session is ended: {sent:?}"
    );
    assert!(
        !sent
            .iter()
            .any(|request| request.url.contains("id_token_hint")),
        "no ID token in an address: {sent:?}"
    );
    // The provider's session is over: signing in asks for the password again.
    page.press("main", "Sign in").await?;
    page.wait_heading(PROVIDER_HEADING).await?;
    page.fill("#login", NORTHWIND_PUBLISHER.0).await?;
    page.browser
        .find(Locator::Css("#next"))
        .await?
        .click()
        .await?;
    page.wait_heading(PASSWORD_HEADING).await
}

/// How many saves of progress the browser's local storage holds.
pub async fn saved_keys(page: &Page) -> Result<u64, Failed> {
    let count = page
        .browser
        .execute(
            "return Object.keys(localStorage).filter(k => k.startsWith('pma-progress:')).length",
            vec![],
        )
        .await?;
    count
        .as_u64()
        .ok_or_else(|| format!("a count: {count}").into())
}

async fn cancelling_at_the_provider_says_so(page: Page) -> Result<(), Failed> {
    page.open("").await?;
    page.wait_heading(START_HEADING).await?;
    page.press("main", "Sign in").await?;
    page.wait_heading(PROVIDER_HEADING).await?;
    page.browser
        .find(Locator::Css("#cancel"))
        .await?
        .click()
        .await?;
    page.wait_heading("You cancelled signing in").await?;
    assert!(
        page.browser
            .title()
            .await?
            .starts_with("You cancelled signing in")
    );
    no_violations(&page).await?;
    page.press("main", "Sign in").await?;
    at_the_provider(&page, FABRIKAM_ADMIN).await?;
    signed_in_as(&page, "Fabrikam Admin").await
}

async fn an_answer_this_browser_did_not_ask_for_is_refused(page: Page) -> Result<(), Failed> {
    page.open("?code=stolen-code&state=not-ours").await?;
    page.wait_heading("This sign-in was not started here")
        .await?;
    let address = page.browser.current_url().await?;
    assert!(address.query().is_none(), "the code is gone from {address}");
    page.press("main", "Sign in").await?;
    page.wait_heading(PROVIDER_HEADING).await
}

async fn a_provider_that_cannot_be_reached_gets_a_page(page: Page) -> Result<(), Failed> {
    page.open("accounts/fabrikam/work-email").await?;
    page.wait_heading("We could not reach the sign-in service")
        .await?;
    page.wait_text("main", "Try again later").await?;
    page.press("main", "Try again").await?;
    page.wait_heading("We could not reach the sign-in service")
        .await
}

/// The access token runs out while the provider's session lasts: the app gets a new one on its
/// own, back on the same screen with what was typed. Then the provider loses its sessions: the
/// next call leads to the sign-in page, and signing in again comes back to the answers.
async fn a_session_that_ends_leads_to_the_sign_in_page_with_the_answers_kept(
    page_of: impl Fn(String) -> Page,
) -> Result<(), Failed> {
    // Tokens of 20 seconds, renewed 10 seconds before they run out, one renewal a minute.
    let mut app = SignedInApp::start_from_env(
        "short",
        Behaviour {
            access_token_seconds: Some(20),
            ..Behaviour::default()
        },
        &[],
    )?;
    let page = page_of(app.url.clone());
    sign_in(&page, "accounts/fabrikam/work-email", FABRIKAM_ADMIN).await?;
    page.wait_heading("What is your work email address?")
        .await?;
    tokio::time::sleep(Duration::from_secs(11)).await;
    page.fill("#work-email", "it@fabrikam.example").await?;
    // A mark on this page load: a page loaded anew (back from the provider) has none.
    page.browser
        .execute("window.beforeRenewal = true", vec![])
        .await?;
    page.press("main form", "Continue").await?;
    // Renewed at the provider and back, with the address as typed.
    page.until("a page loaded anew", || async {
        let marked = page
            .browser
            .execute("return window.beforeRenewal === true", vec![])
            .await
            .ok()?;
        (marked == serde_json::Value::Bool(false)).then_some(())
    })
    .await?;
    page.wait_heading("What is your work email address?")
        .await?;
    signed_in_as(&page, "Fabrikam Admin").await?;
    assert_eq!(page.value("#work-email").await?, "it@fabrikam.example");
    page.press("main form", "Continue").await?;
    page.wait_heading("Which MPN ID should Partner Center use?")
        .await?;

    page.press("main form", "Continue").await?;
    page.wait_heading("Check your answers before you migrate your account")
        .await?;

    // The provider loses its sessions, and the renewed token runs out less than a minute after
    // its renewal: the session has ended, and the app says so rather than renewing again.
    app.provider.restart()?;
    tokio::time::sleep(Duration::from_secs(22)).await;
    page.press("main", "Migrate account").await?;
    page.wait_heading("Your sign-in has expired").await?;
    page.wait_text("main", "Your answers are kept").await?;
    page.press("main", "Sign in again").await?;
    at_the_provider(&page, FABRIKAM_ADMIN).await?;
    page.wait_heading("Check your answers before you migrate your account")
        .await?;
    page.wait_text("main", "it@fabrikam.example").await?;
    page.press("main", "Migrate account").await?;
    page.wait_heading("Account migrated").await
}

/// The sign-in's code comes as a chunk of its own: when it cannot be fetched, the problem panel,
/// whose Try again fetches it.
async fn the_sign_ins_code_that_cannot_be_fetched_is_fetched_again(
    page_of: impl Fn(String) -> Page,
) -> Result<(), Failed> {
    let app = SignedInApp::start_from_env("faults", Behaviour::default(), &["--enable-faults"])?;
    let page = page_of(app.url.clone());
    // A file of the app that starts nothing, to set the faults from its origin.
    page.open("widget.js").await?;
    crate::reliability::set_faults(
        &page,
        serde_json::json!([{ "method": "GET", "path": built_file("split_sign_in.wasm")?, "times": 1,
                             "fault": { "kind": "status", "status": 503 } }]),
    )
    .await?;
    page.open("").await?;
    page.wait_text(".pma-problem", "could not be reached")
        .await?;
    page.press(".pma-problem", "Try again").await?;
    page.wait_heading(START_HEADING).await
}

pub fn tests(harness: &Harness) -> Vec<Trial> {
    vec![
        harness.trial(
            "sign-in: the start page says what the service is for",
            |browser, apps| {
                the_start_page_says_what_the_service_is_for(Page::new(browser, apps.signed_in))
            },
        ),
        harness.trial(
            "sign-in: Fabrikam's owner signs in and migrates",
            |browser, apps| {
                fabrikams_owner_signs_in_and_migrates(Page::new(browser, apps.signed_in))
            },
        ),
        harness.trial(
            "sign-in: Northwind's sign-in kind comes from the token",
            |browser, apps| {
                northwinds_sign_in_kind_comes_from_the_token(Page::new(browser, apps.signed_in))
            },
        ),
        harness.trial(
            "sign-in: a reload mid-flow keeps the user signed in and the answers",
            |browser, apps| {
                a_reload_mid_flow_keeps_the_user_signed_in_and_the_answers(Page::new(
                    browser,
                    apps.signed_in,
                ))
            },
        ),
        harness
            .trial_recording_requests("sign-in: signing out ends the session", |browser, apps| {
                signing_out_ends_the_session(Page::new(browser, apps.signed_in))
            }),
        harness.trial(
            "sign-in: cancelling at the provider says so",
            |browser, apps| cancelling_at_the_provider_says_so(Page::new(browser, apps.signed_in)),
        ),
        harness.trial(
            "sign-in: an answer this browser did not ask for is refused",
            |browser, apps| {
                an_answer_this_browser_did_not_ask_for_is_refused(Page::new(
                    browser,
                    apps.signed_in,
                ))
            },
        ),
        harness.trial(
            "sign-in: a provider that cannot be reached gets a page",
            |browser, apps| {
                a_provider_that_cannot_be_reached_gets_a_page(Page::new(
                    browser,
                    apps.provider_unreachable,
                ))
            },
        ),
        harness.trial(
            "sign-in: the sign-in's code that cannot be fetched is fetched again",
            |browser, _| {
                the_sign_ins_code_that_cannot_be_fetched_is_fetched_again(move |url| {
                    Page::new(browser.clone(), url)
                })
            },
        ),
        harness.trial(
            "sign-in: a session that ends leads to the sign-in page with the answers kept",
            |browser, _| {
                a_session_that_ends_leads_to_the_sign_in_page_with_the_answers_kept(move |url| {
                    Page::new(browser.clone(), url)
                })
            },
        ),
    ]
}
