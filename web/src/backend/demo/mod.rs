//! The embedded demo backend: the API contract answered inside the browser, for a static copy of
//! the app with no server. Same fixtures and the same decisions as the reference server (both ask
//! `assistant_core::api`); state is kept in local storage, so a reload keeps progress.
//!
//! It works at the level of requests and answers, so the app's client speaks to it exactly as it
//! speaks to a server, and the contract's shared scenarios run against it unchanged.

use assistant_core::account::{Account, MigrationStatus};
use assistant_core::api::draft::{
    DraftConflict, DraftRefusal, KeptDraft, draft_expired, draft_precondition, may_keep_draft,
    read_draft,
};
use assistant_core::api::{
    self, AccountDetail, AccountFacts, ChecklistTicks, FirstUse, MigrationState, Problem,
    ProblemCode, WorkEmailCheck, status_after_processing,
};
use assistant_core::config::FlowConfig;
use assistant_core::fixtures;
use assistant_core::flow::{MigrationRequest, MpnAnswer};
use assistant_core::mpn::{MpnId, MpnRecord};
use percent_encoding::percent_decode_str;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::backend::browser_idna::BrowserIdna;
pub use crate::backend::exchange::{ApiRequest, ApiResponse};
use crate::backend::{Unavailable, json_text};

mod state;

pub use state::STORAGE_KEY;
use state::{Kept, KeptVersion, Migration, Remembered};

/// The token the app signs in with on the demo backend: the default demo user.
pub const DEMO_TOKEN: &str = "demo-owner";
const NEWCOMER_TOKEN: &str = "demo-newcomer";

type Answer = Result<(u16, String, Option<String>), Problem>;

fn json(status: u16, value: &impl Serialize) -> Answer {
    Ok((status, json_text(value), None))
}

fn parse<T: DeserializeOwned>(request: &ApiRequest) -> Result<T, Problem> {
    serde_json::from_str(request.body.as_deref().unwrap_or_default())
        .map_err(|e| Problem::validation("body", e.to_string()))
}

/// What the client asks of the demo backend, whose code the release build loads as a chunk on
/// the first request.
pub trait DemoApi {
    /// Answers a request at `now_ms` (milliseconds since the epoch).
    fn handle(&mut self, request: &ApiRequest, now_ms: f64) -> ApiResponse;
    /// Puts the fixtures back, forgetting every change.
    fn reset(&mut self);
}

impl DemoApi for DemoBackend {
    fn handle(&mut self, request: &ApiRequest, now_ms: f64) -> ApiResponse {
        DemoBackend::handle(self, request, now_ms)
    }

