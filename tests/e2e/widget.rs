//! The assistant as a widget in a host page (`examples/portal.html`, served under a strict CSP):
//! it works there, tells the host what happens, and neither page's styles reach the other.

use libtest_mimic::{Failed, Trial};
use serde_json::json;

use assistant_e2e::axe;
use assistant_e2e::harness::Harness;
use assistant_e2e::page::Page;
use assistant_e2e::widget::{
    computed, events_of, fill_in_widget, in_widget, portal, press_in_widget, saved_progress,
    wait_widget_heading, widget_text, widget_value,
};

const PORTAL: &str = "examples/portal.html";

/// Whether the widget in `host` shows it runs on demo data.
async fn on_demo_data(page: &Page, host: &str) -> bool {
    widget_text(page, host, ".pma-demo-marker").await.is_some()
}

async fn the_widget_migrates_fabrikam_and_tells_the_host_without_touching_its_address(
    page: Page,
) -> Result<(), Failed> {
    page.open(PORTAL).await?;
    wait_widget_heading(&page, "first", "Migrate your account to Partner Center").await?;
    let address = page.browser.current_url().await?;
    let history = computed(&page, "return history.length;").await?;

    press_in_widget(&page, "first", "Start migration").await?;
    wait_widget_heading(&page, "first", "What is your work email address?").await?;
    press_in_widget(&page, "first", "Continue").await?;
    wait_widget_heading(&page, "first", "Which MPN ID should Partner Center use?").await?;
    press_in_widget(&page, "first", "Continue").await?;
    wait_widget_heading(
        &page,
        "first",
        "Check your answers before you migrate your account",
    )
    .await?;
    press_in_widget(&page, "first", "Migrate account").await?;
    wait_widget_heading(&page, "first", "Account migrated").await?;
    page.screenshot("widget").await?;

    assert_eq!(
        page.browser.current_url().await?,
        address,
        "the host's address never changes"
    );
    assert_eq!(
        computed(&page, "return history.length;").await?,
        history,
        "nor its history"
    );
    assert_eq!(
        page.browser.title().await?,
        "Contoso Partner Portal",
        "nor its title"
    );

    page.until("the flow-completed event's screen", || async {
        events_of(&page, "first")
            .await
            .ok()?
            .contains(&"step-started confirmation".to_owned())
            .then_some(())
    })
    .await?;
    assert_eq!(
        events_of(&page, "first").await?,
        [
            "step-started overview",
            "step-started work-email",
            "step-completed work-email",
            "step-started mpn-id",
            "step-completed mpn-id",
            "step-started check-answers",
            "migration-submitted",
            "step-started migration",
            "flow-completed",
            "step-started confirmation",
        ],
        "the host hears each step, in order"
    );
    let events = portal(&page, "events").await?;
    let submitted = events
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["type"] == "migration-submitted")
        .unwrap();
    assert_eq!(submitted["account"], "fabrikam");
    assert!(
        submitted["reference"]
            .as_str()
            .is_some_and(|r| r.starts_with("MIG-")),
        "{submitted}"
    );

    let token_calls = portal(&page, "tokenCalls")
        .await?
        .as_u64()
        .unwrap_or_default();
    assert!(
        token_calls >= 6,
        "getToken is asked before each request ({token_calls})"
    );
    assert_eq!(
        portal(&page, "violations").await?,
        json!([]),
        "no CSP violation"
    );
    assert_eq!(portal(&page, "errors").await?, json!([]), "no script error");
    Ok(())
}

/// The API refuses the host's token (401): the widget says to sign in again, and its Try again
/// asks the host's `getToken` again, so a host that has signed its user in again goes on.
async fn an_expired_sign_in_asks_the_host_for_a_token_again(page: Page) -> Result<(), Failed> {
    page.open(PORTAL).await?;
    wait_widget_heading(&page, "first", "Migrate your account to Partner Center").await?;
    // An account no other widget test changes (another one migrates fabrikam).
    computed(
        &page,
        "document.getElementById('first').setAttribute('account', 'northwind');",
    )
    .await?;
    page.until("northwind in the widget", || async {
        widget_text(&page, "first", "li[data-account=northwind]").await
    })
    .await?;
    computed(&page, "window.portal.signInExpired = true;").await?;
    press_in_widget(&page, "first", "Start migration").await?;
    page.until("the widget to say the sign-in expired", || async {
        let problem = widget_text(&page, "first", ".pma-problem").await?;
        problem
            .contains("Your sign-in has expired. Sign in again")
            .then_some(())
    })
    .await?;
    assert!(
        events_of(&page, "first")
            .await?
            .contains(&"flow-error".to_owned()),
        "the host hears of it"
    );

    // The host signs its user in again; the widget's Try again asks it for the new token.
    computed(&page, "window.portal.signInExpired = false;").await?;
    let asked_before = portal(&page, "tokenCalls").await?.as_u64().unwrap_or(0);
    press_in_widget(&page, "first", "Try again").await?;
    wait_widget_heading(&page, "first", "What is your work email address?").await?;
    let asked_after = portal(&page, "tokenCalls").await?.as_u64().unwrap_or(0);
    assert!(
        asked_after > asked_before,
        "getToken is asked again ({asked_before} → {asked_after})"
    );
    Ok(())
}

