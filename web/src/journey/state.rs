//! What the pages of an account's journey share, once the account has loaded: the account as
//! the API reports it, the registry's answer for a new MPN ID, the owner's saved progress, and
//! the core's assessment of them. It imports no page.

use assistant_core::account::AccountId;
use assistant_core::api::AccountDetail;
use assistant_core::flow::{Answers, Assessment, Case, Question, Situation, assess};
use assistant_core::mpn::MpnRecord;
use leptos::prelude::*;

use crate::backend::browser_idna::BrowserIdna;
use crate::backend::client::Client;
use crate::journey::progress::Progress;
use crate::journey::shelf::Shelf;
use crate::journey::sync::{self, OtherCopy, Sender, Sent, draft_of, progress_of};
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
    /// Where the draft is sent, when the API keeps one for this owner.
    drafts_to: StoredValue<Option<Client>, LocalStorage>,
    sender: StoredValue<Sender, LocalStorage>,
    /// The API's draft, changed on another device, while the person has not chosen.
    pub other: RwSignal<Option<OtherCopy>, LocalStorage>,
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
    /// The journey of a loaded account, from the progress saved on `shelf`; its draft sent to
    /// `drafts_to` when the API keeps one (`other` is the API's, when it differs).
    pub fn new(
        loaded: LoadedAccount,
        progress: Progress,
        shelf: Shelf,
        drafts_to: Option<Client>,
        other: Option<OtherCopy>,
    ) -> Self {
        let keeps = drafts_to.is_some();
        let journey = Self {
            account_id: StoredValue::new(loaded.detail.account.id.clone()),
            shelf: StoredValue::new(shelf),
            detail: RwSignal::new(loaded.detail),
            new_mpn: RwSignal::new(loaded.new_mpn),
            progress: RwSignal::new(progress),
            unsaved: RwSignal::new(false),
            drafts_to: StoredValue::new_local(drafts_to),
            sender: StoredValue::new_local(Sender::default()),
            other: RwSignal::new_local(other),
        };
        if keeps {
            // What opening the draft decided (the API's taken, or the copy here forgotten).
            journey.save();
        }
        journey
    }

    /// Saves the progress in the browser (nothing once the journey's page is gone).
    fn save(&self) {
        let saved = self.progress.try_with_untracked(|progress| {
            self.shelf.try_with_value(|shelf| {
                shelf.save(&self.account_id(), progress, js_sys::Date::now())
            })
        });
        if let Some(Some(saved)) = saved {
            self.unsaved.try_set(!saved);
        }
    }

    /// Sends the draft to the API beside the page (one send at a time; a change made meanwhile
    /// follows): when it cannot go, it waits here, marked unsent. The page may be gone before an
    /// answer comes: the send then ends quietly (the copy here says what was sent).
    pub fn send_draft(&self) {
        let Some(client) = self.drafts_to.get_value() else {
            return;
        };
        let sender = self.sender.get_value();
        if !sender.start() {
            return;
        }
        let journey = *self;
        let account = self.account_id();
        leptos::task::spawn_local(async move {
            loop {
                let Some((draft, over)) = journey
                    .progress
                    .try_with_untracked(|p| (draft_of(p), p.sync.synced))
                else {
                    return sender.stopped();
                };
                let halted = || sender.halted();
                match sync::send(&client, &account, over, &draft, halted).await {
                    Sent::Saved(version) => {
                        let noted = journey.progress.try_update(|p| {
                            p.sync.synced = Some(version);
                            p.sync.unsent = !draft_of(p).same_answers(&draft);
                        });
                        if noted.is_none() {
                            return sender.stopped();
                        }
                        journey.save();
                    }
                    Sent::Other(other) => {
                        journey.other.try_set(Some(other));
                        return sender.stopped();
                    }
                    Sent::NotSent => return sender.stopped(),
                }
                let unsent = journey.progress.try_with_untracked(|p| p.sync.unsent);
                if !sender.ended() && unsent != Some(true) {
                    return;
                }
                if unsent == Some(true) && !sender.start_again() {
                    return;
                }
            }
        });
    }

    /// Sends the draft if it holds what the API has not had (when the network is back).
    pub fn send_unsent(&self) {
        if self.progress.with_untracked(|p| p.sync.unsent) {
            self.send_draft();
        }
    }

    /// The person chose the other device's answers.
    pub fn take_other(&self) {
        if let Some(other) = self.other.get_untracked() {
            self.progress
                .set(progress_of(other.kept.draft, other.version));
            self.save();
            self.other.set(None);
        }
    }

    /// The person chose this device's answers: they are written over the other's.
    pub fn keep_here(&self) {
        if let Some(other) = self.other.get_untracked() {
            self.progress.update(|p| {
                p.sync.synced = Some(other.version);
                p.sync.unsent = true;
            });
            self.save();
            self.other.set(None);
            self.send_draft();
        }
    }

    /// The client the draft goes to, when the API keeps one.
    pub fn drafts_to(&self) -> Option<Client> {
        self.drafts_to.get_value()
    }

    /// Sends nothing more, while the answers are being forgotten (`resume` if that fails).
    pub fn halt_drafts(&self, halted: bool) {
        self.sender.with_value(|sender| {
            if halted {
                sender.halt();
            } else {
                sender.resume();
            }
        });
    }

    /// Forgets the progress here (after the API's draft was forgotten).
    pub fn forget_here(&self) {
        self.shelf
            .with_value(|shelf| shelf.remove(&self.account_id()));
        self.progress.set(Progress::default());
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

    /// Changes the progress and saves it; where the API keeps a draft, a change of the answers or
    /// the submission's key (a Continue) is sent too, and what is only typed goes with the next
    /// one (or when the network is back). The screen shown is no answer: it rides along with a
    /// send, and alone marks nothing unsent.
    pub fn update_progress(&self, change: impl FnOnce(&mut Progress)) {
        let before = self.progress.with_untracked(draft_of);
        self.progress.update(change);
        let keeps = self.drafts_to.with_value(Option::is_some);
        let (changed, continued) = self.progress.with_untracked(|p| {
            let now = draft_of(p);
            (
                !now.same_answers(&before),
                now.answers != before.answers || now.idempotency_key != before.idempotency_key,
            )
        });
        if keeps && changed {
            self.progress.update_untracked(|p| p.sync.unsent = true);
        }
        self.save();
        if keeps && continued {
            self.send_draft();
        }
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
