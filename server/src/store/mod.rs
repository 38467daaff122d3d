//! Persistence in SQLite: schema migrations at start, the SPEC §4 fixtures on first start.
//!
//! The store keeps facts; what they mean (who may migrate, which request is refused) is the
//! core's to decide, in the handlers.

use std::path::Path;
use std::sync::Arc;

use assistant_core::account::{Account, AccountId, MigrationStatus};
use assistant_core::api::{self, MigrationState, status_after_processing};
use assistant_core::checklist::Ticks;
use assistant_core::fixtures;
use assistant_core::flow::MigrationRequest;
use assistant_core::mpn::{MpnId, MpnLookup, MpnRecord};
use assistant_core::offer::{Offer, Readiness};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::clock::Clock;

mod drafts;
mod invitations;

pub use drafts::StoredDraft;
use invitations::address_key;

/// The demo bearer tokens and the users they sign in as.
pub const DEMO_TOKENS: [(&str, &str); 2] = [
    ("demo-owner", "demo-owner"),
    ("demo-newcomer", "demo-newcomer"),
];

/// Each schema version, applied in order to a database that has fewer.
const MIGRATIONS: [&str; 3] = ["
    CREATE TABLE users (token TEXT PRIMARY KEY, user_id TEXT NOT NULL);
    CREATE TABLE accounts (id TEXT PRIMARY KEY, position INTEGER NOT NULL, body TEXT NOT NULL);
    CREATE TABLE memberships (
        user_id TEXT NOT NULL, account_id TEXT NOT NULL REFERENCES accounts(id), role TEXT NOT NULL,
        PRIMARY KEY (user_id, account_id));
    CREATE TABLE mpn_registry (id TEXT PRIMARY KEY, lookup TEXT NOT NULL);
    CREATE TABLE offers (account_id TEXT NOT NULL, position INTEGER NOT NULL, body TEXT NOT NULL,
        PRIMARY KEY (account_id, position));
    CREATE TABLE readiness (account_id TEXT PRIMARY KEY, body TEXT NOT NULL);
    CREATE TABLE migrations (account_id TEXT PRIMARY KEY, reference TEXT NOT NULL, request TEXT NOT NULL,
        completes_at_ms INTEGER NOT NULL);
    CREATE TABLE idempotency (user_id TEXT NOT NULL, key TEXT NOT NULL, account_id TEXT NOT NULL,
        request TEXT NOT NULL, response TEXT NOT NULL, PRIMARY KEY (user_id, key));
    CREATE TABLE checklist (account_id TEXT PRIMARY KEY, version INTEGER NOT NULL, ticks TEXT NOT NULL);
", "
    CREATE TABLE invitations (
        email TEXT NOT NULL, account_id TEXT NOT NULL REFERENCES accounts(id), role TEXT NOT NULL,
        bound_to TEXT, PRIMARY KEY (email, account_id));
    INSERT INTO invitations (email, account_id, role)
        SELECT substr(user_id, 7), account_id, role FROM memberships WHERE user_id LIKE 'email:%';
    DELETE FROM memberships WHERE user_id LIKE 'email:%';
", "
    CREATE TABLE drafts (
        user_id TEXT NOT NULL, account_id TEXT NOT NULL REFERENCES accounts(id),
        version INTEGER NOT NULL, changed_at_ms INTEGER NOT NULL, body TEXT, expired INTEGER NOT NULL,
        PRIMARY KEY (user_id, account_id));
"];

/// A failure of the store itself (not of the request).
#[derive(Debug)]
pub struct StoreError(pub String);

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        Self(error.to_string())
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(error: serde_json::Error) -> Self {
        Self(error.to_string())
    }
}

type Result<T> = std::result::Result<T, StoreError>;

fn to_json(value: &impl Serialize) -> Result<String> {
    Ok(serde_json::to_string(value)?)
}

fn from_json<T: DeserializeOwned>(text: &str) -> Result<T> {
    Ok(serde_json::from_str(text)?)
}

/// Which accounts a new (or reset) database starts with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Fixtures {
    /// SPEC §4's accounts.
    #[default]
    Spec,
    /// SPEC §4's accounts and, after them, accounts whose names, offer names and tenant names
    /// are hostile text (`assistant_core::fixtures::hostile`), for tests.
    WithHostileNames,
    /// SPEC §4's accounts and, after them, 200 generated ones, one with 500 offers
    /// (`assistant_core::fixtures::scale`), for the benchmark.
    AtScale,
}

