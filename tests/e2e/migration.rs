//! The migration, one fixture of the specification at a time, on both backends: what a person
//! sees on each page, and that nothing they typed is lost.

use libtest_mimic::{Failed, Trial};

use assistant_e2e::harness::{Backend, Harness};
use assistant_e2e::page::Page;

/// The card of an account on the overview.
fn card(id: &str) -> String {
    format!("li[data-account='{id}']")
}

/// Presses Continue on a question page.
async fn continue_on(page: &Page) -> Result<(), Failed> {
    page.press("main form", "Continue").await
}

/// From the work email page to the check answers page: `work_email` replaces the pre-filled
/// address if given; `new_mpn_id` is entered on the enrolment page, else the ID on file is kept.
pub async fn answer_every_question(
    page: &Page,
    work_email: Option<&str>,
    new_mpn_id: Option<&str>,
) -> Result<(), Failed> {
    page.wait_heading("What is your work email address?")
        .await?;
    if let Some(work_email) = work_email {
        page.fill("#work-email", work_email).await?;
    }
    continue_on(page).await?;
    match new_mpn_id {
        Some(id) => {
            page.wait_heading("Join the Microsoft Partner Network")
                .await?;
            page.fill("#mpn-id", id).await?;
        }
        None => {
            page.wait_heading("Which MPN ID should Partner Center use?")
                .await?
        }
    }
    continue_on(page).await?;
    page.wait_heading("Check your answers before you migrate your account")
        .await
}

/// From the check answers page to the confirmation.
async fn migrate(page: &Page) -> Result<(), Failed> {
    page.wait_heading("Check your answers before you migrate your account")
        .await?;
    page.press("main", "Migrate account").await?;
    page.wait_heading("Account migrated").await?;
    let reference = page.element("[data-reference]").await?.text().await?;
    assert!(
        !reference.trim().is_empty(),
        "the confirmation shows a reference"
    );
    Ok(())
}

async fn contoso_sees_that_its_account_was_migrated(
    page: Page,
    backend: Backend,
) -> Result<(), Failed> {
    page.open("").await?;
    let card = page.wait_text(&card("contoso"), "Migrated").await?;
    assert!(card.contains("managed in Partner Center"), "{card}");
    assert!(
        card.contains("synchronised back to Cloud Partner Portal"),
        "{card}"
    );
    assert!(
        card.contains("Manage Contoso Ltd in Partner Center"),
        "{card}"
    );
    assert!(!card.contains("Start migration"), "{card}");
    if backend == Backend::Api {
        page.screenshot("overview").await?;
    }

    // In Swedish: the account is migrated, and the banner says how many must be.
    page.press("header", "Svenska").await?;
    let in_swedish = page.wait_text(&self::card("contoso"), "Migrerat").await?;
    assert!(
        in_swedish.contains("Hantera Contoso Ltd i Partnercenter"),
        "{in_swedish}"
    );
    page.wait_text("[data-must-migrate]", "måste migreras till Partnercenter")
        .await?;
    if backend == Backend::Api {
        page.screenshot("overview-sv").await?;
    }
    page.press("header", "English").await?;
    Ok(())
}

async fn fabrikam_migrates_from_the_banner_to_the_confirmation(
    page: Page,
    backend: Backend,
) -> Result<(), Failed> {
    page.open("").await?;
    // One banner for the page, not one a card: how many accounts wait, and the offers' deadline.
    let banner = page
        .wait_text("[data-must-migrate]", "must be migrated to Partner Center")
        .await?;
    assert!(
        banner.to_lowercase().contains("important"),
        "the banner says so in words: {banner}"
    );
    assert!(banner.contains("15 October 2019"), "{banner}");
    if backend == Backend::Demo {
        // The demo's data is the browser's own: Fabrikam, Northwind, Adatum and Litware wait;
        // Contoso is migrated and Tailspin's viewer is no owner.
        assert!(
            banner.contains("4 of your 6 accounts must be migrated"),
            "{banner}"
        );
    }
    assert_eq!(page.count(".pma-banner").await?, 1, "one banner a page");
    // Each waiting card's one action, in the same place on every card.
    let action = page
        .wait_text(
            &format!("{} [data-action]", card("fabrikam")),
            "Start migration",
        )
        .await?;
    assert!(action.contains("Start migration"), "{action}");
    page.press(&card("fabrikam"), "Start migration").await?;

    page.wait_heading("What is your work email address?")
        .await?;
    assert_eq!(page.path().await?, "/accounts/fabrikam/work-email");
    assert_eq!(
        page.browser.title().await?,
        "Work email – Account migration"
    );
    assert_eq!(
        page.value("#work-email").await?,
        "admin@fabrikam.example",
        "pre-filled with the sign-in address"
    );
    if backend == Backend::Api {
        page.screenshot("work-email").await?;
    }
    continue_on(&page).await?;

    page.wait_heading("Which MPN ID should Partner Center use?")
        .await?;
    assert!(
        page.heading_has_focus().await?,
        "focus moves to the new page's heading"
    );
    let keep = page.element("#mpn-choice").await?;
    assert_eq!(
        keep.prop("checked").await?.as_deref(),
        Some("true"),
        "the ID on file is chosen"
    );
    page.wait_text("label[for=mpn-choice]", "2345678").await?;
    page.wait_text("label[for=mpn-choice]", "Fabrikam").await?;
    continue_on(&page).await?;

    page.wait_heading("Check your answers before you migrate your account")
        .await?;
    page.wait_text("[data-answer=work-email]", "admin@fabrikam.example")
        .await?;
    page.wait_text("[data-answer=mpn-id]", "2345678").await?;
    if backend == Backend::Api {
        page.screenshot("check-answers").await?;
    }
    migrate(&page).await?;
    page.wait_text("main", "You now manage Fabrikam Inc in Partner Center")
        .await?;
    page.wait_text("main", "Open the offers checklist").await?;
    if backend == Backend::Api {
        page.screenshot("confirmation").await?;
    }

    // Back on the overview, the account is migrated and there is nothing to start.
    page.open("").await?;
    let card = page.wait_text(&card("fabrikam"), "Migrated").await?;
    assert!(!card.contains("Start migration"), "{card}");
    Ok(())
}

