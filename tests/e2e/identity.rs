//! Every publisher signs in as themselves, through the provider's own pages at its multi-tenant
//! authority: a user is an identity, never an address. An impostor with someone's unverified
//! address sees no account and is told why; a personal Microsoft account that is a guest in a
//! work tenant is a Microsoft account; a renamed user keeps their accounts; a second person on
//! the same browser sees none of the first's answers; a sign-out holds without the provider's
//! end-session endpoint; renewals never loop; and every failure page offers to sign in.

use std::time::Duration;

use libtest_mimic::{Failed, Trial};

use assistant_e2e::harness::Harness;
use assistant_e2e::page::Page;
use assistant_e2e::sign_in::{
    ADATUM_LEAD, ADATUM_LEAD_RENAMED, Behaviour, FABRIKAM_ADMIN, FABRIKAM_GUEST, IMPOSTOR,
    SignedInApp,
};

use crate::sign_in::{
    PROVIDER_HEADING, START_HEADING, at_the_provider, no_violations, saved_keys, sign_in,
    signed_in_as,
};

async fn the_impostor_sees_no_account_and_why(page: Page) -> Result<(), Failed> {
    sign_in(&page, "", IMPOSTOR).await?;
    signed_in_as(&page, "Mallory").await?;
    page.wait_text(
        "[data-no-accounts]",
        "We cannot show accounts for admin@fabrikam.example because your sign-in does not confirm",
    )
    .await?;
    page.wait_text(
        "main",
        "Sign out, then sign in with the work account or Microsoft account you sign in to Cloud Partner Portal with.",
    )
    .await?;
    assert!(
        !page.has("li[data-account]").await,
        "no account for an unverified address"
    );
    no_violations(&page).await?;
    page.press("header", "Svenska").await?;
    page.wait_text(
        "[data-no-accounts]",
        "Vi kan inte visa konton för admin@fabrikam.example eftersom din inloggning inte bekräftar",
    )
    .await
    .map(drop)
}

/// On a server of its own: the shared one's Fabrikam may be migrated by another test.
async fn a_guest_with_a_personal_account_signs_in_as_a_microsoft_account(
    page_of: impl Fn(String) -> Page,
) -> Result<(), Failed> {
    let app = SignedInApp::start_from_env("guest", Behaviour::default(), &[])?;
    let page = page_of(app.url.clone());
    sign_in(&page, "accounts/fabrikam/work-email", FABRIKAM_GUEST).await?;
    signed_in_as(&page, "Fabrikam Contractor").await?;
    page.wait_heading("What is your work email address?")
        .await?;
    page.wait_text(
        ".pma-hint",
        "personal Microsoft account (fabrikam.contractor@outlook.com)",
    )
    .await?;
    assert_eq!(
        page.value("#work-email").await?,
        "",
        "a Microsoft account's address is never the work email"
    );
    Ok(())
}

async fn a_renamed_user_keeps_their_accounts(page: Page) -> Result<(), Failed> {
    sign_in(&page, "", ADATUM_LEAD).await?;
    signed_in_as(&page, "Adatum Lead").await?;
    page.element("li[data-account=adatum]").await?;
    page.press("header", "Sign out").await?;
    page.wait_heading(START_HEADING).await?;
    // Their address has changed since: no invitation names the new one, yet they are the same
    // person.
    page.press("main", "Sign in").await?;
    at_the_provider(&page, ADATUM_LEAD_RENAMED).await?;
    signed_in_as(&page, "Adatum Lead").await?;
    page.element("li[data-account=adatum]").await?;
    Ok(())
}

/// The first person leaves without signing out; the next one, on the same browser, sees none of
/// their answers, and their submission does not count as the next one's.
async fn a_second_person_on_the_same_browser_sees_none_of_the_firsts_answers(
    page_of: impl Fn(String) -> Page,
) -> Result<(), Failed> {
    let app = SignedInApp::start_from_env("two-people", Behaviour::default(), &[])?;
    let page = page_of(app.url.clone());
    sign_in(&page, "accounts/fabrikam/work-email", FABRIKAM_ADMIN).await?;
    page.wait_heading("What is your work email address?")
        .await?;
    page.fill("#work-email", "it@fabrikam.example").await?;
    page.press("main form", "Continue").await?;
    page.wait_heading("Which MPN ID should Partner Center use?")
        .await?;
    assert!(
        saved_keys(&page).await? > 0,
        "the first person's answers are saved"
    );

    // The provider's session ends elsewhere; the browser keeps what the first person left.
    page.browser
        .goto(&format!(
            "{}/oauth2/v2.0/logout",
            app.provider.authority().trim_end_matches("/v2.0")
        ))
        .await?;
    page.wait_heading("Signed out").await?;
    page.open("").await?;
    page.wait_heading(START_HEADING).await?;
    assert!(
        saved_keys(&page).await? > 0,
        "the first person's saves are still here"
    );
    page.press("main", "Sign in").await?;
    at_the_provider(&page, FABRIKAM_GUEST).await?;
    signed_in_as(&page, "Fabrikam Contractor").await?;
    // Not "Continue migration": the first person's place in the journey is not theirs.
    page.wait_text("li[data-account=fabrikam]", "Start migration")
        .await?;
    page.press("li[data-account=fabrikam]", "Start migration")
        .await?;
    page.wait_heading("What is your work email address?")
        .await?;
    assert_eq!(
        page.value("#work-email").await?,
        "",
        "none of the first's answers"
    );
    Ok(())
}

