//! Invitations in the store: an account's members known by address, each taken by the first
//! identity that signs in with that address verified (the core's `identity::invitation`).

use assistant_core::identity::{self, Invitation};
use rusqlite::params;

use super::{Result, Store};

/// An address as invitations are kept: trimmed, ASCII letters in lower case
/// (`Admin@Fabrikam.example` is `admin@fabrikam.example`). Only ASCII is folded: a Unicode
/// lower-casing would make another string a provider verified (a Kelvin sign for a `k`) the
/// invited address.
pub(super) fn address_key(address: &str) -> String {
    address.trim().to_ascii_lowercase()
}

impl Store {
    /// What signing in as `person` with `address` (verified or not) does to the invitations to
    /// that address: those it may take become the person's memberships, in one transaction. Each
    /// invitation's outcome, by account, for the caller to log what matters.
    pub fn accept_invitations(
        &self,
        person: &str,
        address: &str,
        verified: bool,
    ) -> Result<Vec<(String, Invitation)>> {
        let tx = self.db.unchecked_transaction()?;
        let found: Vec<(String, String, Option<String>)> = tx
            .prepare("SELECT account_id, role, bound_to FROM invitations WHERE email = ?1")?
            .query_map([address_key(address)], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut outcomes = Vec::with_capacity(found.len());
        for (account, role, bound_to) in found {
            let outcome = identity::invitation(bound_to.as_deref(), person, verified);
            if outcome == Invitation::Binds {
                tx.execute(
                    "UPDATE invitations SET bound_to = ?1 WHERE email = ?2 AND account_id = ?3",
                    params![person, address_key(address), account],
                )?;
                tx.execute(
                    "INSERT OR IGNORE INTO memberships (user_id, account_id, role) VALUES (?1, ?2, ?3)",
                    params![person, account, role],
                )?;
            }
            outcomes.push((account, outcome));
        }
        tx.commit()?;
        Ok(outcomes)
    }
}
