//! What the pages of an account's journey share, once the account has loaded: the account as
//! the API reports it, the registry's answer for a new MPN ID, the owner's saved progress, and
//! the core's assessment of them. It imports no page.

use assistant_core::account::AccountId;
use assistant_core::api::AccountDetail;
use assistant_core::flow::{Answers, Assessment, Case, Question, Situation, assess};
use assistant_core::mpn::MpnRecord;
use leptos::prelude::*;

use crate::backend::browser_idna::BrowserIdna;
use crate::journey::progress::{Progress, Shelf};
use crate::route::Screen;

/// An account's journey, with the account loaded.
#[derive(Clone, Copy)]
pub struct Journey {
    account_id: StoredValue<AccountId>,
    /// Where the progress is saved.
    shelf: StoredValue<Shelf>,
    /// The account and its stored MPN ID's state, as last read.
    pub detail: RwSignal<AccountDetail>,
    /// What the registry said of the new MPN ID the owner typed, once looked up.
    pub new_mpn: RwSignal<Option<MpnRecord>>,
    /// The owner's progress (saved on every change).
    pub progress: RwSignal<Progress>,
    /// Whether the last change could not be saved in the browser (it stays in memory).
    pub unsaved: RwSignal<bool>,
}

/// An account as the API gave it, with the registry's answer for the new MPN ID of the saved
/// answers (when there is one).
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedAccount {
    /// The account and its stored MPN ID's state.
    pub detail: AccountDetail,
    /// The registry's answer for the new MPN ID already given.
    pub new_mpn: Option<MpnRecord>,
}

impl Journey {
    /// The journey of a loaded account, from the progress saved on `shelf`.
    pub fn new(loaded: LoadedAccount, progress: Progress, shelf: Shelf) -> Self {
        Self {
            account_id: StoredValue::new(loaded.detail.account.id.clone()),
            shelf: StoredValue::new(shelf),
            detail: RwSignal::new(loaded.detail),
            new_mpn: RwSignal::new(loaded.new_mpn),
            progress: RwSignal::new(progress),
            unsaved: RwSignal::new(false),
        }
    }

    /// The account's identifier.
    pub fn account_id(&self) -> AccountId {
        self.account_id.get_value()
    }

    /// The account's name (not tracked: it does not change on a page).
    pub fn account_name(&self) -> String {
        self.detail.with_untracked(|d| d.account.name.clone())
    }

    /// The core's verdict on `answers` in this account's situation.
    pub fn assess_with(&self, answers: &Answers) -> Assessment {
        let submitted_here = self
            .progress
            .with(|progress| progress.idempotency_key.is_some());
        self.detail.with(|detail| {
            self.new_mpn.with(|new_mpn| {
                let situation = Situation {
                    account: &detail.account,
                    stored_mpn: detail.stored_mpn.as_ref().map(|record| &record.lookup),
                    new_mpn: new_mpn.as_ref(),
                    submitted_here,
                };
                assess(&situation, answers, &BrowserIdna)
            })
        })
    }

    /// The core's verdict on the answers given.
    pub fn assessment(&self) -> Assessment {
        self.progress
            .with(|progress| self.assess_with(&progress.answers))
    }

    /// Changes the progress and saves it.
    pub fn update_progress(&self, change: impl FnOnce(&mut Progress)) {
        self.progress.update(change);
        let saved = self.progress.with_untracked(|progress| {
            self.shelf
                .with_value(|shelf| shelf.save(&self.account_id(), progress, js_sys::Date::now()))
        });
        self.unsaved.set(!saved);
    }

    /// The screen of a question of this account.
    pub fn question(&self, question: Question) -> Screen {
        Screen::Question(self.account_id(), question)
    }

    /// The screen the core says comes next for the answers given.
    pub fn next_screen(&self) -> Screen {
        let id = self.account_id();
        let assessment = self.assessment();
        match (assessment.case, assessment.next) {
            (_, Some(question)) => Screen::Question(id, question),
            (Case::InProgress, None) => Screen::Migration(id),
            (Case::Completed, None) => Screen::Confirmation(id),
            _ => Screen::Overview,
        }
    }
}
