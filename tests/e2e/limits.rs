//! Too many attempts: the API's rate limit on work email checks is not a fault of the answer.
//! The field says when to try again, the answer is kept, and Continue goes on once the time has
//! passed.

use libtest_mimic::{Failed, Trial};

use assistant_e2e::harness::Harness;
use assistant_e2e::page::Page;

const WORK_EMAIL: &str = "What is your work email address?";
const ENROL: &str = "Join the Microsoft Partner Network";

/// Continue on the work email page, then back to it: one check of the address.
async fn check_and_come_back(page: &Page) -> Result<(), Failed> {
    page.press("main form", "Continue").await?;
    page.wait_heading(ENROL).await?;
    page.browser.back().await?;
    page.wait_heading(WORK_EMAIL).await
}

async fn too_many_attempts_say_when_to_try_again_and_keep_the_answer(
    page: Page,
) -> Result<(), Failed> {
    page.open_work_email("litware").await?;
    page.fill("#work-email", "ops@litware.example").await?;
    // The server takes two checks, then one more each 10 seconds.
    check_and_come_back(&page).await?;
    check_and_come_back(&page).await?;
    page.press("main form", "Continue").await?;
    let said = page
        .wait_text("#work-email-error", "Too many attempts. Wait ")
        .await?;
    assert!(
        said.contains("seconds") || said.contains("second"),
        "{said}"
    );
    page.wait_text(".pma-error-summary", "Too many attempts")
        .await?;
    assert_eq!(page.value("#work-email").await?, "ops@litware.example");
    assert_eq!(page.text_of("main h1").await.as_deref(), Some(WORK_EMAIL));
    assert!(page.browser.title().await?.starts_with("Error: "));

    // Pressed again before the time has passed, it says so again; once passed, it goes on.
    page.until("Continue to go on once the time has passed", || async {
        if page.text_of("main h1").await? == ENROL {
            return Some(());
        }
        page.press("main form", "Continue").await.ok()?;
        None
    })
    .await?;
    page.browser.back().await?;
    page.wait_heading(WORK_EMAIL).await?;
    assert_eq!(page.value("#work-email").await?, "ops@litware.example");
    Ok(())
}

pub fn tests(harness: &Harness) -> Vec<Trial> {
    vec![harness.on_limited_api(
        "limits::too_many_attempts_say_when_to_try_again_and_keep_the_answer [api]",
        too_many_attempts_say_when_to_try_again_and_keep_the_answer,
    )]
}
