//! Drafts (`/v1/accounts/{id}/draft`): a signed-in owner's answers kept by the API for
//! [`DRAFT_KEPT_FOR_DAYS`] days after their last change, so they come back on any device. What
//! a draft holds, who may keep one, which write is refused with which problem, when it expires;
//! and, for the app, how its own copy and the API's come together ([`reconcile`], in
//! `reconcile.rs`).

use serde::{Deserialize, Serialize};

use crate::account::{Account, MigrationStatus, Role};
use crate::api::{Problem, ProblemCode};
use crate::flow::Answers;

mod reconcile;

pub use reconcile::{LocalCopy, Reconcile, RemoteCopy, reconcile};

/// The largest draft the API keeps, in bytes of its JSON body.
pub const MAX_DRAFT_BYTES: usize = 16 * 1024;

/// How long a draft is kept after its last change.
pub const DRAFT_KEPT_FOR_DAYS: i64 = 30;

const DAY_MS: i64 = 86_400_000;

/// The longest screen path a draft names.
const MAX_SCREEN_CHARS: usize = 300;

/// What is typed but not yet given as an answer (Continue not pressed).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Typed {
    /// The work email field, as typed.
    pub work_email: Option<String>,
    /// The new MPN ID field, as typed.
    pub mpn_id: Option<String>,
}

/// A draft: an owner's answers, what they typed, the screen they were on and their
/// submission's idempotency key, as the browser keeps them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    /// The answers given.
    pub answers: Answers,
    /// What is typed but not yet given.
    pub typed: Typed,
    /// The path of the screen last shown (below the app's base path).
    pub screen: Option<String>,
    /// The key of the submission, kept before it is sent.
    pub idempotency_key: Option<String>,
}

impl Draft {
    /// Whether it holds the same answers as `other`: what is given, what is typed and the
    /// submission's key. The screen shown is not an answer: two copies that differ only in it
    /// are the same to keep.
    pub fn same_answers(&self, other: &Draft) -> bool {
        self.answers == other.answers
            && self.typed == other.typed
            && self.idempotency_key == other.idempotency_key
    }
}

/// A draft as the API gives it: with when it last changed and when it will be removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptDraft {
    /// The draft.
    pub draft: Draft,
    /// When it last changed, in milliseconds since the epoch.
    pub changed_at_ms: i64,
    /// When it will be removed unless it changes again.
    pub expires_at_ms: i64,
}

impl KeptDraft {
    /// `draft` as changed at `changed_at_ms`.
    pub fn changed_at(draft: Draft, changed_at_ms: i64) -> Self {
        Self {
            draft,
            changed_at_ms,
            expires_at_ms: changed_at_ms.saturating_add(DRAFT_KEPT_FOR_DAYS * DAY_MS),
        }
    }

    /// Whether it has expired at `now_ms`.
    pub fn expired(&self, now_ms: i64) -> bool {
        draft_expired(self.changed_at_ms, now_ms)
    }
}

/// Whether a draft last changed at `changed_at_ms` has expired at `now_ms`.
pub fn draft_expired(changed_at_ms: i64, now_ms: i64) -> bool {
    now_ms.saturating_sub(changed_at_ms) >= DRAFT_KEPT_FOR_DAYS * DAY_MS
}

/// The answer of a `PUT` whose precondition failed (`412`): the problem, and the draft the API
/// holds with its ETag (none when there is no draft), so the app can ask which to keep.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftConflict {
    /// The problem (`precondition_failed`).
    #[serde(flatten)]
    pub problem: Problem,
    /// The draft the API holds.
    #[serde(default)]
    pub current: Option<KeptDraft>,
    /// Its ETag.
    #[serde(default)]
    pub etag: Option<String>,
}

/// Whether the viewer may keep a draft of `account`: only an owner who may still start its
/// migration (the same refusals as starting it).
pub fn may_keep_draft(account: &Account) -> Result<(), Problem> {
    if account.viewer_role != Role::Owner {
        return Err(Problem::new(
            ProblemCode::NotOwner,
            "only an owner keeps a draft",
        ));
    }
    match account.migration_status {
        MigrationStatus::NotMigrated | MigrationStatus::Failed => Ok(()),
        MigrationStatus::Migrated => Err(Problem::new(
            ProblemCode::AlreadyMigrated,
            "the account is already migrated",
        )),
        MigrationStatus::InProgress => Err(Problem::new(
            ProblemCode::Conflict,
            "a migration is already under way",
        )),
    }
}