async fn northwind_is_told_the_tenant_its_work_email_must_belong_to(
    page: Page,
    backend: Backend,
) -> Result<(), Failed> {
    page.open_work_email("northwind").await?;
    page.wait_text(
        ".pma-hint",
        "personal Microsoft account (northwind.publisher@outlook.com)",
    )
    .await?;
    page.wait_text(".pma-hint", "Northwind Traders").await?;
    assert_eq!(
        page.value("#work-email").await?,
        "",
        "a Microsoft account is not pre-filled"
    );

    page.fill("#work-email", "ops@adatum.example").await?;
    continue_on(&page).await?;
    let message = "Enter an email address at Northwind Traders, where your MPN ID is registered";
    page.wait_text(".pma-error-summary", message).await?;
    page.wait_text("#work-email-error", message).await?;
    assert!(page.browser.title().await?.starts_with("Error: "));
    let invalid = page
        .element("#work-email")
        .await?
        .attr("aria-invalid")
        .await?;
    assert_eq!(invalid.as_deref(), Some("true"));
    page.until("focus on the error summary", || async {
        (page.focused().await.ok()? == "pma-error-summary").then_some(())
    })
    .await?;
    if backend == Backend::Api {
        page.screenshot("tenant-mismatch").await?;
    }

    // In Swedish: the same page, the same answer, the error in Swedish naming the tenant.
    page.press("header", "Svenska").await?;
    page.wait_heading("Vilken e-postadress har du på jobbet?")
        .await?;
    page.wait_text(
        "#work-email-error",
        "Ange en e-postadress som hör till Northwind Traders, där ditt MPN-ID är registrerat",
    )
    .await?;
    assert_eq!(page.value("#work-email").await?, "ops@adatum.example");
    assert!(page.browser.title().await?.starts_with("Fel: "));
    page.press("header", "English").await?;
    page.wait_heading("What is your work email address?")
        .await?;

    // Corrected, the message goes as soon as the address is right; Continue goes on.
    page.fill("#work-email", "ops@northwind.example").await?;
    page.until("the error to clear", || async {
        (!page.has("#work-email-error").await).then_some(())
    })
    .await?;
    continue_on(&page).await?;
    page.wait_heading("Which MPN ID should Partner Center use?")
        .await?;
    page.wait_text("label[for=mpn-choice]", "3456789").await?;
    Ok(())
}

async fn adatum_enrols_comes_back_after_a_reload_and_finishes(
    page: Page,
    backend: Backend,
) -> Result<(), Failed> {
    page.open("").await?;
    page.press(&card("adatum"), "Start migration").await?;
    page.wait_heading("What is your work email address?")
        .await?;
    assert_eq!(page.value("#work-email").await?, "lead@adatum.example");
    continue_on(&page).await?;

    page.wait_heading("Join the Microsoft Partner Network")
        .await?;
    page.wait_text("main", "Your account has no MPN ID.")
        .await?;
    let signup = page.element("main ol a").await?;
    assert_eq!(
        signup.attr("target").await?.as_deref(),
        Some("_blank"),
        "enrolment opens in a new tab"
    );
    assert!(
        signup
            .text()
            .await?
            .contains("Join the Microsoft Partner Network")
    );
    if backend == Backend::Api {
        page.screenshot("enrol").await?;
    }
    page.fill("#mpn-id", "45678").await?;

    // Away to enrol, and back: the page and what was typed are still there.
    page.reload().await?;
    page.wait_heading("Join the Microsoft Partner Network")
        .await?;
    assert_eq!(
        page.value("#mpn-id").await?,
        "45678",
        "the draft survives a reload"
    );
    continue_on(&page).await?;
    page.wait_text(
        "#mpn-id-error",
        "You entered 5 digits. Check your MPN ID and enter 6 to 8 digits.",
    )
    .await?;

    page.fill("#mpn-id", "4567890").await?;
    continue_on(&page).await?;
    page.wait_heading("Check your answers before you migrate your account")
        .await?;
    page.wait_text("[data-answer=mpn-id]", "4567890 (Adatum)")
        .await?;
    page.press("main", "Migrate account").await?;
    page.wait_heading("Migrating your account").await?;
    assert_eq!(page.path().await?, "/accounts/adatum/migration");
    // A reload while Partner Center works: polling resumes and the confirmation follows.
    page.reload().await?;
    page.wait_heading("Account migrated").await?;
    assert_eq!(page.path().await?, "/accounts/adatum/confirmation");
    Ok(())
}

