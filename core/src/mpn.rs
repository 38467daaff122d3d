//! The Microsoft Partner Network ID (SPEC §2.4).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::tenant::Tenant;

/// Longest input looked at; anything longer is refused before any other work.
const MAX_INPUT_CHARS: usize = 64;

/// A well-formed MPN ID: 6 to 8 ASCII digits.
///
/// Only [`MpnId::parse`] makes one, so holding an `MpnId` means the format was checked.
///
/// ```
/// use assistant_core::MpnId;
///
/// let id = MpnId::parse(" 4567890 ").unwrap();
/// assert_eq!(id.as_str(), "4567890");
/// assert!(MpnId::parse("45-67890").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MpnId(String);

/// Why a text is not an MPN ID.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MpnIdError {
    /// Nothing but whitespace was given.
    Empty,
    /// Far longer than any MPN ID; refused without looking further.
    TooLong,
    /// Something other than digits was given (after trimming surrounding whitespace).
    NotDigits,
    /// Digits only, but fewer than 6 or more than 8 of them.
    WrongLength {
        /// How many digits were given.
        digits: usize,
    },
}

impl MpnId {
    /// Fewest digits an MPN ID may have.
    pub const MIN_DIGITS: usize = 6;
    /// Most digits an MPN ID may have.
    pub const MAX_DIGITS: usize = 8;

    /// Checks `input` as an MPN ID, trimming surrounding whitespace.
    pub fn parse(input: &str) -> Result<Self, MpnIdError> {
        if input.chars().take(MAX_INPUT_CHARS + 1).count() > MAX_INPUT_CHARS {
            return Err(MpnIdError::TooLong);
        }
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(MpnIdError::Empty);
        }
        if !trimmed.bytes().all(|b| b.is_ascii_digit()) {
            return Err(MpnIdError::NotDigits);
        }
        let digits = trimmed.len();
        if !(Self::MIN_DIGITS..=Self::MAX_DIGITS).contains(&digits) {
            return Err(MpnIdError::WrongLength { digits });
        }
        Ok(Self(trimmed.to_owned()))
    }

    /// The digits of the ID.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for MpnId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for MpnId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for MpnId {
    type Err = MpnIdError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

impl TryFrom<String> for MpnId {
    type Error = MpnIdError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<MpnId> for String {
    fn from(id: MpnId) -> Self {
        id.0
    }
}

impl fmt::Display for MpnIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("no MPN ID given"),
            Self::TooLong => f.write_str("far too long for an MPN ID"),
            Self::NotDigits => f.write_str("an MPN ID has digits only"),
            Self::WrongLength { digits } => write!(
                f,
                "an MPN ID has {} to {} digits, not {digits}",
                MpnId::MIN_DIGITS,
                MpnId::MAX_DIGITS
            ),
        }
    }
}

impl std::error::Error for MpnIdError {}

/// What the partner registry says of an MPN ID.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum MpnLookup {
    /// A live membership, registered in this tenant.
    Active {
        /// The tenant in which the MPN ID is registered.
        tenant: Tenant,
    },
    /// A membership that has lapsed: the owner must enrol again.
    Inactive,
    /// No membership has this ID.
    NotFound,
}

/// An MPN ID and what the registry says of it, as the API answers a lookup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MpnRecord {
    /// The ID looked up.
    pub id: MpnId,
    /// The registry's answer.
    #[serde(flatten)]
    pub lookup: MpnLookup,
}

/// Why the owner must enrol in the Microsoft Partner Network before migrating (SPEC §2.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnrolReason {
    /// The account has no MPN ID.
    Missing,
    /// The ID on the account is not even well-formed.
    Malformed,
    /// No membership has the ID on the account.
    NotFound,
    /// The membership of the ID on the account has lapsed.
    Inactive,
}

/// Whether the MPN ID stored on an account can carry the migration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MpnStanding {
    /// Active, registered in `tenant`.
    Usable {
        /// The ID.
        id: MpnId,
        /// Its tenant, to which the work email must belong.
        tenant: Tenant,
    },
    /// Not usable: the owner must enrol and come back with a new ID.
    MustEnrol(EnrolReason),
}

