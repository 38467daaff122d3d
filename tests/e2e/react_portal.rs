//! The widget in a portal built with React (`examples/react-portal/`, bundled by `cargo xtask
//! test` with the widget's package installed from the build): it works there, React hears its
//! events, leaving the page leaves nothing of it running, and its types hold for TypeScript.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

use libtest_mimic::{Failed, Trial};
use serde_json::{Value, json};

use assistant_e2e::devtools;
use assistant_e2e::harness::Harness;
use assistant_e2e::page::Page;
use assistant_e2e::widget::{
    computed, fill_in_widget, press_in_widget, wait_widget_heading, widget_value,
};

const PAGE: &str = "examples/index.html";
const HOST: &str = "assistant";

/// What React rendered of what it heard: its state, one `{ type, detail }` per event.
async fn heard(page: &Page) -> Result<Vec<Value>, Failed> {
    let events = computed(
        page,
        "return [...document.querySelectorAll('#heard li')].map((li) => JSON.parse(li.dataset.event));",
    )
    .await?;
    Ok(events.as_array().cloned().unwrap_or_default())
}

fn of_type<'a>(events: &'a [Value], kind: &str) -> Vec<&'a Value> {
    events.iter().filter(|e| e["type"] == kind).collect()
}

/// Records, before the page's own scripts run, the timers and event listeners that the
/// assistant's files set (the caller is a script of `/assistant/`), and forgets each as it is
/// cleared, fires or is removed; and the page's script errors. `window.lifetimes.live()` lists
/// what is still pending or listening, leaving out listeners on nodes no longer in the page.
/// (Handlers set as `on…` properties are not seen; the widget sets none.)
const LIFETIMES: &str = r#"//# sourceURL=lifetimes.js
(() => {
  const timers = new Map();
  let timersSet = 0;
  const listeners = [];
  const errors = [];
  window.addEventListener('error', (event) => errors.push(String(event.message)));
  const ours = () => {
    const frames = new Error().stack.split('\n').slice(1)
      .filter((frame) => !frame.includes('lifetimes.js'));
    return /\/assistant\//.test(frames[0] ?? '');
  };
  const timer = (set, kind) => function (callback, delay, ...rest) {
    if (!ours() || typeof callback !== 'function') return set.call(this, callback, delay, ...rest);
    timersSet += 1;
    let id;
    const once = kind === 'timeout';
    id = set.call(this, function (...args) {
      if (once) timers.delete(id);
      return callback.apply(this, args);
    }, delay, ...rest);
    timers.set(id, `${kind} of ${delay ?? 0} ms`);
    return id;
  };
  const clear = (unset) => function (id) { timers.delete(id); return unset.call(this, id); };
  window.setTimeout = timer(window.setTimeout, 'timeout');
  window.setInterval = timer(window.setInterval, 'interval');
  window.clearTimeout = clear(window.clearTimeout);
  window.clearInterval = clear(window.clearInterval);

  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const capture = (options) => typeof options === 'boolean' ? options : Boolean(options?.capture);
  const forget = (target, type, listener, options) => {
    const at = listeners.findIndex((l) => l.target === target && l.type === type
      && l.listener === listener && l.capture === capture(options));
    if (at >= 0) listeners.splice(at, 1);
  };
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (listener && ours()) {
      listeners.push({ target: this, type, listener, capture: capture(options) });
      options?.signal?.aborted === false && add.call(options.signal, 'abort',
        () => forget(this, type, listener, options));
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    forget(this, type, listener, options);
    return remove.call(this, type, listener, options);
  };
  const name = (target) => target === window ? 'window' : target === document ? 'document'
    : target.nodeName ?? target.constructor.name;
  window.lifetimes = {
    errors,
    timersSet: () => timersSet,
    live: () => ({
      timers: [...timers.values()],
      listeners: listeners
        .filter((l) => !(l.target instanceof Node) || l.target.isConnected)
        .map((l) => `${l.type} on ${name(l.target)}`),
    }),
  };
})();
"#;

async fn lifetimes(page: &Page) -> Result<Value, Failed> {
    computed(page, "return window.lifetimes.live();").await
}

