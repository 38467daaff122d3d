//! What the web app's first screen reads (its configuration, the accounts, a problem), read by
//! hand from JSON the browser has parsed.
//!
//! serde's derived readers and serde_json's parser were 26 KB gzip of the first screen's wasm, and
//! the browser already parses JSON. These readers take what the derived ones take and refuse what
//! they refuse, for the same types: the tests compare the two on every fixture, and on each
//! fixture changed member by member. Two differences come from the parsed form and are left: a
//! number written with a zero fraction (`200.0`) counts as an integer, and of two members of one
//! name the last is read (serde refuses both). Arrays in place of objects, which serde's derived
//! readers take by position, are refused.

use crate::account::{Account, AccountId, MigrationStatus, Role, SignIn, SignInKind};
use crate::api::{Problem, ProblemCode};
use crate::config::{FlowConfig, HttpsUrl, Links};
use crate::date::Date;

/// A parsed JSON value: the browser's in the web app, [`serde_json::Value`] natively.
pub trait Json: Sized {
    /// The member `key` of an object; `None` when this is not an object or has no such member.
    fn member(&self, key: &str) -> Option<Self>;
    /// The text of a string.
    fn text(&self) -> Option<String>;
    /// The value of a number.
    fn number(&self) -> Option<f64>;
    /// The elements of an array.
    fn elements(&self) -> Option<Vec<Self>>;
    /// Whether this is `null`.
    fn is_null(&self) -> bool;
    /// Whether this is an object.
    fn is_object(&self) -> bool;
}

impl Json for serde_json::Value {
    fn member(&self, key: &str) -> Option<Self> {
        self.as_object()?.get(key).cloned()
    }

    fn text(&self) -> Option<String> {
        self.as_str().map(str::to_owned)
    }

    fn number(&self) -> Option<f64> {
        self.as_f64()
    }

    fn elements(&self) -> Option<Vec<Self>> {
        self.as_array().cloned()
    }

    fn is_null(&self) -> bool {
        self.is_null()
    }

    fn is_object(&self) -> bool {
        self.is_object()
    }
}

/// A type read from a parsed JSON value as its serde reader reads it.
pub trait FromJson: Sized {
    /// `value` read; `None` where serde's reader refuses it.
    fn from_json(value: &impl Json) -> Option<Self>;
}

/// The member `key` of `object`, which must be there.
pub fn required<T: FromJson>(object: &impl Json, key: &str) -> Option<T> {
    T::from_json(&object.member(key)?)
}

/// The member `key` of `object` as serde reads an `Option` field: absent or `null` is `None`.
pub fn optional<T: FromJson>(object: &impl Json, key: &str) -> Option<Option<T>> {
    match object.member(key) {
        None => Some(None),
        Some(value) if value.is_null() => Some(None),
        Some(value) => T::from_json(&value).map(Some),
    }
}

/// The member `key` of `object` as serde reads a field with a default: absent is `default`.
pub fn or_else<T: FromJson>(object: &impl Json, key: &str, default: T) -> Option<T> {
    match object.member(key) {
        None => Some(default),
        Some(value) => T::from_json(&value),
    }
}

/// A unit variant, by its name among `variants`.
fn variant<T: Copy>(value: &impl Json, variants: &[(T, &str)]) -> Option<T> {
    let name = value.text()?;
    variants
        .iter()
        .find(|(_, written)| *written == name)
        .map(|(variant, _)| *variant)
}

/// `value`'s number when it is a whole one within `[0, max]`.
fn whole(value: &impl Json, max: f64) -> Option<f64> {
    value
        .number()
        .filter(|n| n.fract() == 0.0 && (0.0..=max).contains(n))
}

impl FromJson for String {
    fn from_json(value: &impl Json) -> Option<Self> {
        value.text()
    }
}

impl FromJson for Box<str> {
    fn from_json(value: &impl Json) -> Option<Self> {
        value.text().map(String::into_boxed_str)
    }
}

impl FromJson for u16 {
    fn from_json(value: &impl Json) -> Option<Self> {
        whole(value, f64::from(u16::MAX)).map(|n| n as u16)
    }
}

impl FromJson for u32 {
    fn from_json(value: &impl Json) -> Option<Self> {
        whole(value, f64::from(u32::MAX)).map(|n| n as u32)
    }
}

impl FromJson for f64 {
    fn from_json(value: &impl Json) -> Option<Self> {
        value.number()
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &impl Json) -> Option<Self> {
        value.elements()?.iter().map(T::from_json).collect()
    }
}

impl FromJson for AccountId {
    fn from_json(value: &impl Json) -> Option<Self> {
        AccountId::try_from(value.text()?).ok()
    }
}

impl FromJson for Role {
    fn from_json(value: &impl Json) -> Option<Self> {
        variant(value, &Role::NAMES)
    }
}

impl FromJson for SignInKind {
    fn from_json(value: &impl Json) -> Option<Self> {
        variant(value, &SignInKind::NAMES)
    }
}

impl FromJson for MigrationStatus {
    fn from_json(value: &impl Json) -> Option<Self> {
        variant(value, &MigrationStatus::NAMES)
    }
}

impl FromJson for SignIn {
    fn from_json(value: &impl Json) -> Option<Self> {
        Some(SignIn {
            kind: required(value, "kind")?,
            email: required(value, "email")?,
        })
    }
}

impl FromJson for Account {
    fn from_json(value: &impl Json) -> Option<Self> {
        Some(Account {
            id: required(value, "id")?,
            name: required(value, "name")?,
            viewer_role: required(value, "viewer_role")?,
            sign_in: required(value, "sign_in")?,
            mpn_id: optional(value, "mpn_id")?,
            migration_status: required(value, "migration_status")?,
        })
    }
}

impl FromJson for ProblemCode {
    fn from_json(value: &impl Json) -> Option<Self> {
        let name = value.text()?;
        ProblemCode::ALL
            .into_iter()
            .find(|code| code.as_str() == name)
    }
}

impl FromJson for Problem {
    fn from_json(value: &impl Json) -> Option<Self> {
        Some(Problem {
            problem_type: required(value, "type")?,
            title: required(value, "title")?,
            status: required(value, "status")?,
            code: required(value, "code")?,
            tenant_name: optional(value, "tenant_name")?,
            field: optional(value, "field")?,
            item: optional(value, "item")?,
        })
    }
}

impl FromJson for Date {
    fn from_json(value: &impl Json) -> Option<Self> {
        value.text()?.parse().ok()
    }
}

impl FromJson for HttpsUrl {
    fn from_json(value: &impl Json) -> Option<Self> {
        HttpsUrl::parse(&value.text()?).ok()
    }
}

impl FromJson for Links {
    fn from_json(value: &impl Json) -> Option<Self> {
        if !value.is_object() {
            return None;
        }
        let mut links = Links::default();
        for (name, slot) in Links::FIELDS.into_iter().zip(links.slots()) {
            *slot = or_else(value, name, slot.clone())?;
        }
        Some(links)
    }
}

impl FromJson for FlowConfig {
    fn from_json(value: &impl Json) -> Option<Self> {
        if !value.is_object() {
            return None;
        }
        let FlowConfig {
            offers_deadline,
            links,
        } = FlowConfig::default();
        Some(FlowConfig {
            offers_deadline: or_else(value, "offers_deadline", offers_deadline)?,
            links: or_else(value, "links", links)?,
        })
    }
}

pub mod agreement;
#[cfg(test)]
mod tests;
