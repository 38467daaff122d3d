//! Where the app is: the screen shown, and its address when the app runs standalone.
//!
//! The app keeps its screen in its own state. Standalone, every screen has a URL under the app's
//! base path (the page's `<base href>`), pushed to the History API so Back, Forward and reload
//! work; embedded in a host page, the host's URL and history are never touched.

use assistant_core::account::AccountId;
use assistant_core::flow::Question;
use leptos::prelude::*;
use percent_encoding::percent_decode_str;

use crate::backend::client::path_segment;

/// A screen of the assistant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// The viewer's accounts.
    Overview,
    /// A question of an account's migration.
    Question(AccountId, Question),
    /// The migration is being submitted or Partner Center is moving the account.
    Migration(AccountId),
    /// The account was migrated through the assistant.
    Confirmation(AccountId),
    /// The Dynamics 365 and PowerApps offers checklist of an account.
    OffersChecklist(AccountId),
    /// Help and next steps.
    Help,
    /// An address the assistant does not know.
    NotFound,
}

/// What a screen is, by name: `step` of the events a widget sends its host, and the last segment
/// of a question's address. `web/js/widget.d.ts` names each as its type `Step` (a test compares
/// the two).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Overview,
    WorkEmail,
    MpnId,
    CheckAnswers,
    Migration,
    Confirmation,
    OffersChecklist,
    Help,
    NotFound,
}

impl Step {
    /// Every step.
    pub const ALL: [Step; 9] = [
        Step::Overview,
        Step::WorkEmail,
        Step::MpnId,
        Step::CheckAnswers,
        Step::Migration,
        Step::Confirmation,
        Step::OffersChecklist,
        Step::Help,
        Step::NotFound,
    ];

    /// The step's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Overview => "overview",
            Step::WorkEmail => "work-email",
            Step::MpnId => "mpn-id",
            Step::CheckAnswers => "check-answers",
            Step::Migration => "migration",
            Step::Confirmation => "confirmation",
            Step::OffersChecklist => "offers-checklist",
            Step::Help => "help",
            Step::NotFound => "not-found",
        }
    }
}

impl From<Question> for Step {
    fn from(question: Question) -> Self {
        match question {
            Question::WorkEmail => Step::WorkEmail,
            Question::MpnId => Step::MpnId,
            Question::CheckAnswers => Step::CheckAnswers,
        }
    }
}

fn question_slug(question: Question) -> &'static str {
    Step::from(question).as_str()
}

/// An account's id from a segment of the address: percent-decoded, and only if it is one an API
/// could have issued.
fn account_in(segment: &str) -> Option<AccountId> {
    let text = percent_decode_str(segment).decode_utf8().ok()?;
    AccountId::parse(&text).ok()
}

impl Screen {
    /// The account the screen is about, if any.
    pub fn account(&self) -> Option<&AccountId> {
        match self {
            Screen::Question(id, _)
            | Screen::Migration(id)
            | Screen::Confirmation(id)
            | Screen::OffersChecklist(id) => Some(id),
            Screen::Overview | Screen::Help | Screen::NotFound => None,
        }
    }

    /// What the screen is, by name (`step` of the events a widget sends its host).
    pub fn step(&self) -> Step {
        match self {
            Screen::Overview => Step::Overview,
            Screen::Question(_, question) => Step::from(*question),
            Screen::Migration(_) => Step::Migration,
            Screen::Confirmation(_) => Step::Confirmation,
            Screen::OffersChecklist(_) => Step::OffersChecklist,
            Screen::Help => Step::Help,
            Screen::NotFound => Step::NotFound,
        }
    }

    /// The screen's path below the app's base path (no leading slash).
    pub fn path(&self) -> String {
        let account = |id: &AccountId, page: &str| format!("accounts/{}/{page}", path_segment(id));
        match self {
            Screen::Overview | Screen::NotFound => String::new(),
            Screen::Question(id, question) => account(id, question_slug(*question)),
            Screen::Migration(id) => account(id, "migration"),
            Screen::Confirmation(id) => account(id, "confirmation"),
            Screen::OffersChecklist(id) => account(id, "offers-checklist"),
            Screen::Help => "help".into(),
        }
    }

    /// The screen at a path below the app's base path.
    pub fn from_path(path: &str) -> Screen {
        let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
        match segments.as_slice() {
            [""] | ["index.html"] => Screen::Overview,
            ["help"] => Screen::Help,
            ["accounts", id, page] => {
                // An id no API could have issued names no account: not found, asking nobody.
                let Some(id) = account_in(id) else {
                    return Screen::NotFound;
                };
                match *page {
                    "work-email" => Screen::Question(id, Question::WorkEmail),
                    "mpn-id" => Screen::Question(id, Question::MpnId),
                    "check-answers" => Screen::Question(id, Question::CheckAnswers),
                    "migration" => Screen::Migration(id),
                    "confirmation" => Screen::Confirmation(id),
                    "offers-checklist" => Screen::OffersChecklist(id),
                    _ => Screen::NotFound,
                }
            }
            _ => Screen::NotFound,
        }
    }
}

/// The app's base path: the path of the page's `<base href>` (or of the page), ending in `/`.
pub fn base_path() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let path = web_sys::Url::new(&base)
        .map(|url| url.pathname())
        .unwrap_or_else(|_| "/".into());
    match path.rfind('/') {
        Some(slash) => path[..=slash].to_owned(),
        None => "/".into(),
    }
}

/// The screen the page's address names, below `base`.
fn screen_at_location(base: &str) -> Screen {
    let path = window().location().pathname().unwrap_or_default();
    match path.strip_prefix(base) {
        Some(rest) => Screen::from_path(rest),
        None if format!("{path}/") == base => Screen::Overview,
        None => Screen::NotFound,
    }
}

