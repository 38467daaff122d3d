//! The languages of the assistant: the messages compiled from `locales/*.ftl` by `build.rs`,
//! the plural and number rules they need, the choice of language, and (in `wording`) the words of
//! the core's typed verdicts and the client's failures.

pub mod wording;

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

use leptos::prelude::{Get, RwSignal, expect_context};

/// A message of the chosen language, following language changes: for views and attributes.
///
/// Every message shares this one closure type, so the view code that renders text is compiled
/// once rather than once per message (measured: each distinct closure costs its own copy).
pub fn text(
    message: fn(Locale) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let locale = expect_context::<RwSignal<Locale>>();
    move || message(locale.get())
}

impl Locale {
    /// The language for a BCP 47 tag such as `sv-FI`, matched on its primary subtag.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next()?.trim();
        Locale::ALL
            .into_iter()
            .find(|locale| locale.tag().eq_ignore_ascii_case(primary))
    }

    /// The plural category of `n` (CLDR): English and Swedish both say "one" for 1 only.
    pub fn plural_category(self, n: i64) -> &'static str {
        if n == 1 { "one" } else { "other" }
    }

    /// `n` with its thousands grouped as the language writes them: `1,000` and `1 000` (with a
    /// no-break space).
    pub fn format_number(self, n: i64) -> String {
        let separator = match self {
            Locale::En => ",",
            Locale::Sv => "\u{a0}",
        };
        let digits = n.unsigned_abs().to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 1);
        if n < 0 {
            grouped.push('-');
        }
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push_str(separator);
            }
            grouped.push(digit);
        }
        grouped
    }

    /// The first of `preferred` (most wanted first) that the assistant speaks, else English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Locale {
        preferred
            .into_iter()
            .find_map(Locale::from_tag)
            .unwrap_or(Locale::ALL[0])
    }
}

/// The language the browser asks for, from `navigator.languages`.
pub fn browser_locale() -> Locale {
    let languages = web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| {
            list.iter()
                .filter_map(|v| v.as_string())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    Locale::negotiate(languages.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_tags_of_any_region_choose_swedish() {
        for tag in ["sv", "sv-SE", "sv-FI", "SV_se"] {
            assert_eq!(Locale::from_tag(tag), Some(Locale::Sv), "{tag}");
        }
    }

    #[test]
    fn numbers_are_grouped_as_each_language_writes_them() {
        assert_eq!(Locale::En.format_number(1_234_567), "1,234,567");
        assert_eq!(Locale::Sv.format_number(1_000), "1\u{a0}000");
        assert_eq!(Locale::En.format_number(-999), "-999");
        assert_eq!(Locale::Sv.format_number(0), "0");
    }

    #[test]
    fn one_is_singular_and_everything_else_plural() {
        assert_eq!(Locale::Sv.plural_category(1), "one");
        for n in [0, 2, 3, 21, -1] {
            assert_eq!(Locale::En.plural_category(n), "other", "{n}");
        }
    }

    #[test]
    fn messages_fill_in_their_variables_with_names_isolated() {
        assert_eq!(
            Locale::En.manage_in_partner_center("Fabrikam"),
            "Manage \u{2068}Fabrikam\u{2069} in Partner Center"
        );
        assert_eq!(
            Locale::Sv.deadline_days_left(2_598),
            "2\u{a0}598\u{a0}dagar kvar"
        );
        assert_eq!(Locale::En.deadline_days_left(1), "1\u{a0}day left");
        assert_eq!(
            Locale::En.must_migrate_banner(4, 6),
            "4 of your 6 accounts must be migrated to Partner Center"
        );
        assert_eq!(
            Locale::Sv.which_answers_changed_on("3 december", "14:05"),
            "Du ändrade även dina svar på en annan enhet den 3 december kl.\u{a0}14:05."
        );
    }

    #[test]
    fn the_first_spoken_language_wins_and_english_is_the_fallback() {
        assert_eq!(Locale::negotiate(["de-DE", "sv-FI", "en"]), Locale::Sv);
        assert_eq!(Locale::negotiate(["de-DE", "fr"]), Locale::En);
        assert_eq!(Locale::negotiate([]), Locale::En);
    }
}
