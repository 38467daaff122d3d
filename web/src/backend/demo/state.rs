//! What the demo backend remembers, and where: in memory, and in local storage when there is
//! some, so a reload keeps it and another tab or widget of the page sees it.

use std::collections::BTreeMap;

use assistant_core::account::{Account, AccountId};
use assistant_core::api::draft::Draft;
use assistant_core::api::{ChecklistTicks, MigrationState};
use assistant_core::fixtures;
use assistant_core::flow::MigrationRequest;
use serde::{Deserialize, Serialize};

use crate::backend::json_text;

/// Where the demo keeps its state in local storage; the suffix is the format's version.
pub const STORAGE_KEY: &str = "pma-demo-backend-v1";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Migration {
    pub reference: String,
    pub request: MigrationRequest,
    pub completes_at_ms: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Remembered {
    pub account: AccountId,
    pub request: MigrationRequest,
    pub answer: MigrationState,
}

/// A draft as the demo keeps it: its version (which goes on after it is forgotten or expires, so
/// no later draft has an earlier one's), when it changed, and the draft (none once it expired or
/// was forgotten).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct KeptVersion {
    pub version: i64,
    pub changed_at_ms: i64,
    pub draft: Option<Draft>,
    pub expired: bool,
}

/// Everything the demo remembers.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct State {
    pub accounts: Vec<Account>,
    /// The owner's draft of each account, as the server keeps it.
    #[serde(default)]
    pub drafts: BTreeMap<String, KeptVersion>,
    pub migrations: BTreeMap<String, Migration>,
    pub idempotency: BTreeMap<String, Remembered>,
    pub checklists: BTreeMap<String, (i64, ChecklistTicks)>,
}

impl State {
    pub fn fixtures() -> Self {
        Self {
            accounts: fixtures::accounts(),
            drafts: BTreeMap::new(),
            migrations: BTreeMap::new(),
            idempotency: BTreeMap::new(),
            checklists: BTreeMap::new(),
        }
    }
}

/// The text saved in `storage`, if any.
fn saved_text(storage: Option<&web_sys::Storage>) -> Option<String> {
    storage?.get_item(STORAGE_KEY).ok()?
}

/// How the demo's state in memory stands to the one in local storage.
#[derive(Debug, PartialEq, Eq)]
enum SaveState {
    /// Storage holds no state this demo could read.
    NothingSaved,
    /// Memory holds the state saved as this text.
    Saved(String),
    /// Storage refused the last save: memory is newer than it.
    Refused,
}

/// The demo's state, and the local storage that keeps it.
pub(super) struct Kept {
    /// The state, as the demo answers from it.
    pub state: State,
    storage: Option<web_sys::Storage>,
    /// How the state in memory stands to the saved one.
    saved: SaveState,
}

impl Kept {
    /// The state in the browser's local storage, or the fixtures when there is none or it cannot
    /// be read.
    pub fn in_local_storage() -> Self {
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        let mut kept = Self {
            state: State::fixtures(),
            storage,
            saved: SaveState::NothingSaved,
        };
        kept.catch_up();
        kept
    }

    /// The fixtures, kept in memory only.
    pub fn in_memory() -> Self {
        Self {
            state: State::fixtures(),
            storage: None,
            saved: SaveState::NothingSaved,
        }
    }

    /// Puts the fixtures back, forgetting every change.
    pub fn reset(&mut self) {
        self.state = State::fixtures();
        self.save();
    }

    /// Writes the state to storage; storage full or refused leaves it in memory.
    pub fn save(&mut self) {
        if let Some(storage) = &self.storage {
            let text = json_text(&self.state);
            self.saved = match storage.set_item(STORAGE_KEY, &text) {
                Ok(()) => SaveState::Saved(text),
                Err(_) => SaveState::Refused,
            };
        }
    }

    /// Takes the saved state when another tab, or another widget of the page, has changed it
    /// since: like a server's, it is the one truth, unless storage refused the last save (memory
    /// is newer then). It is read again only when its text changed.
    pub fn catch_up(&mut self) {
        if self.saved == SaveState::Refused {
            return;
        }
        let Some(text) = saved_text(self.storage.as_ref()) else {
            return;
        };
        if matches!(&self.saved, SaveState::Saved(saved) if *saved == text) {
            return;
        }
        if let Ok(saved) = serde_json::from_str(&text) {
            self.state = saved;
            self.saved = SaveState::Saved(text);
        }
    }
}
