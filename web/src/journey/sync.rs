//! The owner's draft on the API, where the API keeps one (someone is signed in, and the core says
//! the owner may keep a draft of this account): opening an account brings this browser's copy and
//! the API's together as the core decides (`assistant_core::api::draft::reconcile`); each change
//! is sent beside the page, never before it goes on; a copy that could not be sent waits in the
//! browser and goes when the network is back; a draft changed on another device leads to the
//! question which to keep.

use std::cell::Cell;
use std::rc::Rc;

use assistant_core::account::{Account, AccountId};
use assistant_core::api::draft::{
    Draft, KeptDraft, LocalCopy, Reconcile, RemoteCopy, may_keep_draft, reconcile,
};

use crate::backend::client::{Client, DraftWritten, RemoteDraft};
use crate::journey::progress::{Progress, SyncMark};

/// The draft of `progress`, as the API keeps it.
pub fn draft_of(progress: &Progress) -> Draft {
    Draft {
        answers: progress.answers.clone(),
        typed: progress.drafts.clone(),
        screen: progress.screen.clone(),
        idempotency_key: progress.idempotency_key.clone(),
    }
}

/// The progress of the API's `draft` at `version`, the same as it.
pub fn progress_of(draft: Draft, version: i64) -> Progress {
    Progress {
        answers: draft.answers,
        drafts: draft.typed,
        idempotency_key: draft.idempotency_key,
        screen: draft.screen,
        sync: SyncMark {
            synced: Some(version),
            unsent: false,
        },
    }
}

/// A draft of the API that differs from this copy: what it holds, its version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherCopy {
    /// The draft, with when it changed.
    pub kept: KeptDraft,
    /// Its version.
    pub version: i64,
}

/// What the notice above the journey says of the copy here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// The save here could not be read, and was removed.
    Discarded,
    /// The API's draft expired, and the copy here went with it.
    Expired,
    /// The API's draft was removed elsewhere, and the copy here went with it.
    Removed,
}

/// What opening an account's draft gives the journey.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    /// The progress to go on with.
    pub progress: Progress,
    /// The API's copy, when the person must choose between it and the one here.
    pub other: Option<OtherCopy>,
    /// What to tell.
    pub notice: Option<Notice>,
    /// Whether the copy here must be sent.
    pub send: bool,
}

/// Opens the draft of `account` with the `saved` copy here (none when nothing was saved): as it
/// is where the API keeps no draft for it, or when the API cannot be reached.
pub async fn open(client: &Client, account: &Account, saved: Option<Progress>) -> Opening {
    let stay = |progress: Option<Progress>| Opening {
        progress: progress.unwrap_or_default(),
        other: None,
        notice: None,
        send: false,
    };
    if !client.keeps_drafts() || may_keep_draft(account).is_err() {
        return stay(saved);
    }
    let Ok(remote) = client.draft(&account.id).await else {
        // Offline, or the API failed: the copy here, and it goes once a change is sent.
        return stay(saved);
    };
    let here = saved
        .as_ref()
        .map(|progress| (draft_of(progress), progress.sync));
    let local = here.as_ref().map(|(draft, mark)| LocalCopy {
        draft,
        synced: mark.synced,
        unsent: mark.unsent,
    });
    let remote_copy = match &remote {
        RemoteDraft::None => RemoteCopy::None,
        RemoteDraft::Expired => RemoteCopy::Expired,
        RemoteDraft::Kept { kept, version } => RemoteCopy::Kept {
            draft: &kept.draft,
            version: *version,
        },
    };
    let decision = reconcile(local, remote_copy);
    let mut progress = saved.unwrap_or_default();
    match (decision, remote) {
        (Reconcile::Same { version }, _) => {
            progress.sync = SyncMark {
                synced: version.or(progress.sync.synced),
                unsent: false,
            };
            stay(Some(progress))
        }
        (Reconcile::TakeRemote, RemoteDraft::Kept { kept, version }) => {
            stay(Some(progress_of(kept.draft, version)))
        }
        (Reconcile::Send { version }, _) => {
            progress.sync = SyncMark {
                synced: version,
                unsent: true,
            };
            Opening {
                send: true,
                ..stay(Some(progress))
            }
        }
        (Reconcile::Forget { expired }, _) => Opening {
            notice: Some(if expired {
                Notice::Expired
            } else {
                Notice::Removed
            }),
            ..stay(None)
        },
        (Reconcile::Ask, RemoteDraft::Kept { kept, version }) => Opening {
            other: Some(OtherCopy { kept, version }),
            ..stay(Some(progress))
        },
        // The core takes the API's, or asks, only of a draft the API holds.
        (Reconcile::TakeRemote | Reconcile::Ask, _) => stay(Some(progress)),
    }
}

/// What sending the copy here came to.
pub enum Sent {
    /// The API holds it, at this version.
    Saved(i64),
    /// The API holds another: the person must choose.
    Other(OtherCopy),
    /// It did not reach the API (offline, or a failure): it waits here.
    NotSent,
}

/// Sends `draft`, written over the API's version `over` (creating it when `None`), unless the
/// answers are being forgotten meanwhile (`halted`).
pub async fn send(
    client: &Client,
    account: &AccountId,
    over: Option<i64>,
    draft: &Draft,
    halted: impl Fn() -> bool,
) -> Sent {
    match client.put_draft(account, over, draft).await {
        Ok(DraftWritten::Saved { version }) => Sent::Saved(version),
        Ok(DraftWritten::Conflict {
            current: Some((kept, version)),
        }) => {
            if kept.draft.same_answers(draft) {
                Sent::Saved(version)
            } else {
                Sent::Other(OtherCopy { kept, version })
            }
        }
        // The API's draft went meanwhile (it expired): make it again.
        Ok(DraftWritten::Conflict { current: None }) if over.is_some() && !halted() => {
            match client.put_draft(account, None, draft).await {
                Ok(DraftWritten::Saved { version }) => Sent::Saved(version),
                _ => Sent::NotSent,
            }
        }
        Ok(DraftWritten::Conflict { current: None }) | Err(_) => Sent::NotSent,
    }
}

/// One send at a time: a change made while one is under way is sent once it ends.
#[derive(Clone, Default)]
pub struct Sender {
    under_way: Rc<Cell<bool>>,
    again: Rc<Cell<bool>>,
    halted: Rc<Cell<bool>>,
}

impl Sender {
    /// Whether a send may start now; else it is noted, to follow the one under way.
    pub fn start(&self) -> bool {
        if self.halted.get() {
            return false;
        }
        if self.under_way.get() {
            self.again.set(true);
            false
        } else {
            self.under_way.set(true);
            true
        }
    }

    /// The send under way ended: whether another must follow.
    pub fn ended(&self) -> bool {
        let again = self.again.replace(false) && !self.halted.get();
        self.under_way.set(again);
        again
    }

    /// The send under way stopped (the API holds another draft, or could not be reached): no
    /// other follows it, and the next change starts one.
    pub fn stopped(&self) {
        self.again.set(false);
        self.under_way.set(false);
    }

    /// The send under way goes on with another (what it sent changed meanwhile): whether it may.
    pub fn start_again(&self) -> bool {
        if self.halted.get() {
            self.stopped();
            return false;
        }
        self.under_way.set(true);
        true
    }

    /// Nothing more is sent (the answers are being forgotten).
    pub fn halt(&self) {
        self.halted.set(true);
    }

    /// Sending may go on (forgetting failed).
    pub fn resume(&self) {
        self.halted.set(false);
    }

    /// Whether nothing more may be sent.
    pub fn halted(&self) -> bool {
        self.halted.get()
    }
}
