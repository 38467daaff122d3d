//! Drafts in the store: each user's draft of an account, its version (which goes on across an
//! expiry, a forgetting and a migration, so no ETag names two drafts), and its expiry.

use assistant_core::account::AccountId;
use assistant_core::api::Problem;
use assistant_core::api::draft::{DRAFT_KEPT_FOR_DAYS, Draft, KeptDraft, draft_expired};
use rusqlite::{Connection, OptionalExtension, params};

use super::{Result, Store, from_json, to_json};

/// A user's draft of an account, as the store holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoredDraft {
    /// None.
    None,
    /// One that expired (its answers are gone), at this version.
    Expired {
        /// Its version.
        version: i64,
    },
    /// One that was forgotten, or went with the start of the migration: no draft, though its
    /// version stays, so no later draft has a version an earlier one had.
    Gone {
        /// Its version.
        version: i64,
    },
    /// This one, at this version.
    Kept {
        /// Its version.
        version: i64,
        /// The draft, with when it changed.
        kept: KeptDraft,
    },
}

const DAY_MS: i64 = 86_400_000;

/// The user's draft of an account, emptying it if it expired by `now_ms`; one whose answers went
/// long enough ago is no draft at all.
fn read_draft(
    db: &Connection,
    user: &str,
    account: &AccountId,
    now_ms: i64,
) -> Result<StoredDraft> {
    let row: Option<(i64, i64, Option<String>, bool)> = db
        .query_row(
            "SELECT version, changed_at_ms, body, expired FROM drafts WHERE user_id = ?1 AND account_id = ?2",
            params![user, account.as_str()],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
        )
        .optional()?;
    let Some((version, changed_at_ms, body, expired)) = row else {
        return Ok(StoredDraft::None);
    };
    if body.is_none() && !expired {
        return Ok(StoredDraft::Gone { version });
    }
    if now_ms.saturating_sub(changed_at_ms) >= 2 * DRAFT_KEPT_FOR_DAYS * DAY_MS {
        return Ok(StoredDraft::Gone { version });
    }
    match body {
        Some(body) if !draft_expired(changed_at_ms, now_ms) => Ok(StoredDraft::Kept {
            version,
            kept: KeptDraft::changed_at(from_json(&body)?, changed_at_ms),
        }),
        Some(_) => {
            db.execute(
                "UPDATE drafts SET body = NULL, expired = 1 WHERE user_id = ?1 AND account_id = ?2",
                params![user, account.as_str()],
            )?;
            Ok(StoredDraft::Expired { version })
        }
        None => Ok(StoredDraft::Expired { version }),
    }
}

impl Store {
    /// The user's draft of an account at `now_ms`: an expired one is emptied here (its record
    /// stays, without the answers, so the owner can be told it expired).
    pub fn draft(&self, user: &str, account: &AccountId, now_ms: i64) -> Result<StoredDraft> {
        let tx = self.db.unchecked_transaction()?;
        let found = read_draft(&tx, user, account, now_ms)?;
        tx.commit()?;
        Ok(found)
    }

    /// Writes the user's draft of an account when `precondition` allows it against the draft
    /// held: its new version and the draft as kept; or the refusal, with the draft held.
    pub fn put_draft(
        &self,
        user: &str,
        account: &AccountId,
        draft: &Draft,
        precondition: impl FnOnce(Option<i64>) -> std::result::Result<(), Problem>,
        now_ms: i64,
    ) -> Result<std::result::Result<(i64, KeptDraft), (Problem, StoredDraft)>> {
        let tx = self.db.unchecked_transaction()?;
        let held = read_draft(&tx, user, account, now_ms)?;
        let current = match &held {
            StoredDraft::Kept { version, .. } => Some(*version),
            StoredDraft::None | StoredDraft::Expired { .. } | StoredDraft::Gone { .. } => None,
        };
        if let Err(problem) = precondition(current) {
            return Ok(Err((problem, held)));
        }
        // Versions go on across an expiry, a forgetting and a migration, so no ETag names two
        // drafts (a device behind never writes over a newer draft with an old version).
        let version = match &held {
            StoredDraft::Kept { version, .. }
            | StoredDraft::Expired { version }
            | StoredDraft::Gone { version } => version + 1,
            StoredDraft::None => 1,
        };
        tx.execute(
            "INSERT OR REPLACE INTO drafts (user_id, account_id, version, changed_at_ms, body, expired)
             VALUES (?1, ?2, ?3, ?4, ?5, 0)",
            params![user, account.as_str(), version, now_ms, to_json(draft)?],
        )?;
        tx.commit()?;
        Ok(Ok((version, KeptDraft::changed_at(draft.clone(), now_ms))))
    }

    /// Forgets the user's draft of an account (its version stays).
    pub fn delete_draft(&self, user: &str, account: &AccountId) -> Result<()> {
        self.db.execute(
            "UPDATE drafts SET body = NULL, expired = 0 WHERE user_id = ?1 AND account_id = ?2",
            params![user, account.as_str()],
        )?;
        Ok(())
    }

    /// Removes the answers of every draft expired at `now_ms`, and the records of those that
    /// expired long enough ago to tell no one any more; how many drafts it emptied.
    pub fn purge_drafts(&self, now_ms: i64) -> Result<usize> {
        let kept_for = DRAFT_KEPT_FOR_DAYS * DAY_MS;
        let emptied = self.db.execute(
            "UPDATE drafts SET body = NULL, expired = 1 WHERE body IS NOT NULL AND changed_at_ms <= ?1",
            [now_ms.saturating_sub(kept_for)],
        )?;
        self.db.execute(
            "DELETE FROM drafts WHERE body IS NULL AND changed_at_ms <= ?1",
            [now_ms.saturating_sub(2 * kept_for)],
        )?;
        Ok(emptied)
    }
}
