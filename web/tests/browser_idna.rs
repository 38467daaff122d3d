#![cfg(target_arch = "wasm32")]
//! The browser's IDNA gives the same ASCII form as the `idna` crate the server uses, so the core's
//! rules reach the same verdict on both sides; so does its lower-case mapping.

use assistant_core::email::{EmailAddress, UnicodeTables, Uts46};
use assistant_web::backend::browser_idna::BrowserIdna;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DOMAINS: [&str; 12] = [
    "bücher.example",
    "BÜCHER.Example",
    "xn--bcher-kva.example",
    "räksmörgås.se",
    "日本語.jp",
    "ｅｘａｍｐｌｅ．com",
    "faß.de",
    "ÖRESUND.dk",
    "παράδειγμα.δοκιμή",
    "пример.рф",
    "مثال.إختبار",
    "a\u{200D}b.example",
];

#[wasm_bindgen_test]
fn the_browser_and_the_idna_crate_agree_on_the_ascii_form() {
    for domain in DOMAINS {
        assert_eq!(
            BrowserIdna.domain_to_ascii(domain),
            Uts46.domain_to_ascii(domain),
            "{domain}"
        );
    }
}

#[wasm_bindgen_test]
fn url_syntax_is_never_taken_for_a_domain() {
    for input in [
        "bücher.example:8080",
        "bücher.example/path",
        "bü@cher.example",
        "bücher.example?x",
        "bü cher.example",
        "",
    ] {
        assert_eq!(BrowserIdna.domain_to_ascii(input), None, "{input:?}");
    }
}

#[wasm_bindgen_test]
fn an_address_gets_the_same_verdict_with_either() {
    for address in [
        "ops@bücher.example",
        "ops@日本語.jp",
        "ops@b\u{fffd}cher.example",
        "ops@ｅｘａｍｐｌｅ．com",
    ] {
        assert_eq!(
            EmailAddress::parse(address, &BrowserIdna),
            EmailAddress::parse(address, &Uts46),
            "{address}"
        );
    }
}

#[wasm_bindgen_test]
fn the_browser_and_the_standard_library_agree_on_lower_case() {
    for text in [
        "Åsa.Öberg",
        "ÆØÅ",
        "İstanbul",
        "ΟΔΥΣΣΕΥΣ",
        "STRASSE",
        "ǅemal",
        "ＡＢＣ",
        "Ops.Team+cpp",
    ] {
        assert_eq!(
            BrowserIdna.to_lowercase(text),
            Uts46.to_lowercase(text),
            "{text}"
        );
    }
}