/// A provider without an end-session endpoint (as Google's): signing out holds across a reload,
/// and nothing signs the person back in until they press Sign in.
async fn a_sign_out_without_an_end_session_endpoint_holds(
    page_of: impl Fn(String) -> Page,
) -> Result<(), Failed> {
    let app = SignedInApp::start_from_env(
        "no-end-session",
        Behaviour {
            no_end_session: true,
            ..Behaviour::default()
        },
        &[],
    )?;
    let page = page_of(app.url.clone());
    sign_in(&page, "", FABRIKAM_ADMIN).await?;
    signed_in_as(&page, "Fabrikam Admin").await?;
    page.press("header", "Sign out").await?;
    page.wait_heading(START_HEADING).await?;
    for _ in 0..2 {
        page.reload().await?;
        page.wait_heading(START_HEADING).await?;
        tokio::time::sleep(Duration::from_secs(2)).await;
        page.wait_heading(START_HEADING).await?;
        assert!(!page.has(".pma-header__user").await, "still signed out");
    }
    // Sign in: the provider's page, whose session still lasts.
    page.press("main", "Sign in").await?;
    at_the_provider(&page, FABRIKAM_ADMIN).await?;
    signed_in_as(&page, "Fabrikam Admin").await
}

/// Tokens that last 5 seconds, less than the 10 seconds before their end at which the app renews
/// them: the app renews once, then uses the token while it lasts, rather than going to the
/// provider and back without end.
async fn a_short_token_is_not_renewed_in_a_loop(
    page_of: impl Fn(String) -> Page,
) -> Result<(), Failed> {
    let app = SignedInApp::start_from_env(
        "loop",
        Behaviour {
            access_token_seconds: Some(5),
            ..Behaviour::default()
        },
        &[],
    )?;
    let page = page_of(app.url.clone());
    sign_in(&page, "", FABRIKAM_ADMIN).await?;
    page.element("li[data-account=fabrikam]").await?;
    page.browser
        .execute("window.stillHere = true", vec![])
        .await?;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let still_here = page
        .browser
        .execute("return window.stillHere === true", vec![])
        .await?;
    assert_eq!(
        still_here,
        serde_json::Value::Bool(true),
        "the page went to the provider again"
    );
    page.element("li[data-account=fabrikam]").await.map(drop)
}

/// A silent sign-in answered with an error the app does not know: the page says it could not sign
/// the person in, and offers the provider's own sign-in page, not only another silent try.
async fn an_unknown_error_offers_to_sign_in(page: Page) -> Result<(), Failed> {
    page.open("").await?;
    page.wait_heading(START_HEADING).await?;
    page.browser
        .execute(
            "sessionStorage.setItem('pma-sign-in', JSON.stringify({state: 'ours', nonce: 'n', \
             verifier: 'v', return_to: '/', silent: true, renewal: true}))",
            vec![],
        )
        .await?;
    page.open("?error=unsupported_prompt&state=ours").await?;
    page.wait_heading("We could not sign you in").await?;
    page.wait_text("main", "Try again").await?;
    no_violations(&page).await?;
    page.press("main", "Sign in").await?;
    page.wait_heading(PROVIDER_HEADING).await
}

pub fn tests(harness: &Harness) -> Vec<Trial> {
    vec![
        harness.trial(
            "identity: the impostor sees no account, and why",
            |browser, apps| {
                the_impostor_sees_no_account_and_why(Page::new(browser, apps.signed_in))
            },
        ),
        harness.trial(
            "identity: a guest with a personal account signs in as a Microsoft account",
            |browser, _| {
                a_guest_with_a_personal_account_signs_in_as_a_microsoft_account(move |url| {
                    Page::new(browser.clone(), url)
                })
            },
        ),
        harness.trial(
            "identity: a renamed user keeps their accounts",
            |browser, apps| a_renamed_user_keeps_their_accounts(Page::new(browser, apps.signed_in)),
        ),
        harness.trial(
            "identity: a second person on the same browser sees none of the first's answers",
            |browser, _| {
                a_second_person_on_the_same_browser_sees_none_of_the_firsts_answers(move |url| {
                    Page::new(browser.clone(), url)
                })
            },
        ),
        harness.trial(
            "identity: a sign-out without an end-session endpoint holds",
            |browser, _| {
                a_sign_out_without_an_end_session_endpoint_holds(move |url| {
                    Page::new(browser.clone(), url)
                })
            },
        ),
        harness.trial(
            "identity: a short token is not renewed in a loop",
            |browser, _| {
                a_short_token_is_not_renewed_in_a_loop(move |url| Page::new(browser.clone(), url))
            },
        ),
        harness.trial(
            "identity: an unknown error offers to sign in",
            |browser, apps| an_unknown_error_offers_to_sign_in(Page::new(browser, apps.signed_in)),
        ),
    ]
}