/// The first use of an idempotency key, as stored.
#[derive(Debug, Clone)]
pub struct FirstUse {
    /// The account it started a migration of.
    pub account: AccountId,
    /// The request as it was sent.
    pub request: MigrationRequest,
    /// The answer it got.
    pub answer: MigrationState,
}

impl FirstUse {
    /// As the core takes it.
    pub fn as_api(&self) -> api::FirstUse<'_> {
        api::FirstUse {
            account: &self.account,
            request: &self.request,
            answer: &self.answer,
        }
    }
}

/// The database of the reference server.
pub struct Store {
    db: Connection,
    fixtures: Fixtures,
    clock: Arc<dyn Clock>,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, or an in-memory one for `None`;
    /// applies the schema migrations and seeds `fixtures` into an empty database. Migrations
    /// complete by `clock`.
    pub fn open(path: Option<&Path>, fixtures: Fixtures, clock: Arc<dyn Clock>) -> Result<Self> {
        let db = match path {
            Some(path) => Connection::open(path)?,
            None => Connection::open_in_memory()?,
        };
        db.pragma_update(None, "foreign_keys", "ON")?;
        let store = Self {
            db,
            fixtures,
            clock,
        };
        store.migrate()?;
        if store
            .db
            .query_row("SELECT COUNT(*) FROM accounts", [], |row| {
                row.get::<_, i64>(0)
            })?
            == 0
        {
            store.seed()?;
        }
        Ok(store)
    }

    fn migrate(&self) -> Result<()> {
        let version: i64 = self
            .db
            .pragma_query_value(None, "user_version", |row| row.get(0))?;
        let applied = usize::try_from(version).unwrap_or(0);
        for (index, migration) in MIGRATIONS.iter().enumerate().skip(applied) {
            self.db.execute_batch(&format!(
                "BEGIN; {migration} PRAGMA user_version = {}; COMMIT;",
                index + 1
            ))?;
        }
        Ok(())
    }

    /// Puts the fixtures back, forgetting every change.
    pub fn reset(&self) -> Result<()> {
        self.db.execute_batch(
            "DELETE FROM drafts; DELETE FROM idempotency; DELETE FROM migrations; DELETE FROM checklist; DELETE FROM readiness;
             DELETE FROM offers; DELETE FROM memberships; DELETE FROM invitations;
             DELETE FROM mpn_registry; DELETE FROM users; DELETE FROM accounts;",
        )?;
        self.seed()
    }

