//! Cloud Partner Portal accounts as the viewer sees them (SPEC §2.1, §2.2, §4).

use std::fmt;

use serde::{Deserialize, Serialize};

/// The identifier of a CPP publisher account, such as `fabrikam`: one an API could have issued.
///
/// Only [`AccountId::parse`] makes one (also when an answer of the API is read), so holding an
/// `AccountId` means it is 1 to [`AccountId::MAX_CHARS`] characters, none of them a control
/// character, and not `.` or `..`, which an address reads as a step along its path, never as a
/// name.
///
/// ```
/// use assistant_core::account::{AccountId, AccountIdError};
///
/// assert_eq!(AccountId::parse("fabrikam").unwrap().as_str(), "fabrikam");
/// assert_eq!(AccountId::parse(".."), Err(AccountIdError::DotSegment));
/// assert_eq!(AccountId::parse("a\u{0}b"), Err(AccountIdError::ControlCharacter));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AccountId(String);

/// Why a text cannot be an account's identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountIdError {
    /// Nothing was given.
    Empty,
    /// Longer than [`AccountId::MAX_CHARS`].
    TooLong,
    /// A control character (a line break, a NUL…) is in it.
    ControlCharacter,
    /// It is `.` or `..`.
    DotSegment,
}

impl AccountId {
    /// The most characters an identifier may have.
    pub const MAX_CHARS: usize = 200;

    /// Checks `text` as an account's identifier, taken as it is (no trimming: identifiers are
    /// compared exactly).
    pub fn parse(text: &str) -> Result<Self, AccountIdError> {
        if text.is_empty() {
            return Err(AccountIdError::Empty);
        }
        if text.chars().nth(Self::MAX_CHARS).is_some() {
            return Err(AccountIdError::TooLong);
        }
        if text.chars().any(char::is_control) {
            return Err(AccountIdError::ControlCharacter);
        }
        if text == "." || text == ".." {
            return Err(AccountIdError::DotSegment);
        }
        Ok(Self(text.to_owned()))
    }

    /// The identifier as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for AccountId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AccountId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for AccountIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AccountIdError::Empty => "an account id is never empty",
            AccountIdError::TooLong => "an account id has at most 200 characters",
            AccountIdError::ControlCharacter => "an account id has no control characters",
            AccountIdError::DotSegment => "an account id is never . or ..",
        })
    }
}

impl TryFrom<String> for AccountId {
    type Error = AccountIdError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<AccountId> for String {
    fn from(id: AccountId) -> Self {
        id.0
    }
}

/// The viewer's role on a CPP account. Only an owner may migrate it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// May migrate the account (sees the yellow banner in CPP).
    Owner,
    /// Manages offers; may not migrate.
    Manager,
    /// Develops offers; may not migrate.
    Developer,
}

/// How the account signs in to CPP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignInKind {
    /// A Microsoft Entra ID work account: its address is the work email by default.
    WorkAccount,
    /// A personal Microsoft account: a work email of the MPN ID's tenant must be given instead.
    MicrosoftAccount,
}

impl Role {
    /// Each role and its name as written.
    pub const NAMES: [(Role, &'static str); 3] = [
        (Role::Owner, "owner"),
        (Role::Manager, "manager"),
        (Role::Developer, "developer"),
    ];
}

impl SignInKind {
    /// Each kind and its name as written.
    pub const NAMES: [(SignInKind, &'static str); 2] = [
        (SignInKind::WorkAccount, "work_account"),
        (SignInKind::MicrosoftAccount, "microsoft_account"),
    ];
}

/// The tenant id (claim `tid`) Microsoft Entra ID puts in the tokens of personal Microsoft
/// accounts; any other tenant is an organisation's (`SignInKind::of_token` in `identity`).
pub const MICROSOFT_ACCOUNTS_TENANT: &str = "9188040d-6c67-4c5b-b112-36a304b66dad";

/// The account's CPP sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SignIn {
    /// Work account or Microsoft account.
    pub kind: SignInKind,
    /// The address used to sign in to CPP.
    pub email: String,
}

/// Where the account stands in its move to Partner Center.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MigrationStatus {
    /// Not started: an owner must migrate it.
    NotMigrated,
    /// Submitted; Partner Center is moving the account.
    InProgress,
    /// Moved: the account is managed in Partner Center, and changes there sync back to CPP.
    Migrated,
    /// The move was submitted and failed; an owner can submit it again.
    Failed,
}

impl MigrationStatus {
    /// Each status and its name as written.
    pub const NAMES: [(MigrationStatus, &'static str); 4] = [
        (MigrationStatus::NotMigrated, "not_migrated"),
        (MigrationStatus::InProgress, "in_progress"),
        (MigrationStatus::Migrated, "migrated"),
        (MigrationStatus::Failed, "failed"),
    ];
}

/// A CPP publisher account, as the viewer sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// The account's identifier.
    pub id: AccountId,
    /// The publisher's name.
    pub name: String,
    /// The viewer's role on this account.
    pub viewer_role: Role,
    /// How the account signs in to CPP.
    pub sign_in: SignIn,
    /// The MPN ID on the account, as stored: absent, or text that may not even be well-formed.
    pub mpn_id: Option<String>,
    /// Where the move to Partner Center stands.
    pub migration_status: MigrationStatus,
}

impl Account {
    /// The account as a viewer who signed in for real sees it: the sign-in the work email rules
    /// (SPEC §2.3) turn on is the one the viewer's token shows, not the stored one.
    pub fn seen_by(self, sign_in: &SignIn) -> Self {
        Self {
            sign_in: sign_in.clone(),
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_no_api_could_issue_are_refused() {
        let long = "a".repeat(AccountId::MAX_CHARS + 1);
        for (text, error) in [
            ("", AccountIdError::Empty),
            (long.as_str(), AccountIdError::TooLong),
            ("fabrikam\n", AccountIdError::ControlCharacter),
            ("fab\u{7f}rikam", AccountIdError::ControlCharacter),
            (".", AccountIdError::DotSegment),
            ("..", AccountIdError::DotSegment),
        ] {
            assert_eq!(AccountId::parse(text), Err(error), "{text:?}");
        }
    }

    #[test]
    fn any_other_text_is_an_identifier_as_it_is() {
        let longest = "é".repeat(AccountId::MAX_CHARS);
        for text in [
            "fabrikam",
            "a/b?c#d",
            "%2e%2e",
            "...",
            " x ",
            longest.as_str(),
            "😀",
        ] {
            assert_eq!(
                AccountId::parse(text).map(String::from),
                Ok(text.to_owned())
            );
        }
    }

    #[test]
    fn an_answer_naming_an_impossible_identifier_cannot_be_read() {
        assert!(serde_json::from_str::<AccountId>(r#"".."""#).is_err());
        assert_eq!(
            serde_json::from_str::<AccountId>(r#""fabrikam""#)
                .unwrap()
                .as_str(),
            "fabrikam"
        );
    }
}
