//! How long the rules take: far below a frame (16 ms), in microseconds.

use std::hint::black_box;

use assistant_core::checklist::{self, Ticks};
use assistant_core::email::Uts46;
use assistant_core::fixtures;
use assistant_core::offer::{CertificationStatus, Offer, OfferType};
use assistant_core::work_email::check_work_email;
use criterion::{Criterion, criterion_group, criterion_main};

fn email_validation(c: &mut Criterion) {
    let northwind = fixtures::account("northwind").unwrap();
    let tenant = fixtures::tenant_of_mpn("3456789");
    c.bench_function("work email validation", |b| {
        b.iter(|| {
            check_work_email(
                black_box("ops.team@eu.northwind.example"),
                &northwind.sign_in,
                tenant.as_ref(),
                &Uts46,
            )
        })
    });
}

fn checklist_of_1000_offers(c: &mut Criterion) {
    let types = [
        OfferType::Dynamics365CustomerEngagement,
        OfferType::PowerApps,
        OfferType::Dynamics365Operations,
        OfferType::Dynamics365BusinessCentral,
    ];
    let offers: Vec<Offer> = (0..1000)
        .map(|i| Offer {
            id: format!("offer-{i}"),
            name: format!("Offer {i}"),
            offer_type: types[i % types.len()],
            listed_in_appsource: i % 3 == 0,
            certification: CertificationStatus::NotSubmitted,
            premium_tier_requested: false,
        })
        .collect();
    let readiness = fixtures::readiness("fabrikam");
    let (deadline, today) = ("2019-10-15".parse().unwrap(), "2026-11-24".parse().unwrap());
    c.bench_function("checklist over 1,000 offers", |b| {
        b.iter(|| {
            checklist::evaluate(
                black_box(&offers),
                &readiness,
                &Ticks::default(),
                deadline,
                today,
            )
        })
    });
}

criterion_group!(benches, email_validation, checklist_of_1000_offers);
criterion_main!(benches);