    fn seed(&self) -> Result<()> {
        let tx = self.db.unchecked_transaction()?;
        for (token, user) in DEMO_TOKENS {
            tx.execute(
                "INSERT INTO users (token, user_id) VALUES (?1, ?2)",
                params![token, user],
            )?;
        }
        let mut accounts = fixtures::accounts();
        let mut mpn_records = fixtures::mpn_records();
        let hostile = self.fixtures == Fixtures::WithHostileNames;
        if hostile {
            accounts.extend(fixtures::hostile::accounts());
            mpn_records.extend(fixtures::hostile::mpn_records());
        }
        if self.fixtures == Fixtures::AtScale {
            accounts.extend(fixtures::scale::accounts());
        }
        for (position, account) in (0_i64..).zip(accounts) {
            let id = account.id.as_str();
            let is_hostile = fixtures::hostile::ACCOUNT_IDS.contains(&id);
            let (offers, readiness) = if is_hostile {
                (
                    fixtures::hostile::offers(id),
                    fixtures::hostile::readiness(id),
                )
            } else if fixtures::scale::is_generated(id) {
                (fixtures::scale::offers(id), fixtures::scale::readiness(id))
            } else {
                (fixtures::offers(id), fixtures::readiness(id))
            };
            tx.execute(
                "INSERT INTO accounts (id, position, body) VALUES (?1, ?2, ?3)",
                params![id, position, to_json(&account)?],
            )?;
            // The demo owner sees every account; a user signed in for real is invited by the
            // account's sign-in address, and becomes a member when they first sign in with it.
            tx.execute(
                "INSERT INTO memberships (user_id, account_id, role) VALUES (?1, ?2, ?3)",
                params!["demo-owner", id, to_json(&account.viewer_role)?],
            )?;
            tx.execute(
                "INSERT INTO invitations (email, account_id, role) VALUES (?1, ?2, ?3)",
                params![
                    address_key(&account.sign_in.email),
                    id,
                    to_json(&account.viewer_role)?
                ],
            )?;
            for (position, offer) in (0_i64..).zip(offers) {
                tx.execute(
                    "INSERT INTO offers (account_id, position, body) VALUES (?1, ?2, ?3)",
                    params![id, position, to_json(&offer)?],
                )?;
            }
            tx.execute(
                "INSERT INTO readiness (account_id, body) VALUES (?1, ?2)",
                params![id, to_json(&readiness)?],
            )?;
        }
        for (email, account, role) in fixtures::more_invitations() {
            tx.execute(
                "INSERT INTO invitations (email, account_id, role) VALUES (?1, ?2, ?3)",
                params![address_key(email), account.as_str(), to_json(&role)?],
            )?;
        }
        for record in mpn_records {
            tx.execute(
                "INSERT INTO mpn_registry (id, lookup) VALUES (?1, ?2)",
                params![record.id.as_str(), to_json(&record.lookup)?],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The user a bearer token signs in as.
    pub fn user_for_token(&self, token: &str) -> Result<Option<String>> {
        Ok(self
            .db
            .query_row(
                "SELECT user_id FROM users WHERE token = ?1",
                [token],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// Completes migrations whose time has come.
    fn process_migrations(&self) -> Result<()> {
        let due: Vec<String> = self
            .db
            .prepare("SELECT account_id FROM migrations WHERE completes_at_ms <= ?1")?
            .query_map([self.clock.now_ms()], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in due {
            let body: String =
                self.db
                    .query_row("SELECT body FROM accounts WHERE id = ?1", [&id], |row| {
                        row.get(0)
                    })?;
            let mut account: Account = from_json(&body)?;
            let completed = status_after_processing(account.migration_status);
            if completed != account.migration_status {
                account.migration_status = completed;
                self.db.execute(
                    "UPDATE accounts SET body = ?1 WHERE id = ?2",
                    params![to_json(&account)?, id],
                )?;
            }
        }
        Ok(())
    }

    /// The accounts the user sees, each with the user's role on it.
    pub fn accounts_for(&self, user: &str) -> Result<Vec<Account>> {
        self.process_migrations()?;
        let mut statement = self.db.prepare(
            "SELECT a.body, m.role FROM accounts a JOIN memberships m ON m.account_id = a.id
             WHERE m.user_id = ?1 ORDER BY a.position",
        )?;
        let rows: Vec<(String, String)> = statement
            .query_map([user], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        rows.into_iter()
            .map(|(body, role)| {
                let mut account: Account = from_json(&body)?;
                account.viewer_role = from_json(&role)?;
                Ok(account)
            })
            .collect()
    }

    /// One account the user sees; `None` for an unknown account or one of someone else.
    pub fn account_for(&self, user: &str, id: &AccountId) -> Result<Option<Account>> {
        Ok(self
            .accounts_for(user)?
            .into_iter()
            .find(|account| account.id == *id))
    }

    /// What the registry says of an MPN ID.
    pub fn lookup_mpn(&self, id: &MpnId) -> Result<MpnRecord> {
        let lookup: Option<String> = self
            .db
            .query_row(
                "SELECT lookup FROM mpn_registry WHERE id = ?1",
                [id.as_str()],
                |row| row.get(0),
            )
            .optional()?;
        let lookup = match lookup {
            Some(text) => from_json(&text)?,
            None => MpnLookup::NotFound,
        };
        Ok(MpnRecord {
            id: id.clone(),
            lookup,
        })
    }

    /// The account's offers.
    pub fn offers(&self, account: &AccountId) -> Result<Vec<Offer>> {
        self.db
            .prepare("SELECT body FROM offers WHERE account_id = ?1 ORDER BY position")?
            .query_map([account.as_str()], |row| row.get::<_, String>(0))?
            .map(|body| from_json(&body?))
            .collect()
    }

    /// The account's readiness facts.
    pub fn readiness(&self, account: &AccountId) -> Result<Readiness> {
        let body: Option<String> = self
            .db
            .query_row(
                "SELECT body FROM readiness WHERE account_id = ?1",
                [account.as_str()],
                |row| row.get(0),
            )
            .optional()?;
        body.map_or(Ok(Readiness::default()), |body| from_json(&body))
    }

    /// The account's migration, as the status endpoint shows it.
    pub fn migration(&self, account: &Account) -> Result<MigrationState> {
        let row: Option<(String, String)> = self
            .db
            .query_row(
                "SELECT reference, request FROM migrations WHERE account_id = ?1",
                [account.id.as_str()],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        let (reference, request) = match row {
            Some((reference, request)) => (Some(reference), Some(from_json(&request)?)),
            None => (None, None),
        };
        Ok(MigrationState {
            status: account.migration_status,
            reference,
            request,
        })
    }

    /// The first use of this idempotency key by the user, if any.
    pub fn idempotency_first_use(&self, user: &str, key: &str) -> Result<Option<FirstUse>> {
        let row: Option<(String, String, String)> = self
            .db
            .query_row(
                "SELECT account_id, request, response FROM idempotency WHERE user_id = ?1 AND key = ?2",
                params![user, key],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()?;
        row.map(|(account, request, response)| {
            Ok(FirstUse {
                account: AccountId::parse(&account).map_err(|e| StoreError(e.to_string()))?,
                request: from_json(&request)?,
                answer: from_json(&response)?,
            })
        })
        .transpose()
    }

    /// Starts the migration the core allowed (`request`), remembering the answer under the
    /// idempotency key with the request as it was sent (`as_sent`).
    pub fn start_migration(
        &self,
        idempotency: (&str, &str),
        as_sent: &MigrationRequest,
        account: &Account,
        request: &MigrationRequest,
        takes_ms: i64,
    ) -> Result<MigrationState> {
        let (user, key) = idempotency;
        let tx = self.db.unchecked_transaction()?;
        // One reference per migration ever started (a failed one started again gets a new one).
        let count: i64 = tx.query_row("SELECT COUNT(*) FROM idempotency", [], |row| row.get(0))?;
        let reference = format!("MIG-{:06}", count + 1);
        let mut started = account.clone();
        started.migration_status = MigrationStatus::InProgress;
        tx.execute(
            "UPDATE accounts SET body = ?1 WHERE id = ?2",
            params![to_json(&started)?, account.id.as_str()],
        )?;
        tx.execute(
            "INSERT OR REPLACE INTO migrations (account_id, reference, request, completes_at_ms) VALUES (?1, ?2, ?3, ?4)",
            params![account.id.as_str(), reference, to_json(request)?, self.clock.now_ms() + takes_ms],
        )?;
        let state = MigrationState {
            status: MigrationStatus::InProgress,
            reference: Some(reference),
            request: Some(request.clone()),
        };
        tx.execute(
            "INSERT INTO idempotency (user_id, key, account_id, request, response) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![user, key, account.id.as_str(), to_json(as_sent)?, to_json(&state)?],
        )?;
        // What the owners had typed towards it is of no more use (the versions stay).
        tx.execute(
            "UPDATE drafts SET body = NULL, expired = 0 WHERE account_id = ?1",
            [account.id.as_str()],
        )?;
        tx.commit()?;
        Ok(state)
    }

    /// How many migrations were ever started for an account (for tests of idempotency).
    pub fn migrations_started(&self, account: &str) -> Result<i64> {
        Ok(self.db.query_row(
            "SELECT COUNT(*) FROM idempotency WHERE account_id = ?1",
            [account],
            |row| row.get(0),
        )?)
    }

    /// The account's checklist ticks and their version.
    pub fn ticks(&self, account: &AccountId) -> Result<(i64, Ticks)> {
        let row: Option<(i64, String)> = self
            .db
            .query_row(
                "SELECT version, ticks FROM checklist WHERE account_id = ?1",
                [account.as_str()],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        match row {
            Some((version, ticks)) => Ok((version, from_json(&ticks)?)),
            None => Ok((0, Ticks::default())),
        }
    }

    /// Saves the account's ticks as `version`.
    pub fn save_ticks(&self, account: &AccountId, version: i64, ticks: &Ticks) -> Result<()> {
        self.db.execute(
            "INSERT INTO checklist (account_id, version, ticks) VALUES (?1, ?2, ?3)
             ON CONFLICT(account_id) DO UPDATE SET version = excluded.version, ticks = excluded.ticks",
            params![account.as_str(), version, to_json(ticks)?],
        )?;
        Ok(())
    }
}