    fn reset(&mut self) {
        DemoBackend::reset(self);
    }
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(demo, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn on_local_storage(migration_takes_ms: f64) -> Result<Box<dyn DemoApi>, Unavailable> {
    Ok(Box::new(DemoBackend::in_local_storage(migration_takes_ms)))
}

/// The demo on the browser's local storage, once its code is here.
pub async fn open(migration_takes_ms: f64) -> Result<Box<dyn DemoApi>, Unavailable> {
    crate::backend::call_split!(on_local_storage(migration_takes_ms))
}

/// The demo backend.
pub struct DemoBackend {
    kept: Kept,
    migration_takes_ms: f64,
}

impl DemoBackend {
    /// A demo on the browser's local storage (the saved state, or the fixtures when there is none
    /// or it cannot be read), whose migrations take `migration_takes_ms`.
    pub fn in_local_storage(migration_takes_ms: f64) -> Self {
        Self {
            kept: Kept::in_local_storage(),
            migration_takes_ms,
        }
    }

    /// A demo kept in memory only, from the fixtures.
    pub fn in_memory(migration_takes_ms: f64) -> Self {
        Self {
            kept: Kept::in_memory(),
            migration_takes_ms,
        }
    }

    /// Puts the fixtures back, forgetting every change.
    pub fn reset(&mut self) {
        self.kept.reset();
    }

    /// Answers a request at `now_ms` (milliseconds since the epoch).
    pub fn handle(&mut self, request: &ApiRequest, now_ms: f64) -> ApiResponse {
        self.kept.catch_up();
        self.complete_due_migrations(now_ms);
        match self.route(request, now_ms) {
            Ok((status, body, etag)) => ApiResponse {
                status,
                etag,
                retry_after: None,
                body,
            },
            Err(problem) => ApiResponse {
                status: problem.status,
                etag: None,
                retry_after: None,
                body: json_text(&problem),
            },
        }
    }

    fn complete_due_migrations(&mut self, now_ms: f64) {
        let mut changed = false;
        for account in &mut self.kept.state.accounts {
            let due = self
                .kept
                .state
                .migrations
                .get(account.id.as_str())
                .is_some_and(|m| m.completes_at_ms <= now_ms);
            if due {
                let completed = status_after_processing(account.migration_status);
                changed |= completed != account.migration_status;
                account.migration_status = completed;
            }
        }
        if changed {
            self.kept.save();
        }
    }

    fn route(&mut self, request: &ApiRequest, now_ms: f64) -> Answer {
        // As a server reads a path: each segment percent-decoded (one that does not decode names
        // nothing).
        let decoded = request
            .path
            .trim_start_matches('/')
            .split('/')
            .map(|segment| percent_decode_str(segment).decode_utf8().map(String::from))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| Problem::of(ProblemCode::NotFound))?;
        let segments: Vec<&str> = decoded.iter().map(String::as_str).collect();
        let method = request.method.as_str();
        if let (["v1", "config"], "GET") = (segments.as_slice(), method) {
            return json(200, &FlowConfig::default());
        }
        let viewer = self.viewer(request)?;
        match (segments.as_slice(), method) {
            (["v1", "accounts"], "GET") => json(200, &self.accounts_for(viewer)),
            (["v1", "mpn", id], "GET") => {
                let id =
                    MpnId::parse(id).map_err(|e| Problem::validation("mpn_id", e.to_string()))?;
                json(200, &fixtures::lookup_mpn(&id))
            }
            (["v1", "accounts", id, rest @ ..], _) => {
                let account = self.account_for(viewer, id)?;
                self.account_route(&account, rest, request, now_ms)
            }
            _ => Err(Problem::of(ProblemCode::NotFound)),
        }
    }

    fn account_route(
        &mut self,
        account: &Account,
        rest: &[&str],
        request: &ApiRequest,
        now_ms: f64,
    ) -> Answer {
        let id = account.id.as_str();
        match (rest, request.method.as_str()) {
            ([], "GET") => {
                let stored_mpn = stored_record(account);
                json(
                    200,
                    &AccountDetail {
                        account: account.clone(),
                        stored_mpn,
                    },
                )
            }
            (["offers"], "GET") => json(200, &fixtures::offers(id)),
            (["readiness"], "GET") => json(200, &fixtures::readiness(id)),
            (["work-email-check"], "POST") => {
                let check: WorkEmailCheck = parse(request)?;
                let new = new_record(check.mpn.as_ref());
                let stored = stored_record(account).map(|r| r.lookup);
                let facts = AccountFacts {
                    account,
                    stored_mpn: stored.as_ref(),
                    new_mpn: new.as_ref(),
                };
                json(200, &api::check_work_email(&facts, &check, &BrowserIdna)?)
            }
            (["migration"], "GET") => json(200, &self.migration(account)),
            (["migration"], "POST") => self.start_migration(account, request, now_ms),
            (["checklist"], "GET") => {
                let (version, ticks) = self.checklist(id);
                Ok((200, json_text(&ticks), Some(api::etag(version))))
            }
            (["checklist"], "PUT") => self.put_checklist(id, request),
            (["draft"], method) => {
                may_keep_draft(account)?;
                self.draft(id, method, request, now_ms as i64)
            }
            _ => Err(Problem::of(ProblemCode::NotFound)),
        }
    }

    fn viewer(&self, request: &ApiRequest) -> Result<&'static str, Problem> {
        match request.token.as_deref() {
            Some(DEMO_TOKEN) => Ok(DEMO_TOKEN),
            Some(NEWCOMER_TOKEN) => Ok(NEWCOMER_TOKEN),
            _ => Err(Problem::of(ProblemCode::Unauthorized)),
        }
    }

    fn accounts_for(&self, viewer: &str) -> Vec<Account> {
        if viewer == DEMO_TOKEN {
            self.kept.state.accounts.clone()
        } else {
            Vec::new()
        }
    }

    fn account_for(&self, viewer: &str, id: &str) -> Result<Account, Problem> {
        self.accounts_for(viewer)
            .into_iter()
            .find(|account| account.id.as_str() == id)
            .ok_or_else(|| Problem::of(ProblemCode::NotFound))
    }

    fn migration(&self, account: &Account) -> MigrationState {
        let migration = self.kept.state.migrations.get(account.id.as_str());
        MigrationState {
            status: account.migration_status,
            reference: migration.map(|m| m.reference.clone()),
            request: migration.map(|m| m.request.clone()),
        }
    }

    fn start_migration(&mut self, account: &Account, request: &ApiRequest, now_ms: f64) -> Answer {
        let key =
            api::idempotency_key(request.header("idempotency-key").map(str::as_bytes))?.to_owned();
        let sent: MigrationRequest = parse(request)?;
        let first = self.kept.state.idempotency.get(&key).map(|first| FirstUse {
            account: &first.account,
            request: &first.request,
            answer: &first.answer,
        });
        if let Some(answer) = api::replay(first, &account.id, &sent)? {
            return json(202, answer);
        }
        let new = new_record(Some(&sent.mpn));
        let stored = stored_record(account).map(|r| r.lookup);
        let facts = AccountFacts {
            account,
            stored_mpn: stored.as_ref(),
            new_mpn: new.as_ref(),
        };
        let allowed = api::decide_start(&facts, &sent, &BrowserIdna)?;

        let reference = format!("MIG-{:06}", self.kept.state.idempotency.len() + 1);
        let answer = MigrationState {
            status: MigrationStatus::InProgress,
            reference: Some(reference.clone()),
            request: Some(allowed.clone()),
        };
        let id = account.id.as_str().to_owned();
        let remembered_account = account.id.clone();
        if let Some(stored) = self
            .kept
            .state
            .accounts
            .iter_mut()
            .find(|a| a.id == account.id)
        {
            stored.migration_status = answer.status;
        }
        self.kept.state.migrations.insert(
            id.clone(),
            Migration {
                reference,
                request: allowed,
                completes_at_ms: now_ms + self.migration_takes_ms,
            },
        );
        self.forget_draft(&id);
        self.kept.state.idempotency.insert(
            key,
            Remembered {
                account: remembered_account,
                request: sent,
                answer: answer.clone(),
            },
        );
        self.kept.save();
        json(202, &answer)
    }

