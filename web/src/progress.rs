//! Saved progress: what the owner answered and typed, the idempotency key of their submission and
//! the screen they were on, kept per account in the browser's local storage so that a reload, a
//! detour to enrol or a closed tab loses nothing.
//!
//! Each save carries a format version. A save of an unknown version, or one that cannot be read,
//! is discarded (and the app says so); storage that is full or refused leaves progress in memory.

use assistant_core::flow::Answers;
use serde::{Deserialize, Serialize};

/// The version of the saved format this app writes and reads.
pub const VERSION: u32 = 1;
const KEY_PREFIX: &str = "pma-progress:";

/// What the owner typed but has not yet given as an answer (Continue not pressed).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Drafts {
    /// The work email field, as typed.
    pub work_email: Option<String>,
    /// The new MPN ID field, as typed.
    pub mpn_id: Option<String>,
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
}

#[derive(Serialize, Deserialize)]
struct Saved {
    version: u32,
    #[serde(flatten)]
    progress: Progress,
}

/// What was found in storage for an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded {
    /// Nothing saved (or storage unavailable).
    Nothing,
    /// A save, read.
    Restored(Progress),
    /// A save that could not be read (corrupted, or written by an unknown version): removed.
    Discarded,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn key(account_id: &str) -> String {
    format!("{KEY_PREFIX}{account_id}")
}

/// Reads saved text as progress; `None` when it is not a save this app can read.
pub fn parse(text: &str) -> Option<Progress> {
    serde_json::from_str::<Saved>(text)
        .ok()
        .filter(|saved| saved.version == VERSION)
        .map(|saved| saved.progress)
}

/// The progress saved for an account.
pub fn load(account_id: &str) -> Loaded {
    let Some(storage) = storage() else {
        return Loaded::Nothing;
    };
    match storage.get_item(&key(account_id)).ok().flatten() {
        None => Loaded::Nothing,
        Some(text) => match parse(&text) {
            Some(progress) => Loaded::Restored(progress),
            None => {
                let _ = storage.remove_item(&key(account_id));
                Loaded::Discarded
            }
        },
    }
}

/// Saves an account's progress; `false` when storage is full, refused or absent (the app goes on
/// in memory).
pub fn save(account_id: &str, progress: &Progress) -> bool {
    let saved = Saved {
        version: VERSION,
        progress: progress.clone(),
    };
    let text = serde_json::to_string(&saved).expect("progress serialises");
    storage().is_some_and(|storage| storage.set_item(&key(account_id), &text).is_ok())
}

/// Forgets the saved progress of every account (when the demo data is reset).
pub fn clear_all() {
    let Some(storage) = storage() else {
        return;
    };
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(KEY_PREFIX))
        .collect();
    for key in keys {
        let _ = storage.remove_item(&key);
    }
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

    #[test]
    fn a_save_reads_back_the_same() {
        let progress = Progress {
            answers: Answers::default()
                .with_work_email("lead@adatum.example")
                .with_mpn(MpnAnswer::NewId("4567890".into())),
            drafts: Drafts {
                work_email: None,
                mpn_id: Some("45678".into()),
            },
            idempotency_key: Some("k-1".into()),
            screen: Some("accounts/adatum/mpn-id".into()),
        };
        let text = serde_json::to_string(&Saved {
            version: VERSION,
            progress: progress.clone(),
        })
        .unwrap();
        assert_eq!(parse(&text), Some(progress));
    }

    #[test]
    fn corrupted_foreign_and_future_saves_are_not_read() {
        for text in [
            "",
            "{",
            "null",
            "[1,2]",
            r#"{"answers":{}}"#,
            r#"{"version":2,"answers":{}}"#,
            r#"{"version":1,"answers":{"work_email":42}}"#,
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    #[test]
    fn a_save_of_this_version_with_fields_left_out_reads_as_empty_progress() {
        assert_eq!(parse(r#"{"version":1}"#), Some(Progress::default()));
    }
}
