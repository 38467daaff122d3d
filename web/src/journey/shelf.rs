//! Where saves are kept: local storage, on a [`Shelf`] per backend and, when the app signed
//! someone in, per person, so that a demo widget and a real one on one page, two APIs, or two
//! people on one browser never see each other's answers.

use assistant_core::account::AccountId;

use crate::backend::client::{Client, path_segment};
use crate::journey::progress::{Glance, KEY_PREFIX, Progress, glance, parse, to_text};

/// What was found in storage for an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded {
    /// Nothing saved (or storage unavailable).
    Nothing,
    /// A save, read.
    Restored(Progress),
    /// A save that could not be read (corrupted, or written by an unknown version) or was past
    /// its time: removed.
    Discarded,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Where one backend's saves are kept: the demo's, or an API's (named by its address).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shelf {
    /// The backend, as the start of each of its keys.
    prefix: String,
}

impl Shelf {
    /// The shelf of `client`'s backend, and of the person it makes requests for (the app's own
    /// sign-in's, or whom a host's token names, once a request was made): another person signing
    /// in on this browser sees none of their saves.
    pub fn of(client: &Client) -> Self {
        match (client.api_address(), client.saves_of()) {
            (Some(address), Some(person)) => Self::person(&address, &person),
            (Some(address), None) => Self::api(&address),
            (None, _) => Self::demo(),
        }
    }

    /// The shelf of the person whose identity hashes to `person`, on the API at `base_url`.
    pub fn person(base_url: &str, person: &str) -> Self {
        let api = Self::api(base_url);
        Self {
            prefix: format!("{}{}/", api.prefix, path_segment(&person)),
        }
    }

    /// The shelf of the embedded demo backend.
    pub fn demo() -> Self {
        Self::named("demo")
    }

    /// The shelf of the API at `base_url` (absolute, as the client sends requests to it).
    pub fn api(base_url: &str) -> Self {
        Self::named(base_url)
    }

    fn named(backend: &str) -> Self {
        Self {
            prefix: format!("{KEY_PREFIX}{}/", path_segment(&backend)),
        }
    }

    /// The storage key of an account's save: the backend and the account, each encoded, so that
    /// no id or address can reach into another's key.
    pub fn key(&self, account: &AccountId) -> String {
        format!("{}{}", self.prefix, path_segment(account))
    }

    /// The progress saved for an account, at `now_ms`; a save that cannot be read or is past
    /// its time is removed (and reported as discarded).
    pub fn load(&self, account: &AccountId, now_ms: f64) -> Loaded {
        let Some(storage) = storage() else {
            return Loaded::Nothing;
        };
        let key = self.key(account);
        match storage.get_item(&key).ok().flatten() {
            None => Loaded::Nothing,
            Some(text) => match parse(&text, now_ms) {
                Some(progress) => Loaded::Restored(progress),
                None => {
                    let _ = storage.remove_item(&key);
                    Loaded::Discarded
                }
            },
        }
    }

    /// A glance at the progress saved for an account, if it can be read at `now_ms`; a look
    /// that changes nothing (a save that cannot be read stays, for its account to say so when it
    /// opens).
    pub fn glance(&self, account: &AccountId, now_ms: f64) -> Option<Glance> {
        let text = storage()?.get_item(&self.key(account)).ok()??;
        glance(&text, now_ms)
    }

    /// Saves an account's progress at `now_ms`; `false` when storage is full, refused or absent
    /// (the app goes on in memory).
    pub fn save(&self, account: &AccountId, progress: &Progress, now_ms: f64) -> bool {
        let text = to_text(progress, now_ms);
        storage().is_some_and(|storage| storage.set_item(&self.key(account), &text).is_ok())
    }

    /// Forgets the save of an account (its owner asked to forget their answers).
    pub fn remove(&self, account: &AccountId) {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(&self.key(account));
        }
    }

    /// Forgets every save on this shelf (when the demo data is reset, or its person signs out);
    /// other shelves keep theirs.
    pub fn clear(&self) {
        let Some(storage) = storage() else {
            return;
        };
        let keys: Vec<String> = (0..storage.length().unwrap_or(0))
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|key| key.starts_with(&self.prefix))
            .collect();
        for key in keys {
            let _ = storage.remove_item(&key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_backend_keeps_its_saves_under_keys_of_its_own() {
        let fabrikam = AccountId::parse("fabrikam").unwrap();
        let keys = [
            Shelf::demo().key(&fabrikam),
            Shelf::api("https://portal.example/api/").key(&fabrikam),
            Shelf::api("https://portal.example/").key(&fabrikam),
            Shelf::api("http://127.0.0.1:8080/").key(&fabrikam),
        ];
        let distinct: std::collections::BTreeSet<_> = keys.iter().collect();
        assert_eq!(distinct.len(), keys.len(), "{keys:?}");
        assert_eq!(keys[0], "pma-progress:demo/fabrikam");
        assert_eq!(
            keys[1],
            "pma-progress:https%3A%2F%2Fportal.example%2Fapi%2F/fabrikam"
        );
        // An id cannot reach into another backend's keys, nor an address into another's.
        let sly = AccountId::parse("x/fabrikam").unwrap();
        assert_eq!(Shelf::demo().key(&sly), "pma-progress:demo/x%2Ffabrikam");
    }
}
