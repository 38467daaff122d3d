//! Cloud Partner Portal accounts as the viewer sees them (SPEC §2.1, §2.2, §4).

use serde::{Deserialize, Serialize};

/// The identifier of a CPP publisher account, such as `fabrikam`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AccountId(pub String);

impl AccountId {
    /// The identifier as text.
    pub fn as_str(&self) -> &str {
        &self.0
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
    /// An Azure AD work account: its address is the work email by default.
    WorkAccount,
    /// A personal Microsoft account: a work email of the MPN ID's tenant must be given instead.
    MicrosoftAccount,
}

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