/// Opens the portal at `account`'s page, recording lifetimes, and starts its migration there.
async fn start_migration_in_the_portal(page: &Page, account: &str) -> Result<(), Failed> {
    devtools::run_before_each_document(&page.browser, LIFETIMES).await?;
    page.open(&format!("{PAGE}#/accounts/{account}")).await?;
    wait_widget_heading(page, HOST, "Migrate your account to Partner Center").await?;
    press_in_widget(page, HOST, "Start migration").await?;
    wait_widget_heading(page, HOST, "What is your work email address?").await
}

async fn the_widget_migrates_fabrikam_in_the_react_page_and_react_hears_each_step(
    page: Page,
) -> Result<(), Failed> {
    start_migration_in_the_portal(&page, "fabrikam").await?;
    press_in_widget(&page, HOST, "Continue").await?;
    wait_widget_heading(&page, HOST, "Which MPN ID should Partner Center use?").await?;
    press_in_widget(&page, HOST, "Continue").await?;
    wait_widget_heading(
        &page,
        HOST,
        "Check your answers before you migrate your account",
    )
    .await?;
    press_in_widget(&page, HOST, "Migrate account").await?;
    wait_widget_heading(&page, HOST, "Account migrated").await?;
    page.screenshot("react-portal").await?;

    let events = page
        .until("React's state to hold the confirmation's step", || async {
            let events = heard(&page).await.ok()?;
            of_type(&events, "step-started")
                .iter()
                .any(|e| e["detail"]["step"] == "confirmation")
                .then_some(events)
        })
        .await?;
    let steps: Vec<&Value> = of_type(&events, "step-started")
        .into_iter()
        .map(|e| &e["detail"]["step"])
        .collect();
    assert_eq!(
        steps,
        [
            "overview",
            "work-email",
            "mpn-id",
            "check-answers",
            "migration",
            "confirmation"
        ],
        "React heard each screen's step-started, in order: {events:?}"
    );
    let accounts: Vec<&Value> = of_type(&events, "step-started")
        .into_iter()
        .map(|e| &e["detail"]["account"])
        .collect();
    assert_eq!(
        accounts,
        [
            json!(null),
            json!("fabrikam"),
            json!("fabrikam"),
            json!("fabrikam"),
            json!("fabrikam"),
            json!("fabrikam")
        ]
        .iter()
        .collect::<Vec<_>>(),
        "the overview is of no account, the others of fabrikam"
    );
    let submitted = of_type(&events, "migration-submitted");
    let completed = of_type(&events, "flow-completed");
    assert_eq!(submitted.len(), 1, "{events:?}");
    assert_eq!(completed.len(), 1, "{events:?}");
    assert_eq!(submitted[0]["detail"]["account"], "fabrikam");
    let reference = &submitted[0]["detail"]["reference"];
    assert!(
        reference.as_str().is_some_and(|r| r.starts_with("MIG-")),
        "{reference}"
    );
    assert_eq!(
        completed[0]["detail"],
        json!({ "account": "fabrikam", "reference": reference }),
        "flow-completed names the same migration"
    );
    assert_eq!(
        computed(&page, "return window.lifetimes.errors;").await?,
        json!([]),
        "no script error"
    );
    Ok(())
}

async fn leaving_the_page_removes_the_widget_with_its_timers_and_listeners_and_it_mounts_again(
    page: Page,
) -> Result<(), Failed> {
    start_migration_in_the_portal(&page, "adatum").await?;
    fill_in_widget(&page, HOST, "#work-email", "typed@adatum.example").await?;
    let mounted = lifetimes(&page).await?;
    assert!(
        mounted["listeners"]
            .as_array()
            .is_some_and(|listeners| !listeners.is_empty()),
        "while it is shown, the widget's own listeners are seen: {mounted}"
    );
    let timers_set = computed(&page, "return window.lifetimes.timersSet();").await?;
    assert!(
        timers_set.as_u64().is_some_and(|n| n > 0),
        "and its timers (one per request): {timers_set}"
    );

    // The portal's route changes: React removes the element.
    page.press("header", "Billing").await?;
    page.wait_heading("Billing").await?;
    assert_eq!(
        computed(&page, "return document.getElementById('assistant');").await?,
        Value::Null
    );
    // Anything the widget had under way (a save, a request) has ended by now.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(
        lifetimes(&page).await?,
        json!({ "timers": [], "listeners": [] }),
        "nothing of the widget is left running (before leaving: {mounted})"
    );

    // Back to the account: a second mount, which goes on from the saved answer.
    let before = of_type(&heard(&page).await?, "step-started").len();
    page.press("header", "Adatum Corporation").await?;
    wait_widget_heading(&page, HOST, "Migrate your account to Partner Center").await?;
    page.until("React to hear the second mount's first step", || async {
        let events = heard(&page).await.ok()?;
        (of_type(&events, "step-started").len() > before).then_some(())
    })
    .await?;
    press_in_widget(&page, HOST, "Continue migration").await?;
    wait_widget_heading(&page, HOST, "What is your work email address?").await?;
    assert_eq!(
        widget_value(&page, HOST, "#work-email").await?,
        "typed@adatum.example",
        "the answer typed before leaving is there"
    );
    assert_eq!(
        computed(&page, "return window.lifetimes.errors;").await?,
        json!([]),
        "no script error"
    );
    Ok(())
}