async fn the_host_and_the_widget_keep_their_own_styles(page: Page) -> Result<(), Failed> {
    page.open(PORTAL).await?;
    wait_widget_heading(&page, "first", "Migrate your account to Partner Center").await?;
    wait_widget_heading(&page, "second", "Migrera ditt konto till Partnercenter").await?;

    // The host's aggressive styles do not reach the widget's content.
    let widget = in_widget(
        &page,
        "first",
        "const style = getComputedStyle(root.querySelector('h1'));
         const body = getComputedStyle(root.querySelector('.pma-body-l'));
         return [style.fontSize, style.fontFamily, style.color, body.letterSpacing, body.fontSize];",
        vec![],
    )
    .await?;
    assert_eq!(widget[0], "32px", "{widget}");
    assert_ne!(widget[1], "serif", "{widget}");
    assert_eq!(widget[2], "rgb(11, 12, 12)", "{widget}");
    assert_eq!(widget[3], "normal", "{widget}");
    assert_eq!(widget[4], "24px", "{widget}");

    // The widget's styles do not reach the host.
    let host = computed(
        &page,
        "const p = getComputedStyle(document.querySelector('.portal-intro'));
         const h1 = getComputedStyle(document.querySelector('h1'));
         return [p.fontSize, p.fontFamily, p.letterSpacing, h1.color, h1.textTransform,
                 getComputedStyle(document.body).backgroundColor];",
    )
    .await?;
    assert_eq!(
        host,
        json!([
            "30px",
            "serif",
            "3px",
            "rgb(128, 0, 128)",
            "uppercase",
            "rgb(253, 246, 227)"
        ])
    );

    // The host themes its second widget through mount()'s `theme`.
    let themed = in_widget(
        &page,
        "second",
        "return getComputedStyle(root.querySelector('.pma-widget__bar')).borderBottomColor;",
        vec![],
    )
    .await?;
    assert_eq!(themed, "rgb(111, 45, 168)");
    assert_eq!(
        portal(&page, "violations").await?,
        json!([]),
        "no CSP violation"
    );
    Ok(())
}

async fn changing_the_elements_attributes_changes_account_and_language(
    page: Page,
) -> Result<(), Failed> {
    page.open(PORTAL).await?;
    wait_widget_heading(&page, "first", "Migrate your account to Partner Center").await?;
    page.until("Fabrikam only", || async {
        widget_text(&page, "first", ".pma-account-list")
            .await?
            .contains("Fabrikam Inc")
            .then_some(())
    })
    .await?;
    computed(
        &page,
        "document.getElementById('first').setAttribute('lang', 'sv');",
    )
    .await?;
    wait_widget_heading(&page, "first", "Migrera ditt konto till Partnercenter").await?;
    let lang = in_widget(
        &page,
        "first",
        "return root.querySelector('.pma-root').getAttribute('lang');",
        vec![],
    )
    .await?;
    assert_eq!(lang, "sv");
    assert_eq!(
        computed(&page, "return document.documentElement.lang;").await?,
        "en",
        "the host keeps its language"
    );

    computed(
        &page,
        "document.getElementById('first').setAttribute('account', 'northwind');",
    )
    .await?;
    page.until("Northwind instead of Fabrikam", || async {
        let list = widget_text(&page, "first", ".pma-account-list").await?;
        (list.contains("Northwind Traders") && !list.contains("Fabrikam")).then_some(())
    })
    .await?;
    Ok(())
}

