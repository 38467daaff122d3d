//! Saved progress: kept across a reload, refused storage, a save that cannot be read or is too
//! old, and a migrated account's answers forgotten. Each case checks what the person sees, and that
//! nothing they gave is lost or kept longer than it is of use.

use libtest_mimic::{Failed, Trial};
use serde_json::{Value, json};

use assistant_e2e::harness::{Backend, Harness};
use assistant_e2e::page::Page;

/// The storage key of `account`'s saved progress on `backend` (README, "What the browser keeps").
async fn progress_key(page: &Page, backend: Backend, account: &str) -> Result<String, Failed> {
    let key = page
        .browser
        .execute(
            "const [demo, account] = arguments;
             const shelf = demo ? 'demo' : encodeURIComponent(location.origin + '/');
             return 'pma-progress:' + shelf + '/' + encodeURIComponent(account);",
            vec![(backend == Backend::Demo).into(), account.into()],
        )
        .await?;
    Ok(key.as_str().unwrap_or_default().to_owned())
}

async fn stored(page: &Page, key: &str) -> Result<Value, Failed> {
    Ok(page
        .browser
        .execute(
            "return localStorage.getItem(arguments[0]);",
            vec![key.into()],
        )
        .await?)
}

async fn put_in_storage(page: &Page, key: &str, text: &str) -> Result<(), Failed> {
    page.browser
        .execute(
            "localStorage.setItem(arguments[0], arguments[1]);",
            vec![key.into(), text.into()],
        )
        .await?;
    Ok(())
}

const BROKEN_SAVE: &str = "{\"version\":2,\"answers\":";

/// The overview, with `text` put in storage as litware's saved progress; the key it is under.
async fn overview_with_a_litware_save(
    page: &Page,
    backend: Backend,
    text: &str,
) -> Result<String, Failed> {
    page.open_overview().await?;
    let key = progress_key(page, backend, "litware").await?;
    put_in_storage(page, &key, text).await?;
    Ok(key)
}

/// Starts litware's migration from the overview; its first page says the save was discarded.
async fn start_litware_hearing_its_save_was_discarded(page: &Page) -> Result<(), Failed> {
    page.press("li[data-account=litware]", "Start migration")
        .await?;
    page.wait_heading("What is your work email address?")
        .await?;
    page.wait_text(".pma-notice", "so you are starting again")
        .await
        .map(drop)
}

async fn saved_progress_that_cannot_be_read_is_discarded_with_a_notice(
    page: Page,
    backend: Backend,
) -> Result<(), Failed> {
    let key = overview_with_a_litware_save(&page, backend, BROKEN_SAVE).await?;
    page.open_work_email("litware").await?;
    page.wait_text(".pma-notice", "so you are starting again")
        .await?;
    assert_eq!(page.value("#work-email").await?, "admin@litware.example");
    let left = stored(&page, &key).await?;
    assert_ne!(left, BROKEN_SAVE, "the broken save is gone");
    Ok(())
}

async fn an_unreadable_save_is_reported_when_its_account_opens_from_the_overview(
    page: Page,
    backend: Backend,
) -> Result<(), Failed> {
    let key = overview_with_a_litware_save(&page, backend, BROKEN_SAVE).await?;
    page.reload().await?;
    page.element("li[data-account=tailspin]").await?;
    assert_eq!(
        stored(&page, &key).await?,
        BROKEN_SAVE,
        "the overview only looks at a save"
    );
    start_litware_hearing_its_save_was_discarded(&page).await?;
    assert_ne!(stored(&page, &key).await?, BROKEN_SAVE);
    Ok(())
}

