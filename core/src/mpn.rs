//! The Microsoft Partner Network ID (SPEC §2.4).

use std::fmt;

use serde::{Deserialize, Serialize};

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

impl fmt::Display for MpnId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
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
    fn json_decoding_checks_the_format() {
        let id: MpnId = serde_json::from_str("\"1234567\"").unwrap();
        assert_eq!(id.as_str(), "1234567");
        assert!(serde_json::from_str::<MpnId>("\"12\"").is_err());
    }
}