async fn unmounting_removes_the_widget_and_its_listeners(page: Page) -> Result<(), Failed> {
    page.open(PORTAL).await?;
    wait_widget_heading(&page, "second", "Migrera ditt konto till Partnercenter").await?;
    computed(&page, "window.portal.second.unmount();").await?;
    let left = computed(
        &page,
        "return document.getElementById('second').shadowRoot.childNodes.length;",
    )
    .await?;
    assert_eq!(left, 0, "nothing of the widget is left");
    let before = events_of(&page, "second").await?.len();
    // What its listeners answered before: a history move and a language change. A listener runs
    // as the event is dispatched, and what it changes is drawn by the next frames: wait for two.
    page.browser
        .execute_async(
            "const done = arguments[0];
             window.dispatchEvent(new PopStateEvent('popstate'));
             window.dispatchEvent(new Event('languagechange'));
             requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(true))));",
            vec![],
        )
        .await?;
    assert_eq!(
        events_of(&page, "second").await?.len(),
        before,
        "no listener of it fires"
    );
    assert_eq!(portal(&page, "errors").await?, json!([]), "no script error");
    // The other widget goes on.
    press_in_widget(&page, "first", "Svenska").await?;
    wait_widget_heading(&page, "first", "Migrera ditt konto till Partnercenter").await
}

async fn a_demo_widget_and_a_real_one_on_one_page_keep_their_answers_apart(
    page: Page,
) -> Result<(), Failed> {
    page.open(PORTAL).await?;
    wait_widget_heading(&page, "first", "Migrate your account to Partner Center").await?;
    // An account no other widget test changes.
    computed(
        &page,
        "document.getElementById('first').setAttribute('account', 'adatum');",
    )
    .await?;
    press_in_widget(&page, "first", "Start migration").await?;
    wait_widget_heading(&page, "first", "What is your work email address?").await?;
    fill_in_widget(&page, "first", "#work-email", "typed@adatum.example").await?;

    // A widget on the demo backend, on the same page, for the same account.
    page.browser
        .execute_async(
            "const done = arguments[0];
             const element = document.createElement('div');
             element.id = 'third';
             document.body.append(element);
             import('/widget.js')
               .then((widget) => widget.mount(element, { account: 'adatum', lang: 'en' }))
               .then((third) => { window.portal.third = third; done(true); }, (e) => done(String(e)));",
            vec![],
        )
        .await?;
    press_in_widget(&page, "third", "Start migration").await?;
    wait_widget_heading(&page, "third", "What is your work email address?").await?;
    assert_eq!(
        widget_value(&page, "third", "#work-email").await?,
        "lead@adatum.example",
        "the demo widget starts from the demo's sign-in, not what was typed against the API"
    );
    fill_in_widget(&page, "third", "#work-email", "demo@adatum.example").await?;
    let saved = saved_progress(&page).await?;
    let texts: Vec<String> = saved
        .as_object()
        .into_iter()
        .flatten()
        .map(|(key, text)| format!("{key} {}", text.as_str().unwrap_or_default()))
        .collect();
    assert_eq!(texts.len(), 2, "one save per backend: {texts:?}");
    assert!(
        texts
            .iter()
            .any(|t| t.contains("typed@adatum.example") && !t.contains("demo@")),
        "{texts:?}"
    );

    // The demo reset forgets the demo's answers only.
    press_in_widget(&page, "third", "Reset demo data").await?;
    wait_widget_heading(&page, "third", "Migrate your account to Partner Center").await?;
    let left = saved_progress(&page).await?;
    let left: Vec<&str> = left
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(_, text)| text.as_str())
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(left[0].contains("typed@adatum.example"), "{left:?}");
    assert_eq!(
        widget_value(&page, "first", "#work-email").await?,
        "typed@adatum.example"
    );
    Ok(())
}

/// A portal on another origin loads `widget.js` from the assistant's server (its files come with
/// CORS headers for allowed origins) and runs it on that server's API with its `getToken`.
async fn a_portal_on_another_origin_loads_the_widget_from_the_assistants_host(
    page: Page,
) -> Result<(), Failed> {
    page.open("portal.html").await?;
    wait_widget_heading(&page, "assistant", "Migrate your account to Partner Center").await?;
    page.until("the API's accounts in the widget", || async {
        widget_text(&page, "assistant", "li[data-account=tailspin]").await
    })
    .await?;
    assert!(
        !on_demo_data(&page, "assistant").await,
        "the widget runs on the API, not on demo data"
    );
    let steps = computed(&page, "return window.steps;").await?;
    assert_eq!(
        steps,
        json!(["overview"]),
        "the host hears of the screen shown"
    );
    Ok(())
}

