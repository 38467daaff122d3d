//! For tests: a hand reader against serde's derived one, on a value and on that value changed
//! member by member. The web app's tests check its own readers with it too.

use std::fmt::Debug;

use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::FromJson;

/// What a member is changed to: each kind of JSON value, and numbers out of every range.
pub fn replacements() -> Vec<Value> {
    vec![
        json!(null),
        json!(1),
        json!(1.5),
        json!(-1),
        json!(70_000),
        json!(5_000_000_000_u64),
        json!("x"),
        json!(""),
        json!("2019-10-15"),
        json!("https://partner.example/"),
        json!("owner"),
        json!(true),
        // Not `[]`: serde's derived readers take an array for a struct, by position, so they
        // take an empty one for a struct whose fields all have defaults; the hand readers do not.
        json!([1]),
        json!({}),
    ]
}

/// `value` changed in one place each: a member left out, a member or an element replaced by each
/// of [`replacements`], an unknown member added; at every depth.
pub fn mutations(value: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    match value {
        Value::Object(members) => {
            let mut extra = members.clone();
            extra.insert("unknown_member".into(), json!({"a": [1]}));
            out.push(Value::Object(extra));
            for (key, member) in members {
                let mut without = members.clone();
                without.remove(key);
                out.push(Value::Object(without));
                for changed in replacements().into_iter().chain(mutations(member)) {
                    let mut with = members.clone();
                    with.insert(key.clone(), changed);
                    out.push(Value::Object(with));
                }
            }
        }
        Value::Array(elements) => {
            for (at, element) in elements.iter().enumerate() {
                for changed in replacements().into_iter().chain(mutations(element)) {
                    let mut with = elements.clone();
                    with[at] = changed;
                    out.push(Value::Array(with));
                }
            }
        }
        _ => {}
    }
    out
}

/// Checks that the hand reader of `T` and serde's agree on `value`, on each of its mutations and
/// on each replacement; panics where they do not. Returns how many cases were taken, of how many.
pub fn agree<T: FromJson + DeserializeOwned + PartialEq + Debug>(value: &Value) -> (usize, usize) {
    let mut taken = 0;
    let all: Vec<Value> = std::iter::once(value.clone())
        .chain(mutations(value))
        .chain(replacements())
        .collect();
    for case in &all {
        let by_hand = T::from_json(case);
        let by_serde = serde_json::from_value::<T>(case.clone()).ok();
        assert_eq!(by_hand, by_serde, "{case}");
        taken += usize::from(by_serde.is_some());
    }
    (taken, all.len())
}