/// Reads a `PUT`'s body of `body` as a draft: at most [`MAX_DRAFT_BYTES`], a screen that is a
/// path, an idempotency key as the migration takes it.
pub fn read_draft(body: &[u8]) -> Result<Draft, Problem> {
    if body.len() > MAX_DRAFT_BYTES {
        return Err(Problem::new(
            ProblemCode::PayloadTooLarge,
            "a draft is at most 16 KiB",
        ));
    }
    let value: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| Problem::validation("draft", e.to_string()))?;
    // Objects only, where serde's derived readers would also take an array by position.
    let object = value
        .as_object()
        .ok_or_else(|| Problem::validation("draft", "a JSON object"))?;
    for part in ["answers", "typed"] {
        if object.get(part).is_some_and(|member| !member.is_object()) {
            return Err(Problem::validation(part, "a JSON object"));
        }
    }
    let draft: Draft =
        serde_json::from_value(value).map_err(|e| Problem::validation("draft", e.to_string()))?;
    if let Some(screen) = &draft.screen
        && !is_screen_path(screen)
    {
        return Err(Problem::validation(
            "screen",
            "a path of the app, at most 300 characters",
        ));
    }
    if let Some(key) = &draft.idempotency_key {
        crate::api::idempotency_key(Some(key.as_bytes()))?;
    }
    Ok(draft)
}

/// Whether `screen` can be a path of the app's own, as it names its screens below its base path
/// (`accounts/fabrikam/mpn-id`: data in it is percent-encoded): at most [`MAX_SCREEN_CHARS`]
/// characters, no control character, and nothing an address could read as another origin (a
/// scheme's `:`, a leading `/` or `\`).
fn is_screen_path(screen: &str) -> bool {
    screen.chars().count() <= MAX_SCREEN_CHARS
        && !screen
            .chars()
            .any(|c| c.is_control() || c == ':' || c == '\\')
        && !screen.starts_with('/')
}

/// What a `PUT` does, once its precondition holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftWrite {
    /// There is no draft: this one is the first.
    Create,
    /// It replaces the draft of the version named.
    Replace,
}

/// Why a `PUT`'s precondition does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftRefusal {
    /// A draft exists and no `If-Match` names it: `428`.
    Required(Problem),
    /// The header names another version, or `If-None-Match: *` finds a draft: `412`, with the
    /// current draft.
    Failed(Problem),
    /// An `If-None-Match` other than `*`, which a draft never needs: `422`.
    Invalid(Problem),
}