impl MpnStanding {
    /// The standing of the ID stored on an account, given the registry's answer for it (which
    /// only matters when the stored text is a well-formed ID).
    pub fn of_stored(stored: Option<&str>, lookup: Option<&MpnLookup>) -> Self {
        let Some(stored) = stored.filter(|s| !s.trim().is_empty()) else {
            return Self::MustEnrol(EnrolReason::Missing);
        };
        let Ok(id) = MpnId::parse(stored) else {
            return Self::MustEnrol(EnrolReason::Malformed);
        };
        match lookup {
            Some(MpnLookup::Active { tenant }) => Self::Usable {
                id,
                tenant: tenant.clone(),
            },
            Some(MpnLookup::Inactive) => Self::MustEnrol(EnrolReason::Inactive),
            Some(MpnLookup::NotFound) | None => Self::MustEnrol(EnrolReason::NotFound),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seven_digits_with_surrounding_whitespace_is_accepted_and_trimmed() {
        assert_eq!(MpnId::parse("\t2345678 \n").unwrap().as_str(), "2345678");
    }

    #[test]
    fn six_and_eight_digits_are_the_bounds() {
        assert!(MpnId::parse("123456").is_ok());
        assert!(MpnId::parse("12345678").is_ok());
        assert_eq!(
            MpnId::parse("12345"),
            Err(MpnIdError::WrongLength { digits: 5 })
        );
        assert_eq!(
            MpnId::parse("123456789"),
            Err(MpnIdError::WrongLength { digits: 9 })
        );
    }

    #[test]
    fn anything_but_digits_is_refused() {
        for input in ["12 34567", "1234567a", "١٢٣٤٥٦٧", "+1234567", "1234567.0"] {
            assert_eq!(MpnId::parse(input), Err(MpnIdError::NotDigits), "{input:?}");
        }
    }

    #[test]
    fn blank_input_is_empty() {
        assert_eq!(MpnId::parse("   "), Err(MpnIdError::Empty));
    }

    #[test]
    fn huge_input_is_refused_at_once() {
        let input = "1".repeat(1_000_000);
        assert_eq!(MpnId::parse(&input), Err(MpnIdError::TooLong));
    }

    #[test]
    fn a_stored_id_is_usable_only_when_active() {
        let tenant = Tenant {
            id: "t".into(),
            name: "Fabrikam".into(),
            verified_domains: vec![],
        };
        let active = MpnLookup::Active {
            tenant: tenant.clone(),
        };
        assert_eq!(
            MpnStanding::of_stored(Some("2345678"), Some(&active)),
            MpnStanding::Usable {
                id: MpnId::parse("2345678").unwrap(),
                tenant
            }
        );
        let must_enrol = |stored, lookup| match MpnStanding::of_stored(stored, lookup) {
            MpnStanding::MustEnrol(reason) => Some(reason),
            MpnStanding::Usable { .. } => None,
        };
        assert_eq!(must_enrol(None, None), Some(EnrolReason::Missing));
        assert_eq!(must_enrol(Some("  "), None), Some(EnrolReason::Missing));
        assert_eq!(
            must_enrol(Some("12-34"), Some(&active)),
            Some(EnrolReason::Malformed)
        );
        assert_eq!(
            must_enrol(Some("7654321"), Some(&MpnLookup::NotFound)),
            Some(EnrolReason::NotFound)
        );
        assert_eq!(
            must_enrol(Some("1111111"), Some(&MpnLookup::Inactive)),
            Some(EnrolReason::Inactive)
        );
    }

    #[test]
    fn a_lookup_answer_reads_as_the_api_writes_it() {
        let record: MpnRecord = serde_json::from_str(
            r#"{"id":"4567890","status":"active","tenant":{"id":"adatum","name":"Adatum","verified_domains":["adatum.example"]}}"#,
        )
        .unwrap();
        assert!(
            matches!(record.lookup, MpnLookup::Active { ref tenant } if tenant.name == "Adatum")
        );
        let missing: MpnRecord =
            serde_json::from_str(r#"{"id":"7654321","status":"not_found"}"#).unwrap();
        assert_eq!(missing.lookup, MpnLookup::NotFound);
    }

    #[test]
    fn json_decoding_checks_the_format() {
        let id: MpnId = serde_json::from_str("\"1234567\"").unwrap();
        assert_eq!(id.as_str(), "1234567");
        assert!(serde_json::from_str::<MpnId>("\"12\"").is_err());
    }
}
