//! Every validator on arbitrary text: an answer, never a panic.
#![no_main]

use assistant_core::account::{SignIn, SignInKind};
use assistant_core::email::{EmailAddress, Uts46};
use assistant_core::flow::{Answers, MpnAnswer, Situation, assess};
use assistant_core::tenant::Tenant;
use assistant_core::work_email::{check_work_email, did_you_mean};
use assistant_core::{MpnId, fixtures};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let (first, second) = input.split_at(input.char_indices().nth(input.chars().count() / 2).map_or(0, |(i, _)| i));
    let tenant = Tenant { id: "t".into(), name: "T".into(), verified_domains: vec![second.to_owned()] };
    let sign_in = SignIn { kind: SignInKind::MicrosoftAccount, email: second.to_owned() };
    if let Ok(email) = EmailAddress::parse(input, &Uts46) {
        // What is accepted reads back as itself.
        assert_eq!(EmailAddress::parse(&email.to_string(), &Uts46), Ok(email.clone()));
        let _ = did_you_mean(&email, [first, second]);
    }
    let _ = check_work_email(first, &sign_in, Some(&tenant), &Uts46);
    let _ = MpnId::parse(input);
    let _ = input.parse::<assistant_core::date::Date>();
    for account in fixtures::accounts() {
        let situation = Situation { account: &account, stored_mpn: None, new_mpn: None, submitted_here: false };
        let answers = Answers::default().with_work_email(first).with_mpn(MpnAnswer::NewId(second.to_owned()));
        let _ = assess(&situation, &answers, &Uts46);
    }
});
