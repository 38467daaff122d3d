//! The demo data of SPEC §4: one source for the embedded demo backend and the reference server.

use crate::account::{Account, AccountId, MigrationStatus, Role, SignIn, SignInKind};
use crate::mpn::{MpnId, MpnLookup, MpnRecord};
use crate::offer::{CertificationStatus, Offer, OfferType, Readiness};
use crate::tenant::Tenant;

pub mod hostile;
pub mod scale;

/// The fixture accounts, in the order the overview lists them.
pub const ACCOUNT_IDS: [&str; 6] = [
    "contoso",
    "fabrikam",
    "northwind",
    "adatum",
    "litware",
    "tailspin",
];

/// An MPN ID the registry knows as inactive, for error paths.
pub const INACTIVE_MPN_ID: &str = "1111111";

fn tenant(id: &str, name: &str, domains: &[&str]) -> Tenant {
    Tenant {
        id: id.into(),
        name: name.into(),
        verified_domains: domains.iter().map(|d| d.to_string()).collect(),
    }
}

/// The partner registry: every MPN ID it knows, and its tenant.
fn registry() -> Vec<(&'static str, Option<Tenant>)> {
    vec![
        (
            "1234567",
            Some(tenant("contoso", "Contoso", &["contoso.example"])),
        ),
        (
            "2345678",
            Some(tenant(
                "fabrikam",
                "Fabrikam",
                &["fabrikam.example", "fabrikam.onmicrosoft.example"],
            )),
        ),
        (
            "3456789",
            Some(tenant(
                "northwind",
                "Northwind Traders",
                &["northwind.example"],
            )),
        ),
        (
            "5678901",
            Some(tenant("tailspin", "Tailspin Toys", &["tailspin.example"])),
        ),
        (
            "4567890",
            Some(tenant("adatum", "Adatum", &["adatum.example"])),
        ),
        (
            "8765432",
            Some(tenant("litware", "Litware", &["litware.example"])),
        ),
        (INACTIVE_MPN_ID, None),
    ]
}

/// What the demo registry holds: a record for each MPN ID it knows.
pub fn mpn_records() -> Vec<MpnRecord> {
    known_mpn_ids().iter().map(lookup_mpn).collect()
}

/// Every MPN ID the demo registry knows (active or inactive).
pub fn known_mpn_ids() -> Vec<MpnId> {
    registry()
        .into_iter()
        .filter_map(|(id, _)| MpnId::parse(id).ok())
        .collect()
}

/// What the demo registry says of an MPN ID.
pub fn lookup_mpn(id: &MpnId) -> MpnRecord {
    let lookup = match registry()
        .into_iter()
        .find(|(known, _)| *known == id.as_str())
    {
        Some((_, Some(tenant))) => MpnLookup::Active { tenant },
        Some((_, None)) => MpnLookup::Inactive,
        None => MpnLookup::NotFound,
    };
    MpnRecord {
        id: id.clone(),
        lookup,
    }
}

/// What the demo registry says of an MPN ID typed as text, when the text is a well-formed ID
/// (a stored ID that is absent or malformed is not looked up).
pub fn lookup_text(text: Option<&str>) -> Option<MpnRecord> {
    text.and_then(|text| MpnId::parse(text).ok())
        .map(|id| lookup_mpn(&id))
}

/// The tenant of an active fixture MPN ID.
pub fn tenant_of_mpn(id: &str) -> Option<Tenant> {
    match lookup_mpn(&MpnId::parse(id).ok()?).lookup {
        MpnLookup::Active { tenant } => Some(tenant),
        MpnLookup::Inactive | MpnLookup::NotFound => None,
    }
}

fn account_row(
    id: &str,
    name: &str,
    role: Role,
    kind: SignInKind,
    email: &str,
    mpn: Option<&str>,
    status: MigrationStatus,
) -> Account {
    Account {
        id: AccountId::parse(id).expect("the fixtures' ids are valid"),
        name: name.into(),
        viewer_role: role,
        sign_in: SignIn {
            kind,
            email: email.into(),
        },
        mpn_id: mpn.map(str::to_owned),
        migration_status: status,
    }
}