/// Whether a `PUT` with `if_match` and `if_none_match` may write over the draft at version
/// `current` (none: no draft). `If-None-Match: *` creates; a draft that exists is replaced only
/// with an `If-Match` that names its version (`*` names any).
///
/// ```
/// use assistant_core::api::draft::{DraftWrite, draft_precondition};
///
/// assert_eq!(draft_precondition(None, Some("*"), None), Ok(DraftWrite::Create));
/// assert_eq!(draft_precondition(Some("\"3\""), None, Some(3)), Ok(DraftWrite::Replace));
/// assert!(draft_precondition(None, None, Some(3)).is_err());
/// ```
pub fn draft_precondition(
    if_match: Option<&str>,
    if_none_match: Option<&str>,
    current: Option<i64>,
) -> Result<DraftWrite, DraftRefusal> {
    let failed = || {
        DraftRefusal::Failed(Problem::new(
            ProblemCode::PreconditionFailed,
            "the draft changed since it was read",
        ))
    };
    if let Some(tag) = if_none_match {
        return match (tag.trim(), current) {
            ("*", None) => Ok(DraftWrite::Create),
            ("*", Some(_)) => Err(failed()),
            _ => Err(DraftRefusal::Invalid(Problem::validation(
                "If-None-Match",
                "only * is taken: create the draft if there is none",
            ))),
        };
    }
    match (if_match, current) {
        (None, None) => Ok(DraftWrite::Create),
        (None, Some(_)) => Err(DraftRefusal::Required(Problem::new(
            ProblemCode::PreconditionRequired,
            "an If-Match header is required to change a draft",
        ))),
        (Some(_), None) => Err(failed()),
        (Some(tag), Some(version)) => {
            let tag = tag.trim();
            let named = tag == "*"
                || tag
                    .trim_start_matches("W/")
                    .trim_matches('"')
                    .parse::<i64>()
                    .is_ok_and(|named| named == version);
            if named {
                Ok(DraftWrite::Replace)
            } else {
                Err(failed())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_expires_thirty_days_after_its_last_change() {
        let kept = KeptDraft::changed_at(Draft::default(), 1_000);
        assert_eq!(kept.expires_at_ms, 1_000 + 30 * DAY_MS);
        assert!(!kept.expired(1_000 + 30 * DAY_MS - 1));
        assert!(kept.expired(1_000 + 30 * DAY_MS));
    }

    #[test]
    fn only_an_owner_who_may_still_migrate_keeps_a_draft() {
        let mut account = crate::fixtures::account("fabrikam").unwrap();
        assert_eq!(may_keep_draft(&account), Ok(()));
        account.viewer_role = Role::Developer;
        assert_eq!(
            may_keep_draft(&account).unwrap_err().code,
            ProblemCode::NotOwner
        );
        let mut migrated = crate::fixtures::account("contoso").unwrap();
        assert_eq!(
            may_keep_draft(&migrated).unwrap_err().code,
            ProblemCode::AlreadyMigrated
        );
        migrated.migration_status = MigrationStatus::InProgress;
        assert_eq!(
            may_keep_draft(&migrated).unwrap_err().code,
            ProblemCode::Conflict
        );
    }

    #[test]
    fn a_draft_is_at_most_sixteen_kibibytes_with_a_path_and_a_key_as_the_migration_takes() {
        let big = serde_json::json!({"typed": {"work_email": "a".repeat(MAX_DRAFT_BYTES)}});
        assert_eq!(
            read_draft(big.to_string().as_bytes()).unwrap_err().code,
            ProblemCode::PayloadTooLarge
        );
        for body in [
            serde_json::json!({"screen": "https://evil.example/accounts"}),
            serde_json::json!({"screen": "//evil.example/accounts"}),
            serde_json::json!({"screen": "javascript:alert(1)"}),
            serde_json::json!({"screen": "a".repeat(301)}),
            serde_json::json!({"screen": "/a\nb"}),
            serde_json::json!({"idempotency_key": "two words"}),
            serde_json::json!({"answers": {"work_email": 7}}),
            serde_json::json!({"typed": []}),
            serde_json::json!({"answers": ["x@fabrikam.example"]}),
            serde_json::json!([]),
        ] {
            let problem = read_draft(body.to_string().as_bytes()).unwrap_err();
            assert_eq!(problem.code, ProblemCode::ValidationFailed, "{body}");
        }
        let good = serde_json::json!({
            "answers": {"work_email": "it@fabrikam.example"}, "typed": {"mpn_id": "12"},
            "screen": "accounts/fabrikam/mpn-id", "idempotency_key": "k-1",
        });
        let read = read_draft(good.to_string().as_bytes()).unwrap();
        assert_eq!(read.typed.mpn_id.as_deref(), Some("12"));
        assert_eq!(read_draft(b"{}").unwrap(), Draft::default());
    }

    #[test]
    fn a_draft_is_created_with_if_none_match_and_changed_only_with_its_version() {
        use DraftWrite::*;
        assert_eq!(draft_precondition(None, None, None), Ok(Create));
        assert_eq!(draft_precondition(None, Some("*"), None), Ok(Create));
        assert_eq!(
            draft_precondition(Some("\"4\""), None, Some(4)),
            Ok(Replace)
        );
        assert_eq!(
            draft_precondition(Some("W/\"4\""), None, Some(4)),
            Ok(Replace)
        );
        assert_eq!(draft_precondition(Some("*"), None, Some(4)), Ok(Replace));
        let required = |r: Result<DraftWrite, DraftRefusal>| matches!(r, Err(DraftRefusal::Required(p)) if p.code == ProblemCode::PreconditionRequired);
        let failed = |r: Result<DraftWrite, DraftRefusal>| matches!(r, Err(DraftRefusal::Failed(p)) if p.code == ProblemCode::PreconditionFailed);
        assert!(required(draft_precondition(None, None, Some(4))));
        assert!(failed(draft_precondition(Some("\"3\""), None, Some(4))));
        assert!(failed(draft_precondition(Some("\"3\""), None, None)));
        assert!(failed(draft_precondition(None, Some("*"), Some(4))));
        assert!(failed(draft_precondition(Some("nonsense"), None, Some(4))));
        assert!(matches!(
            draft_precondition(None, Some("\"4\""), None),
            Err(DraftRefusal::Invalid(p)) if p.code == ProblemCode::ValidationFailed
        ));
    }
}
