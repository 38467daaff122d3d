//! The hand readers against serde's derived ones: the same verdict and the same value on every
//! fixture, and on each fixture changed member by member.

use std::collections::BTreeSet;
use std::fmt::Debug;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::agreement::agree;
use super::*;
use crate::fixtures;

fn written(value: &impl Serialize) -> Value {
    serde_json::to_value(value).unwrap()
}

#[test]
fn the_accounts_are_read_as_serde_reads_them() {
    for accounts in [
        fixtures::accounts(),
        fixtures::hostile::accounts(),
        fixtures::scale::accounts().into_iter().take(3).collect(),
    ] {
        let (taken, all) = agree::<Vec<Account>>(&written(&accounts));
        assert!(taken > 1 && taken < all, "{taken} of {all}");
    }
    agree::<Vec<Account>>(&json!([]));
}

#[test]
fn every_problem_is_read_as_serde_reads_it() {
    for code in ProblemCode::ALL {
        let mut problem = Problem::new(code, "A title");
        agree::<Problem>(&written(&problem));
        problem.tenant_name = Some("Northwind Traders".into());
        problem.field = Some("work_email".into());
        problem.item = Some("pmc_profile".into());
        agree::<Problem>(&written(&problem));
    }
}

#[test]
fn the_flow_configuration_is_read_as_serde_reads_it() {
    let config = FlowConfig::default();
    let (taken, all) = agree::<FlowConfig>(&written(&config));
    assert!(taken > 1 && taken < all, "{taken} of {all}");
    agree::<FlowConfig>(&json!({}));
    agree::<FlowConfig>(&json!({"links": {"partner_center": "https://partner.example/"}}));
    agree::<FlowConfig>(&json!({"offers_deadline": "2019-02-30"}));
}

/// Every name serde's reader of `T` takes, as its error for an unknown one lists them.
fn names_serde_takes<T: DeserializeOwned + Debug>() -> BTreeSet<String> {
    let error = serde_json::from_value::<T>(json!("no such variant")).unwrap_err();
    let error = error.to_string();
    assert!(error.starts_with("unknown variant"), "{error}");
    error
        .split('`')
        .skip(3)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn names<T: Copy + Serialize>(variants: &[(T, &str)]) -> BTreeSet<String> {
    for (variant, name) in variants {
        assert_eq!(written(variant), json!(name));
    }
    variants
        .iter()
        .map(|(_, name)| (*name).to_owned())
        .collect()
}

#[test]
fn every_variant_is_named_as_serde_names_it() {
    assert_eq!(names(&Role::NAMES), names_serde_takes::<Role>());
    assert_eq!(names(&SignInKind::NAMES), names_serde_takes::<SignInKind>());
    assert_eq!(
        names(&MigrationStatus::NAMES),
        names_serde_takes::<MigrationStatus>()
    );
    let codes = ProblemCode::ALL.map(|code| (code, code.as_str()));
    assert_eq!(names(&codes), names_serde_takes::<ProblemCode>());
    assert_eq!(names(&codes).len(), ProblemCode::ALL.len());
}