/// Every fixture account, as the default demo user sees them.
pub fn accounts() -> Vec<Account> {
    use MigrationStatus::{Migrated, NotMigrated};
    use Role::{Developer, Owner};
    use SignInKind::{MicrosoftAccount, WorkAccount};
    vec![
        account_row(
            "contoso",
            "Contoso Ltd",
            Owner,
            WorkAccount,
            "owner@contoso.example",
            Some("1234567"),
            Migrated,
        ),
        account_row(
            "fabrikam",
            "Fabrikam Inc",
            Owner,
            WorkAccount,
            "admin@fabrikam.example",
            Some("2345678"),
            NotMigrated,
        ),
        account_row(
            "northwind",
            "Northwind Traders",
            Owner,
            MicrosoftAccount,
            "northwind.publisher@outlook.com",
            Some("3456789"),
            NotMigrated,
        ),
        account_row(
            "adatum",
            "Adatum Corporation",
            Owner,
            WorkAccount,
            "lead@adatum.example",
            None,
            NotMigrated,
        ),
        account_row(
            "litware",
            "Litware",
            Owner,
            WorkAccount,
            "admin@litware.example",
            Some("7654321"),
            NotMigrated,
        ),
        account_row(
            "tailspin",
            "Tailspin Toys",
            Developer,
            WorkAccount,
            "dev@tailspin.example",
            Some("5678901"),
            NotMigrated,
        ),
    ]
}

/// A personal Microsoft account that Fabrikam invited as a guest into its Microsoft Entra tenant,
/// and made an owner of its CPP account too: its tokens carry Fabrikam's tenant, yet it signs in
/// as a Microsoft account (SPEC §2.7).
pub const FABRIKAM_GUEST: &str = "fabrikam.contractor@outlook.com";

/// Who is invited to the fixture accounts, by address, besides each account's own CPP sign-in
/// (which is invited with the role the account shows): the address, the account and the role.
/// An invitation binds to the first identity that signs in with the address verified.
pub fn more_invitations() -> Vec<(&'static str, AccountId, Role)> {
    vec![(
        FABRIKAM_GUEST,
        AccountId::parse("fabrikam").expect("the fixtures' ids are valid"),
        Role::Owner,
    )]
}

/// One fixture account by id.
pub fn account(id: &str) -> Option<Account> {
    accounts()
        .into_iter()
        .find(|account| account.id.as_str() == id)
}

fn offer(id: &str, name: &str, offer_type: OfferType, listed_in_appsource: bool) -> Offer {
    Offer {
        id: id.into(),
        name: name.into(),
        offer_type,
        listed_in_appsource,
        certification: CertificationStatus::NotSubmitted,
        premium_tier_requested: false,
    }
}

/// The offers of a fixture account (only `fabrikam` has any).
pub fn offers(account_id: &str) -> Vec<Offer> {
    if account_id != "fabrikam" {
        return Vec::new();
    }
    vec![
        offer(
            "fabrikam-field-service",
            "Fabrikam Field Service Pack",
            OfferType::Dynamics365CustomerEngagement,
            true,
        ),
        offer(
            "fabrikam-expense-app",
            "Fabrikam Expense App",
            OfferType::PowerApps,
            false,
        ),
        offer(
            "fabrikam-warehouse",
            "Fabrikam Warehouse Optimizer",
            OfferType::Dynamics365Operations,
            false,
        ),
        offer(
            "fabrikam-ledger",
            "Fabrikam Ledger Connector",
            OfferType::Dynamics365BusinessCentral,
            true,
        ),
        offer(
            "fabrikam-analytics-vm",
            "Fabrikam Analytics VM",
            OfferType::AzureVirtualMachine,
            true,
        ),
    ]
}

/// The readiness facts the API reports for a fixture account.
pub fn readiness(account_id: &str) -> Readiness {
    match account_id {
        "fabrikam" => Readiness {
            pmc_account_migrated: Some(true),
            marketplace_enrolled: Some(true),
            isv_addendum_accepted: Some(false),
            billing_profile_complete: Some(false),
        },
        _ => Readiness::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fixture_account_is_there_with_the_specs_values() {
        let ids: Vec<_> = accounts().into_iter().map(|a| String::from(a.id)).collect();
        assert_eq!(ids, ACCOUNT_IDS);
        let northwind = account("northwind").unwrap();
        assert_eq!(northwind.sign_in.kind, SignInKind::MicrosoftAccount);
        assert_eq!(account("tailspin").unwrap().viewer_role, Role::Developer);
        assert_eq!(account("adatum").unwrap().mpn_id, None);
    }

    #[test]
    fn the_registry_knows_enrolment_ids_and_an_inactive_one() {
        let lookup = |id: &str| lookup_mpn(&MpnId::parse(id).unwrap()).lookup;
        assert_eq!(
            tenant_of_mpn("4567890").unwrap().verified_domains,
            ["adatum.example"]
        );
        assert_eq!(tenant_of_mpn("8765432").unwrap().name, "Litware");
        assert_eq!(lookup(INACTIVE_MPN_ID), MpnLookup::Inactive);
        assert_eq!(lookup("7654321"), MpnLookup::NotFound);
    }
}