    /// The owner's draft of the account `id`: read, written or forgotten, as the server does.
    fn draft(&mut self, id: &str, method: &str, request: &ApiRequest, now_ms: i64) -> Answer {
        if let Some(kept) = self.kept.state.drafts.get_mut(id)
            && kept.draft.is_some()
            && draft_expired(kept.changed_at_ms, now_ms)
        {
            kept.draft = None;
            kept.expired = true;
        }
        let held = self.kept.state.drafts.get(id).cloned();
        let kept_draft = |held: &KeptVersion| {
            held.draft
                .clone()
                .map(|draft| KeptDraft::changed_at(draft, held.changed_at_ms))
        };
        match method {
            "GET" => match &held {
                Some(held) => match kept_draft(held) {
                    Some(kept) => Ok((200, json_text(&kept), Some(api::etag(held.version)))),
                    None if held.expired => Err(Problem::of(ProblemCode::DraftExpired)),
                    None => Err(Problem::of(ProblemCode::NotFound)),
                },
                None => Err(Problem::of(ProblemCode::NotFound)),
            },
            "PUT" => {
                let draft = read_draft(request.body.as_deref().unwrap_or_default().as_bytes())?;
                let current = held
                    .as_ref()
                    .filter(|held| held.draft.is_some())
                    .map(|held| held.version);
                match draft_precondition(
                    request.header("if-match"),
                    request.header("if-none-match"),
                    current,
                ) {
                    Ok(_) => {}
                    Err(DraftRefusal::Required(problem) | DraftRefusal::Invalid(problem)) => {
                        return Err(problem);
                    }
                    Err(DraftRefusal::Failed(problem)) => {
                        let conflict = DraftConflict {
                            problem,
                            current: held.as_ref().and_then(kept_draft),
                            etag: current.map(api::etag),
                        };
                        return Ok((412, json_text(&conflict), None));
                    }
                }
                let version = held.map_or(1, |held| held.version + 1);
                self.kept.state.drafts.insert(
                    id.to_owned(),
                    KeptVersion {
                        version,
                        changed_at_ms: now_ms,
                        draft: Some(draft.clone()),
                        expired: false,
                    },
                );
                self.kept.save();
                let kept = KeptDraft::changed_at(draft, now_ms);
                Ok((200, json_text(&kept), Some(api::etag(version))))
            }
            "DELETE" => {
                self.forget_draft(id);
                Ok((204, String::new(), None))
            }
            _ => Err(Problem::of(ProblemCode::NotFound)),
        }
    }

    /// Forgets the draft of the account `id`, keeping its version.
    fn forget_draft(&mut self, id: &str) {
        if let Some(kept) = self.kept.state.drafts.get_mut(id) {
            kept.draft = None;
            kept.expired = false;
        }
        self.kept.save();
    }

    /// The ticks of the account `id`, and their version.
    fn checklist(&self, id: &str) -> (i64, ChecklistTicks) {
        self.kept
            .state
            .checklists
            .get(id)
            .cloned()
            .unwrap_or_default()
    }

    fn put_checklist(&mut self, id: &str, request: &ApiRequest) -> Answer {
        let update: ChecklistTicks = parse(request)?;
        let (current, _) = self.checklist(id);
        api::if_match_version(request.header("if-match"), current)?;
        api::accept_ticks(
            &fixtures::offers(id),
            &fixtures::readiness(id),
            &update.ticks,
        )?;
        let version = current + 1;
        self.kept
            .state
            .checklists
            .insert(id.to_owned(), (version, update.clone()));
        self.kept.save();
        Ok((200, json_text(&update), Some(api::etag(version))))
    }
}

/// The registry's answer for the account's stored MPN ID, when it is well-formed.
fn stored_record(account: &Account) -> Option<MpnRecord> {
    fixtures::lookup_text(account.mpn_id.as_deref())
}

/// The registry's answer for a new MPN ID, when the answer has a well-formed one.
fn new_record(answer: Option<&MpnAnswer>) -> Option<MpnRecord> {
    match answer {
        Some(MpnAnswer::NewId(text)) => fixtures::lookup_text(Some(text)),
        Some(MpnAnswer::KeepOnFile) | None => None,
    }
}