/// The React portal's folder, where its TypeScript is installed.
fn portal_source() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/react-portal"
    ))
}

/// Runs the portal's TypeScript on `project`: whether it passed, and what it printed.
fn type_check(project: &str) -> Result<(bool, String), Failed> {
    let source = portal_source();
    let out = Command::new(source.join("node_modules/.bin/tsc"))
        .args(["--pretty", "false", "-p", project])
        .current_dir(&source)
        .output()
        .map_err(|e| format!("cannot run tsc (cargo xtask test installs it): {e}"))?;
    let printed =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    Ok((out.status.success(), printed))
}

async fn typescript_accepts_every_use_of_the_widget_and_the_react_page() -> Result<(), Failed> {
    let (passed, printed) = type_check("tsconfig.json")?;
    assert!(passed, "tsc refused a right use:\n{printed}");
    Ok(())
}

async fn typescript_refuses_each_misuse_of_the_widget_where_it_is() -> Result<(), Failed> {
    const FILE: &str = "type-checks/misuses.ts";
    let text = std::fs::read_to_string(portal_source().join(FILE))?;
    let marked: BTreeSet<(usize, String)> = text
        .lines()
        .enumerate()
        .filter_map(|(at, line)| {
            let (_, code) = line.split_once("// error ")?;
            let code = code.trim();
            let number = code.strip_prefix("TS")?;
            (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()))
                .then(|| (at + 1, code.to_owned()))
        })
        .collect();
    assert!(marked.len() >= 10, "the misuses are marked: {marked:?}");

    let (passed, printed) = type_check("tsconfig.misuses.json")?;
    assert!(!passed, "tsc accepted the misuses:\n{printed}");
    // `type-checks/misuses.ts(8,23): error TS2561: …`
    let found: BTreeSet<(usize, String)> = printed
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix(FILE)?.strip_prefix('(')?;
            let (line_number, rest) = rest.split_once(',')?;
            let (_, rest) = rest.split_once("): error ")?;
            let (code, _) = rest.split_once(':')?;
            Some((line_number.parse().ok()?, code.to_owned()))
        })
        .collect();
    assert_eq!(
        found, marked,
        "one error on each marked line, with its code, and none elsewhere:\n{printed}"
    );
    Ok(())
}

pub fn tests(harness: &Harness) -> Vec<Trial> {
    vec![
        harness.on_react_portal(
            "react_portal::the_widget_migrates_fabrikam_in_the_react_page_and_react_hears_each_step",
            the_widget_migrates_fabrikam_in_the_react_page_and_react_hears_each_step,
        ),
        harness.on_react_portal(
            "react_portal::leaving_the_page_removes_the_widget_with_its_timers_and_listeners_and_it_mounts_again",
            leaving_the_page_removes_the_widget_with_its_timers_and_listeners_and_it_mounts_again,
        ),
        harness.without_browser(
            "react_portal::typescript_accepts_every_use_of_the_widget_and_the_react_page",
            |_| typescript_accepts_every_use_of_the_widget_and_the_react_page(),
        ),
        harness.without_browser(
            "react_portal::typescript_refuses_each_misuse_of_the_widget_where_it_is",
            |_| typescript_refuses_each_misuse_of_the_widget_where_it_is(),
        ),
    ]
}