async fn litware_is_told_its_mpn_id_was_not_found(page: Page, _: Backend) -> Result<(), Failed> {
    page.open_work_email("litware").await?;
    continue_on(&page).await?;
    page.wait_heading("Join the Microsoft Partner Network")
        .await?;
    page.wait_text(
        "main",
        "The MPN ID on your account, 7654321, was not found in the Microsoft Partner Network.",
    )
    .await?;
    // An inactive ID is refused with what to do.
    page.fill("#mpn-id", "1111111").await?;
    continue_on(&page).await?;
    page.wait_text(
        ".pma-error-summary",
        "is not active in the Microsoft Partner Network",
    )
    .await?;
    Ok(())
}

async fn an_mpn_id_of_another_tenant_sends_the_owner_back_to_the_work_email(
    page: Page,
    _: Backend,
) -> Result<(), Failed> {
    page.open_work_email("litware").await?;
    continue_on(&page).await?;
    page.wait_heading("Join the Microsoft Partner Network")
        .await?;
    // 4567890 is registered in Adatum's tenant: admin@litware.example is not of it.
    page.fill("#mpn-id", "4567890").await?;
    continue_on(&page).await?;
    page.wait_heading("What is your work email address?")
        .await?;
    page.wait_text(
        ".pma-error-summary",
        "Enter an email address at Adatum, where your MPN ID is registered",
    )
    .await?;
    assert_eq!(page.value("#work-email").await?, "admin@litware.example");

    page.browser.back().await?;
    page.wait_heading("Join the Microsoft Partner Network")
        .await?;
    page.fill("#mpn-id", "8765432").await?;
    continue_on(&page).await?;
    page.wait_heading("Check your answers before you migrate your account")
        .await?;
    page.wait_text("[data-answer=mpn-id]", "8765432 (Litware)")
        .await?;
    Ok(())
}

async fn tailspin_cannot_start_a_migration(page: Page, _: Backend) -> Result<(), Failed> {
    page.open("").await?;
    let card = page
        .wait_text(
            &card("tailspin"),
            "Only a user with the Owner role can migrate Tailspin Toys",
        )
        .await?;
    assert!(!card.contains("Start migration"), "{card}");
    // Not even by typing the address of a question.
    page.open_on(
        "accounts/tailspin/work-email",
        "Migrate your account to Partner Center",
    )
    .await?;
    assert_eq!(page.path().await?, "/");
    Ok(())
}

async fn back_and_forward_move_between_questions(page: Page, _: Backend) -> Result<(), Failed> {
    page.open_work_email("northwind").await?;
    page.fill("#work-email", "ops@northwind.example").await?;
    continue_on(&page).await?;
    page.wait_heading("Which MPN ID should Partner Center use?")
        .await?;
    page.browser.back().await?;
    page.wait_heading("What is your work email address?")
        .await?;
    assert_eq!(page.value("#work-email").await?, "ops@northwind.example");
    page.browser.forward().await?;
    page.wait_heading("Which MPN ID should Partner Center use?")
        .await?;
    Ok(())
}

pub fn tests(harness: &Harness) -> Vec<Trial> {
    [
        harness.on_both_backends(
            "migration::contoso_sees_that_its_account_was_migrated",
            contoso_sees_that_its_account_was_migrated,
        ),
        harness.on_both_backends(
            "migration::fabrikam_migrates_from_the_banner_to_the_confirmation",
            fabrikam_migrates_from_the_banner_to_the_confirmation,
        ),
        harness.on_both_backends(
            "migration::northwind_is_told_the_tenant_its_work_email_must_belong_to",
            northwind_is_told_the_tenant_its_work_email_must_belong_to,
        ),
        harness.on_both_backends(
            "migration::adatum_enrols_comes_back_after_a_reload_and_finishes",
            adatum_enrols_comes_back_after_a_reload_and_finishes,
        ),
        harness.on_both_backends(
            "migration::litware_is_told_its_mpn_id_was_not_found",
            litware_is_told_its_mpn_id_was_not_found,
        ),
        harness.on_both_backends(
            "migration::an_mpn_id_of_another_tenant_sends_the_owner_back_to_the_work_email",
            an_mpn_id_of_another_tenant_sends_the_owner_back_to_the_work_email,
        ),
        harness.on_both_backends(
            "migration::tailspin_cannot_start_a_migration",
            tailspin_cannot_start_a_migration,
        ),
        harness.on_both_backends(
            "migration::back_and_forward_move_between_questions",
            back_and_forward_move_between_questions,
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}
