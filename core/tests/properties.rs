//! Properties of the rules over arbitrary input.

use assistant_core::account::{SignIn, SignInKind};
use assistant_core::checklist::{self, ItemKey, Ticks};
use assistant_core::email::{EmailAddress, Uts46};
use assistant_core::flow::{Answers, MpnAnswer};
use assistant_core::tenant::Tenant;
use assistant_core::work_email::check_work_email;
use assistant_core::{MpnId, fixtures};
use proptest::prelude::*;

fn northwind_tenant() -> Tenant {
    fixtures::tenant_of_mpn("3456789").unwrap()
}

/// Address-shaped text: mostly plausible pieces, with arbitrary Unicode mixed in.
fn address_like() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        "[a-zA-Z0-9._%+-]{0,20}",
        "\\PC{0,12}",
        Just("northwind".to_owned()),
        Just("bücher".to_owned()),
        Just("xn--bcher-kva".to_owned()),
    ];
    (
        part.clone(),
        prop::bool::ANY,
        part.clone(),
        part,
        "(\\.[a-z]{2,6}){0,3}",
    )
        .prop_map(|(local, at, d1, d2, tail)| {
            format!("{local}{}{d1}.{d2}{tail}", if at { "@" } else { "" })
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn validators_never_panic_on_arbitrary_unicode(input in "\\PC*|\\p{Any}{0,300}") {
        let sign_in = SignIn { kind: SignInKind::MicrosoftAccount, email: input.clone() };
        let _ = EmailAddress::parse(&input, &Uts46);
        let _ = check_work_email(&input, &sign_in, Some(&northwind_tenant()), &Uts46);
        let _ = MpnId::parse(&input);
        let _ = input.parse::<assistant_core::date::Date>();
    }

    #[test]
    fn an_accepted_address_reads_back_as_itself(input in address_like()) {
        if let Ok(email) = EmailAddress::parse(&input, &Uts46) {
            prop_assert_eq!(EmailAddress::parse(&email.to_string(), &Uts46), Ok(email));
        }
    }

    #[test]
    fn a_unicode_domain_and_its_punycode_form_get_the_same_verdict(
        local in "[a-z]{1,10}",
        label in "[a-zäöåüé]{1,12}",
        member in prop::bool::ANY,
    ) {
        let domain = format!("{label}.example");
        let ascii = idna::domain_to_ascii(&domain);
        prop_assume!(ascii.is_ok(), "the label has an ASCII form");
        let ascii = ascii.unwrap();
        let tenant = Tenant {
            id: "t".into(),
            name: "T".into(),
            verified_domains: vec![if member { domain.clone() } else { "other.example".into() }],
        };
        let work = SignIn { kind: SignInKind::WorkAccount, email: "x@y.example".into() };
        let unicode = check_work_email(&format!("{local}@{domain}"), &work, Some(&tenant), &Uts46);
        let punycode = check_work_email(&format!("{local}@{}", ascii.to_uppercase()), &work, Some(&tenant), &Uts46);
        prop_assert_eq!(unicode.is_ok(), member);
        prop_assert_eq!(unicode, punycode);
    }

    #[test]
    fn answers_survive_a_round_trip_through_saved_progress_in_every_order_of_edits(
        edits in prop::collection::vec(edit(), 0..12),
    ) {
        let mut answers = Answers::default();
        // What each answer must be: the last edit of it.
        let (mut last_email, mut last_mpn) = (None, None);
        for edit in edits {
            answers = match edit {
                Edit::WorkEmail(text) => {
                    last_email = Some(text.clone());
                    answers.with_work_email(text)
                }
                Edit::Mpn(answer) => {
                    last_mpn = Some(answer.clone());
                    answers.with_mpn(answer)
                }
            };
            let saved = serde_json::to_string(&answers).expect("answers serialise");
            let restored: Answers = serde_json::from_str(&saved).expect("a save reads back");
            prop_assert_eq!(&restored.work_email, &last_email);
            prop_assert_eq!(&restored.mpn, &last_mpn);
        }
    }

    #[test]
    fn progress_is_monotone_as_items_get_done(order in Just(checklist_keys()).prop_shuffle()) {
        let mut ticks = Ticks::default();
        let mut done = fabrikam_done(&ticks);
        for key in order {
            ticks.0.insert(ItemKey(key));
            let now = fabrikam_done(&ticks);
            prop_assert!(now >= done);
            done = now;
        }
    }
}

/// One edit of an answer, as the owner makes it.
#[derive(Debug, Clone)]
enum Edit {
    WorkEmail(String),
    Mpn(MpnAnswer),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        "\\PC{0,40}".prop_map(Edit::WorkEmail),
        "\\PC{0,12}".prop_map(|text| Edit::Mpn(MpnAnswer::NewId(text))),
        Just(Edit::Mpn(MpnAnswer::KeepOnFile)),
    ]
}

fn fabrikam_done(ticks: &Ticks) -> usize {
    let today = "2026-11-24".parse().unwrap();
    let deadline = "2019-10-15".parse().unwrap();
    checklist::evaluate(
        &fixtures::offers("fabrikam"),
        &fixtures::readiness("fabrikam"),
        ticks,
        deadline,
        today,
    )
    .done
}

fn checklist_keys() -> Vec<String> {
    let today = "2026-11-24".parse().unwrap();
    checklist::evaluate(
        &fixtures::offers("fabrikam"),
        &fixtures::readiness("fabrikam"),
        &Ticks::default(),
        today,
        today,
    )
    .items
    .into_iter()
    .map(|item| item.key.0)
    .collect()
}