async fn a_migrated_accounts_saved_answers_are_forgotten_on_the_overview(
    page: Page,
    backend: Backend,
) -> Result<(), Failed> {
    page.open_overview().await?;
    let key = progress_key(&page, backend, "contoso").await?;
    let save = json!({"version": 2, "saved_at_ms": now_ms(), "idempotency_key": "k", "screen": "",
        "answers": {"work_email": "private@contoso.example"}, "drafts": {"mpn_id": "12345"}});
    put_in_storage(&page, &key, &save.to_string()).await?;
    page.reload().await?;
    page.element("li[data-account=contoso]").await?;
    let left = stored(&page, &key).await?;
    let left: Value = serde_json::from_str(left.as_str().ok_or("no save is left")?)?;
    let kept = json!({"version": 2, "saved_at_ms": left["saved_at_ms"], "idempotency_key": "k",
        "screen": ""});
    assert_eq!(
        left, kept,
        "only the submission's key and the screen are kept"
    );
    Ok(())
}

async fn a_save_older_than_thirty_days_is_dropped_with_a_notice(
    page: Page,
    backend: Backend,
) -> Result<(), Failed> {
    let save = |days_ago: f64| {
        let saved_at = now_ms() - days_ago * 86_400_000.0;
        json!({
            "version": 2,
            "saved_at_ms": saved_at,
            "answers": { "work_email": "kept@litware.example" },
            "screen": "accounts/litware/work-email",
        })
        .to_string()
    };
    // 29 days: kept, and the overview offers to continue.
    let key = overview_with_a_litware_save(&page, backend, &save(29.0)).await?;
    page.reload().await?;
    page.press("li[data-account=litware]", "Continue migration")
        .await?;
    page.wait_heading("What is your work email address?")
        .await?;
    assert_eq!(page.value("#work-email").await?, "kept@litware.example");
    // 31 days: gone, with the same notice as a save that cannot be read.
    put_in_storage(&page, &key, &save(31.0)).await?;
    page.open_overview().await?;
    start_litware_hearing_its_save_was_discarded(&page).await?;
    assert_eq!(page.value("#work-email").await?, "admin@litware.example");
    Ok(())
}

fn now_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

async fn storage_that_refuses_to_save_still_lets_the_owner_finish(
    page: Page,
    _: Backend,
) -> Result<(), Failed> {
    page.open_overview().await?;
    // Private mode or a full quota: every write to storage fails from now on.
    page.browser
        .execute(
            "Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };",
            vec![],
        )
        .await?;
    page.press("li[data-account=litware]", "Start migration")
        .await?;
    page.wait_heading("What is your work email address?")
        .await?;
    page.fill("#work-email", "ops@litware.example").await?;
    page.wait_text(".pma-notice", "Your browser is not saving your answers")
        .await?;
    page.press("main form", "Continue").await?;
    page.wait_heading("Join the Microsoft Partner Network")
        .await?;
    page.fill("#mpn-id", "8765432").await?;
    page.press("main form", "Continue").await?;
    page.wait_heading("Check your answers before you migrate your account")
        .await?;
    page.wait_text("[data-answer=work-email]", "ops@litware.example")
        .await?;
    Ok(())
}

pub fn tests(harness: &Harness) -> Vec<Trial> {
    [
        harness.on_backends(
            "saves::storage_that_refuses_to_save_still_lets_the_owner_finish",
            &[Backend::Demo],
            storage_that_refuses_to_save_still_lets_the_owner_finish,
        ),
        harness.on_both_backends(
            "saves::saved_progress_that_cannot_be_read_is_discarded_with_a_notice",
            saved_progress_that_cannot_be_read_is_discarded_with_a_notice,
        ),
        harness.on_both_backends(
            "saves::an_unreadable_save_is_reported_when_its_account_opens_from_the_overview",
            an_unreadable_save_is_reported_when_its_account_opens_from_the_overview,
        ),
        harness.on_both_backends(
            "saves::a_migrated_accounts_saved_answers_are_forgotten_on_the_overview",
            a_migrated_accounts_saved_answers_are_forgotten_on_the_overview,
        ),
        harness.on_both_backends(
            "saves::a_save_older_than_thirty_days_is_dropped_with_a_notice",
            a_save_older_than_thirty_days_is_dropped_with_a_notice,
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}