/// A framework adds the element first and sets its attributes and `getToken` just after, in the
/// same task (Angular's bindings do): the widget uses them, not what the element had as it joined.
async fn an_element_given_its_attributes_just_after_it_joins_the_page_uses_them(
    page: Page,
) -> Result<(), Failed> {
    page.open(PORTAL).await?;
    // The WebAssembly is here already: the element could mount at once.
    wait_widget_heading(&page, "first", "Migrate your account to Partner Center").await?;
    computed(
        &page,
        "const element = document.createElement('partner-migration-assistant');
         element.id = 'late';
         document.querySelector('main').append(element);
         element.setAttribute('api-base', '');
         element.setAttribute('account', 'adatum');
         element.setAttribute('lang', 'en');
         window.lateTokens = 0;
         element.getToken = async () => { window.lateTokens += 1; return 'demo-owner'; };",
    )
    .await?;
    wait_widget_heading(&page, "late", "Migrate your account to Partner Center").await?;
    page.until("adatum alone in the late widget", || async {
        let shown = in_widget(
            &page,
            "late",
            "return [...root.querySelectorAll('li[data-account]')].map((li) => li.dataset.account);",
            vec![],
        )
        .await
        .ok()?;
        (shown == json!(["adatum"])).then_some(())
    })
    .await?;
    assert!(
        !on_demo_data(&page, "late").await,
        "it runs on the API that api-base names, not on demo data"
    );
    let tokens = computed(&page, "return window.lateTokens;").await?;
    assert!(
        tokens.as_u64().is_some_and(|n| n > 0),
        "it asks the getToken set after it joined ({tokens})"
    );
    Ok(())
}

async fn the_widgets_pass_axe_inside_the_host(page: Page) -> Result<(), Failed> {
    let axe = axe::source()?;
    page.open(PORTAL).await?;
    wait_widget_heading(&page, "first", "Migrate your account to Partner Center").await?;
    wait_widget_heading(&page, "second", "Migrera ditt konto till Partnercenter").await?;
    // The widgets only: the host's own page is the host's business.
    let found = axe::violations(&page, &axe, "{ include: [['#first'], ['#second']] }").await?;
    assert!(
        found.is_empty(),
        "axe found violations in the widgets: {found:?}"
    );
    Ok(())
}

pub fn tests(harness: &Harness) -> Vec<Trial> {
    vec![
        harness.on_portal(
            "widget::the_widget_migrates_fabrikam_and_tells_the_host_without_touching_its_address",
            the_widget_migrates_fabrikam_and_tells_the_host_without_touching_its_address,
        ),
        harness.on_portal(
            "widget::an_expired_sign_in_asks_the_host_for_a_token_again",
            an_expired_sign_in_asks_the_host_for_a_token_again,
        ),
        harness.on_portal(
            "widget::the_host_and_the_widget_keep_their_own_styles",
            the_host_and_the_widget_keep_their_own_styles,
        ),
        harness.on_portal(
            "widget::changing_the_elements_attributes_changes_account_and_language",
            changing_the_elements_attributes_changes_account_and_language,
        ),
        harness.on_portal(
            "widget::a_demo_widget_and_a_real_one_on_one_page_keep_their_answers_apart",
            a_demo_widget_and_a_real_one_on_one_page_keep_their_answers_apart,
        ),
        harness.trial(
            "widget::a_portal_on_another_origin_loads_the_widget_from_the_assistants_host",
            |browser, apps| {
                a_portal_on_another_origin_loads_the_widget_from_the_assistants_host(Page::new(
                    browser,
                    apps.elsewhere,
                ))
            },
        ),
        harness.on_portal(
            "widget::the_widgets_pass_axe_inside_the_host",
            the_widgets_pass_axe_inside_the_host,
        ),
        harness.on_portal(
            "widget::unmounting_removes_the_widget_and_its_listeners",
            unmounting_removes_the_widget_and_its_listeners,
        ),
        harness.on_portal(
            "widget::an_element_given_its_attributes_just_after_it_joins_the_page_uses_them",
            an_element_given_its_attributes_just_after_it_joins_the_page_uses_them,
        ),
    ]
}
