//! How the app's copy of a draft and the API's come together when an account opens: the same,
//! take the API's, send this one, forget it, or ask the person.

use super::Draft;

/// The app's copy of a draft, as it stands to the API's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalCopy<'a> {
    /// What it holds.
    pub draft: &'a Draft,
    /// The API's version it was last the same as, if it ever was.
    pub synced: Option<i64>,
    /// Whether it changed since (its changes have not reached the API).
    pub unsent: bool,
}

/// The API's draft, as the app read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoteCopy<'a> {
    /// There is none.
    None,
    /// There was one, and it expired: the API removed it.
    Expired,
    /// This one, at this version.
    Kept {
        /// The draft.
        draft: &'a Draft,
        /// Its version (the ETag's number).
        version: i64,
    },
}

/// What the app does with its copy and the API's when an account opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reconcile {
    /// Nothing to do: there is nothing, or the two are the same (mark the copy as of `version`).
    Same {
        /// The API's version, when there is one.
        version: Option<i64>,
    },
    /// Take the API's: the copy here is older and holds nothing unsent.
    TakeRemote,
    /// Send the copy here: it holds what the API lacks (with `If-Match` of `version`, or
    /// creating the draft when there is none).
    Send {
        /// The version to name, `None` to create.
        version: Option<i64>,
    },
    /// The API removed its draft (it expired, was forgotten or the migration started) and the
    /// copy here holds nothing unsent: forget it too, and say so.
    Forget {
        /// Whether it expired (the notice says so).
        expired: bool,
    },
    /// Both changed since they were last the same: ask the person which to keep.
    Ask,
}

/// How the app's `local` copy and the API's `remote` draft come together.
pub fn reconcile(local: Option<LocalCopy<'_>>, remote: RemoteCopy<'_>) -> Reconcile {
    match (local, remote) {
        (None, RemoteCopy::None | RemoteCopy::Expired) => Reconcile::Same { version: None },
        (None, RemoteCopy::Kept { .. }) => Reconcile::TakeRemote,
        (Some(local), RemoteCopy::None | RemoteCopy::Expired) => {
            if local.unsent || local.synced.is_none() {
                Reconcile::Send { version: None }
            } else {
                Reconcile::Forget {
                    expired: remote == RemoteCopy::Expired,
                }
            }
        }
        (Some(local), RemoteCopy::Kept { draft, version }) => {
            if local.draft.same_answers(draft) {
                Reconcile::Same {
                    version: Some(version),
                }
            } else if local.synced == Some(version) {
                // The API has not changed since: what differs is this copy's.
                Reconcile::Send {
                    version: Some(version),
                }
            } else if local.unsent || local.synced.is_none() {
                // Changed here too, or never sent (a save from before drafts): both are someone's
                // work, and only the person can tell which to keep.
                Reconcile::Ask
            } else {
                Reconcile::TakeRemote
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::Answers;

    fn draft(email: &str) -> Draft {
        Draft {
            answers: Answers::default().with_work_email(email),
            ..Draft::default()
        }
    }

    #[test]
    fn the_copy_here_and_the_apis_come_together() {
        let (a, b) = (draft("a@fabrikam.example"), draft("b@fabrikam.example"));
        let local = |draft, synced, unsent| {
            Some(LocalCopy {
                draft,
                synced,
                unsent,
            })
        };
        let kept = |draft, version| RemoteCopy::Kept { draft, version };
        use Reconcile::*;
        assert_eq!(reconcile(None, RemoteCopy::None), Same { version: None });
        assert_eq!(reconcile(None, kept(&a, 2)), TakeRemote);
        assert_eq!(
            reconcile(local(&a, Some(2), false), kept(&a, 2)),
            Same { version: Some(2) }
        );
        assert_eq!(
            reconcile(local(&a, None, true), kept(&a, 5)),
            Same { version: Some(5) },
            "the same answers, however they came"
        );
        // Changed here while the API stayed: send it.
        assert_eq!(
            reconcile(local(&b, Some(2), true), kept(&a, 2)),
            Send { version: Some(2) }
        );
        // Changed there, nothing unsent here: take it.
        assert_eq!(
            reconcile(local(&a, Some(2), false), kept(&b, 3)),
            TakeRemote
        );
        // Changed in both: ask.
        assert_eq!(reconcile(local(&a, Some(2), true), kept(&b, 3)), Ask);
        assert_eq!(reconcile(local(&a, None, true), kept(&b, 1)), Ask);
        assert_eq!(
            reconcile(local(&a, None, false), kept(&b, 1)),
            Ask,
            "a save never sent is someone's work too"
        );
        // Only the screen differs: the same answers.
        let elsewhere = Draft {
            screen: Some("accounts/fabrikam/mpn-id".into()),
            ..a.clone()
        };
        assert_eq!(
            reconcile(local(&a, Some(1), true), kept(&elsewhere, 3)),
            Same { version: Some(3) }
        );
        // No draft there: send what is here, unless it had been sent and was removed since.
        assert_eq!(
            reconcile(local(&a, None, true), RemoteCopy::None),
            Send { version: None }
        );
        assert_eq!(
            reconcile(local(&a, Some(2), true), RemoteCopy::Expired),
            Send { version: None }
        );
        assert_eq!(
            reconcile(local(&a, Some(2), false), RemoteCopy::Expired),
            Forget { expired: true }
        );
        assert_eq!(
            reconcile(local(&a, Some(2), false), RemoteCopy::None),
            Forget { expired: false }
        );
    }
}
