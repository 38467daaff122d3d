//! Saved progress: what the owner answered and typed, the idempotency key of their submission and
//! the screen they were on, kept per account in the browser's local storage so that a reload, a
//! detour to enrol or a closed tab loses nothing.
//!
//! Saves are kept apart by backend and by person, each on its shelf (`shelf.rs`); signing out
//! removes the person's shelf. A save is kept for [`KEPT_FOR_DAYS`] days from its last change; once the
//! account is migrated, its answers and drafts are forgotten.
//!
//! Each save carries a format version. A save of an unknown version, one that cannot be read, or
//! one past its time is discarded when its account opens (and the app says so); storage that is
//! full or refused leaves progress in memory.

use assistant_core::flow::Answers;
use assistant_core::json::{FromJson, Json, optional, required};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

use crate::backend::browser_json::read_json;
use crate::backend::json_text;

/// The version of the saved format this app writes and reads.
pub const VERSION: u32 = 2;
/// How long a save is kept after its last change.
pub const KEPT_FOR_DAYS: u32 = 30;
const DAY_MS: f64 = 86_400_000.0;
pub(super) const KEY_PREFIX: &str = "pma-progress:";

/// What the owner typed but has not yet given as an answer (Continue not pressed), as a draft of
/// the API holds it too.
pub type Drafts = assistant_core::api::draft::Typed;

/// How this copy stands to the API's draft, where the API keeps drafts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncMark {
    /// The API's version this copy was last the same as.
    pub synced: Option<i64>,
    /// Whether it changed since, and the change has not reached the API.
    pub unsent: bool,
}

/// An account's progress through the migration.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    /// The answers given.
    pub answers: Answers,
    /// What is typed but not yet answered.
    pub drafts: Drafts,
    /// The key of the submission, kept before it is sent so a retry never starts a second one.
    pub idempotency_key: Option<String>,
    /// The path of the screen last shown (below the app's base path).
    pub screen: Option<String>,
    /// How it stands to the API's draft.
    #[serde(skip)]
    pub sync: SyncMark,
}

impl Progress {
    /// Whether it holds anything the owner typed (answers or drafts).
    pub fn holds_answers(&self) -> bool {
        self.answers != Answers::default() || self.drafts != Drafts::default()
    }

    /// This progress without what the owner typed: for an account that is migrated.
    pub fn without_answers(&self) -> Self {
        Self {
            answers: Answers::default(),
            drafts: Drafts::default(),
            ..self.clone()
        }
    }
}

/// What the overview needs of a save, read without its answers (their reader is the journey's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glance {
    /// Whether the save holds anything the owner typed (answers or drafts).
    pub holds_answers: bool,
    /// The key of the submission, when one was sent from here.
    pub idempotency_key: Option<String>,
    /// The path of the screen last shown (below the app's base path).
    pub screen: Option<String>,
}

impl Glance {
    /// The progress of this save without what the owner typed: for an account that is migrated.
    pub fn without_answers(self) -> Progress {
        Progress {
            idempotency_key: self.idempotency_key,
            screen: self.screen,
            ..Progress::default()
        }
    }
}

/// A save as it is written: one object of the progress's fields beside the version and the time.
/// The fields are written out rather than `#[serde(flatten)]`ed: a flattened reader buffers every
/// value first, which brought 7 KB of wasm into the first screen. Answers and drafts are left out
/// when there are none, so a glance sees whether there are without reading them.
#[derive(Serialize, Deserialize)]
struct Saved {
    version: u32,
    /// When it was saved, in milliseconds since the epoch.
    saved_at_ms: f64,
    #[serde(default, skip_serializing_if = "is_default")]
    answers: Answers,
    #[serde(default, skip_serializing_if = "is_default")]
    drafts: Drafts,
    #[serde(default)]
    idempotency_key: Option<String>,
    #[serde(default)]
    screen: Option<String>,
    /// The API's version, written as the `u32` the save's own version is (an `i64` writer would
    /// be the first screen's only one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    synced: Option<u32>,
    #[serde(default, skip_serializing_if = "is_default")]
    unsent: bool,
}

