//! Decoding every domain type from arbitrary bytes: a value or an error, never a panic.
#![no_main]

use assistant_core::account::Account;
use assistant_core::checklist::{Checklist, Ticks};
use assistant_core::config::FlowConfig;
use assistant_core::date::Date;
use assistant_core::flow::{Answers, MigrationRequest};
use assistant_core::mpn::MpnRecord;
use assistant_core::offer::{Offer, Readiness};
use assistant_core::tenant::Tenant;
use libfuzzer_sys::fuzz_target;

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug>(data: &[u8]) {
    if let Ok(value) = serde_json::from_slice::<T>(data) {
        let again: T = serde_json::from_str(&serde_json::to_string(&value).unwrap()).unwrap();
        assert_eq!(again, value);
    }
}

fuzz_target!(|data: &[u8]| {
    round_trip::<Account>(data);
    round_trip::<Vec<Account>>(data);
    round_trip::<Tenant>(data);
    round_trip::<MpnRecord>(data);
    round_trip::<Offer>(data);
    round_trip::<Vec<Offer>>(data);
    round_trip::<Readiness>(data);
    round_trip::<Ticks>(data);
    round_trip::<Checklist>(data);
    round_trip::<FlowConfig>(data);
    round_trip::<Date>(data);
    round_trip::<Answers>(data);
    round_trip::<MigrationRequest>(data);
});