/// Moves between screens; in context for every component.
#[derive(Clone, Copy)]
pub struct Navigator {
    screen: RwSignal<Screen>,
    /// The base path when the app owns the page's address; `None` when embedded.
    base: StoredValue<Option<String>>,
    /// Whether any navigation happened since the app started (focus moves only then).
    moved: StoredValue<bool>,
}

impl Navigator {
    /// A navigator that owns the page's address: it starts at the screen the URL names and follows
    /// Back and Forward.
    pub fn standalone() -> Self {
        let base = base_path();
        let screen = RwSignal::new(screen_at_location(&base));
        let moved = StoredValue::new(false);
        let navigator = Self {
            screen,
            base: StoredValue::new(Some(base.clone())),
            moved,
        };
        let listener = window_event_listener(leptos::ev::popstate, move |_| {
            moved.set_value(true);
            screen.set(screen_at_location(&base));
        });
        on_cleanup(move || listener.remove());
        navigator
    }

    /// Shows the screen the page's address names now (after the address was replaced, such as on
    /// coming back from signing in).
    pub fn follow_address(&self) {
        if let Some(base) = self.base.get_value() {
            self.screen.set(screen_at_location(&base));
        }
    }

    /// A navigator that keeps its screen to itself (inside a host page), starting at `start`.
    pub fn embedded(start: Screen) -> Self {
        Self {
            screen: RwSignal::new(start),
            base: StoredValue::new(None),
            moved: StoredValue::new(false),
        }
    }

    /// The screen shown.
    pub fn screen(&self) -> Screen {
        self.screen.get()
    }

    /// The screen shown, read without subscribing.
    pub fn screen_untracked(&self) -> Screen {
        self.screen.get_untracked()
    }

    /// Whether the user has moved between screens since the app started.
    pub fn has_moved(&self) -> bool {
        self.moved.get_value()
    }

    /// The address of a screen, for links; `None` when embedded (links are then buttons).
    pub fn href(&self, screen: &Screen) -> Option<String> {
        self.base
            .with_value(|base| base.as_ref().map(|base| format!("{base}{}", screen.path())))
    }

    /// Shows `screen`, as a new entry of the browser's history when standalone.
    pub fn go(&self, screen: Screen) {
        self.move_to(screen, false);
    }

    /// Shows `screen` in place of the current one (no new history entry): for redirects.
    pub fn replace(&self, screen: Screen) {
        self.move_to(screen, true);
    }

    fn move_to(&self, screen: Screen, replace: bool) {
        if self.screen.get_untracked() == screen {
            return;
        }
        self.moved.set_value(true);
        if let Some(url) = self.href(&screen) {
            let history = window().history();
            if let Ok(history) = history {
                let pushed = if replace {
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
                } else {
                    history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
                };
                // A refused history entry still leaves the screen shown.
                let _ = pushed;
            }
        }
        self.screen.set(screen);
    }
}

/// A link to another screen: a real link with an address when standalone (so it can open in a
/// new tab), the same navigation inside the app either way.
#[component]
pub fn ScreenLink(
    /// Where it goes.
    to: Screen,
    /// Extra classes.
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let navigator = expect_context::<Navigator>();
    let standalone = navigator.href(&to);
    let own_address = standalone.is_some();
    let href = standalone.unwrap_or_else(|| "#".into());
    let on_click = move |ev: leptos::ev::MouseEvent| {
        // Standalone, modified clicks (new tab, new window) keep the browser's own behaviour; in
        // a widget the link has no address of its own, and the host's never changes.
        let modified = ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0;
        if own_address && modified {
            return;
        }
        ev.prevent_default();
        navigator.go(to.clone());
    };
    view! {
        <a class=format!("pma-link {class}") href=href on:click=on_click>
            {children()}
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(text: &str) -> AccountId {
        AccountId::parse(text).unwrap()
    }

    #[test]
    fn every_screen_has_its_own_path_and_back() {
        let screens = [
            Screen::Overview,
            Screen::Question(id("fabrikam"), Question::WorkEmail),
            Screen::Question(id("fabrikam"), Question::MpnId),
            Screen::Question(id("fabrikam"), Question::CheckAnswers),
            Screen::Migration(id("fabrikam")),
            Screen::Confirmation(id("fabrikam")),
            Screen::OffersChecklist(id("fabrikam")),
            Screen::Help,
        ];
        for screen in screens {
            assert_eq!(Screen::from_path(&screen.path()), screen, "{screen:?}");
        }
    }

    #[test]
    fn account_ids_of_any_text_survive_the_address() {
        for odd in ["a/b c?d#é<😀>%", "%2e%2e", "...", "a/../b", "%", "x%2Fy"] {
            let screen = Screen::Migration(id(odd));
            let path = screen.path();
            let segment = path.split('/').nth(1).unwrap();
            assert!(
                segment
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
                "{segment}"
            );
            assert_eq!(path.split('/').count(), 3, "{path}");
            assert_eq!(Screen::from_path(&path), screen, "{odd}");
        }
    }

    #[test]
    fn an_id_no_api_could_have_issued_is_not_found() {
        let long = "a".repeat(AccountId::MAX_CHARS + 1);
        for segment in ["%2E%2E", "%2e", "..", "a%0Ab", "%00", "%FF", long.as_str()] {
            let path = format!("accounts/{segment}/work-email");
            assert_eq!(Screen::from_path(&path), Screen::NotFound, "{path}");
        }
    }

    #[test]
    fn unknown_addresses_are_not_found() {
        for path in [
            "accounts",
            "accounts/x",
            "accounts/x/elsewhere",
            "admin",
            "accounts//mpn-id",
        ] {
            assert_eq!(Screen::from_path(path), Screen::NotFound, "{path}");
        }
    }
}