/// A save as the overview reads it: the answers and drafts only seen to be there. It is read by
/// hand from the browser's parse (see `browser_json`), as serde reads it (a test compares them).
#[derive(Deserialize)]
#[cfg_attr(test, derive(Debug, PartialEq))]
struct Glanced {
    version: u32,
    saved_at_ms: f64,
    #[serde(default)]
    answers: Option<IgnoredAny>,
    #[serde(default)]
    drafts: Option<IgnoredAny>,
    #[serde(default)]
    idempotency_key: Option<String>,
    #[serde(default)]
    screen: Option<String>,
}

impl FromJson for Glanced {
    fn from_json(value: &impl Json) -> Option<Self> {
        let there = |key| value.member(key).is_some_and(|member| !member.is_null());
        Some(Glanced {
            version: required(value, "version")?,
            saved_at_ms: required(value, "saved_at_ms")?,
            answers: there("answers").then_some(IgnoredAny),
            drafts: there("drafts").then_some(IgnoredAny),
            idempotency_key: optional(value, "idempotency_key")?,
            screen: optional(value, "screen")?,
        })
    }
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// Whether a save of `version` at `saved_at_ms` can be read at `now_ms`.
fn readable(version: u32, saved_at_ms: f64, now_ms: f64) -> bool {
    version == VERSION && now_ms - saved_at_ms <= f64::from(KEPT_FOR_DAYS) * DAY_MS
}

/// Reads saved text as progress at `now_ms`: `None` when it is not a save this app can read, or
/// one older than [`KEPT_FOR_DAYS`].
pub fn parse(text: &str, now_ms: f64) -> Option<Progress> {
    let saved = serde_json::from_str::<Saved>(text).ok()?;
    readable(saved.version, saved.saved_at_ms, now_ms).then_some(Progress {
        answers: saved.answers,
        drafts: saved.drafts,
        idempotency_key: saved.idempotency_key,
        screen: saved.screen,
        sync: SyncMark {
            synced: saved.synced.map(i64::from),
            unsent: saved.unsent,
        },
    })
}

/// A glance at saved text at `now_ms`: `None` when it is not a save of this version, or one
/// older than [`KEPT_FOR_DAYS`]. A save written before answers were left out when empty may be
/// seen to hold some that are empty.
pub fn glance(text: &str, now_ms: f64) -> Option<Glance> {
    let saved = read_json::<Glanced>(text)?;
    readable(saved.version, saved.saved_at_ms, now_ms).then_some(Glance {
        holds_answers: saved.answers.is_some() || saved.drafts.is_some(),
        idempotency_key: saved.idempotency_key,
        screen: saved.screen,
    })
}

/// The text of a save of `progress` at `now_ms`.
pub(super) fn to_text(progress: &Progress, now_ms: f64) -> String {
    let progress = progress.clone();
    let saved = Saved {
        version: VERSION,
        saved_at_ms: now_ms,
        answers: progress.answers,
        drafts: progress.drafts,
        idempotency_key: progress.idempotency_key,
        screen: progress.screen,
        synced: progress.sync.synced.and_then(|v| u32::try_from(v).ok()),
        unsent: progress.sync.unsent,
    };
    json_text(&saved)
}

/// A new idempotency key: a random UUID from the browser.
pub fn new_idempotency_key() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|crypto| crypto.random_uuid())
        .unwrap_or_else(|| {
            // Without Web Crypto: time and randomness, still unique enough for one submission.
            format!("k{}-{}", js_sys::Date::now(), js_sys::Math::random())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use assistant_core::flow::MpnAnswer;

    const NOW: f64 = 1_800_000_000_000.0;

    fn progress() -> Progress {
        Progress {
            answers: Answers::default()
                .with_work_email("lead@adatum.example")
                .with_mpn(MpnAnswer::NewId("4567890".into())),
            drafts: Drafts {
                work_email: None,
                mpn_id: Some("45678".into()),
            },
            idempotency_key: Some("k-1".into()),
            screen: Some("accounts/adatum/mpn-id".into()),
            sync: SyncMark::default(),
        }
    }

    #[test]
    fn a_save_reads_back_the_same() {
        assert_eq!(parse(&to_text(&progress(), NOW), NOW), Some(progress()));
    }

    /// Saves already in browsers stay readable: the progress's fields sit beside the version and
    /// the time, in one object.
    #[test]
    fn a_save_is_one_object_of_its_fields() {
        let written = r#"{"version":2,"saved_at_ms":1800000000000.0,"answers":{"work_email":"lead@adatum.example","mpn":{"choice":"new_id","id":"4567890"}},"drafts":{"work_email":null,"mpn_id":"45678"},"idempotency_key":"k-1","screen":"accounts/adatum/mpn-id"}"#;
        assert_eq!(to_text(&progress(), NOW), written);
        assert_eq!(parse(written, NOW), Some(progress()));
    }

    #[test]
    fn a_save_is_kept_for_thirty_days_from_its_last_change() {
        let text = to_text(&progress(), NOW);
        let day = |days: f64| NOW + days * DAY_MS;
        assert_eq!(parse(&text, day(30.0)), Some(progress()));
        assert_eq!(parse(&text, day(30.0) + 1.0), None);
    }

    #[test]
    fn corrupted_foreign_and_other_versions_saves_are_not_read() {
        for text in [
            "",
            "{",
            "null",
            "[1,2]",
            r#"{"answers":{}}"#,
            r#"{"version":1,"answers":{}}"#,
            r#"{"version":3,"saved_at_ms":1800000000000,"answers":{}}"#,
            r#"{"version":2,"answers":{}}"#,
            r#"{"version":2,"saved_at_ms":1800000000000,"answers":{"work_email":42}}"#,
        ] {
            assert_eq!(parse(text, NOW), None, "{text}");
        }
    }

    #[test]
    fn a_save_of_this_version_with_fields_left_out_reads_as_empty_progress() {
        assert_eq!(
            parse(r#"{"version":2,"saved_at_ms":1800000000000}"#, NOW),
            Some(Progress::default())
        );
    }

    #[test]
    fn a_glance_sees_whether_a_save_holds_answers_and_where_it_was() {
        let seen = glance(&to_text(&progress(), NOW), NOW).unwrap();
        assert!(seen.holds_answers);
        assert_eq!(seen.idempotency_key, progress().idempotency_key);
        assert_eq!(seen.screen, progress().screen);
        let emptied = to_text(&seen.without_answers(), NOW);
        assert_eq!(
            emptied,
            r#"{"version":2,"saved_at_ms":1800000000000.0,"idempotency_key":"k-1","screen":"accounts/adatum/mpn-id"}"#
        );
        assert!(!glance(&emptied, NOW).unwrap().holds_answers);
        let day_31 = NOW + 31.0 * DAY_MS;
        assert_eq!(glance(&emptied, day_31), None);
        for text in ["", "{", r#"{"version":3,"saved_at_ms":1800000000000}"#] {
            assert_eq!(glance(text, NOW), None, "{text}");
        }
    }

    #[test]
    fn a_save_is_glanced_at_by_hand_as_serde_reads_it() {
        let save = serde_json::from_str(&to_text(&progress(), NOW)).unwrap();
        assistant_core::json::agreement::agree::<Glanced>(&save);
    }

    #[test]
    fn a_migrated_account_keeps_no_answers() {
        let kept = progress().without_answers();
        assert_eq!(kept.answers, Answers::default());
        assert_eq!(kept.drafts, Drafts::default());
        assert_eq!(kept.idempotency_key, progress().idempotency_key);
    }
}
