//! The languages of the assistant: the messages compiled from `locales/*.ftl` by `build.rs`,
//! the plural and number rules they need, and the choice of language.

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

impl Locale {
    /// The language for a BCP 47 tag such as `sv-FI`, matched on its primary subtag.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next()?.trim();
        Locale::ALL
            .into_iter()
            .find(|locale| locale.tag().eq_ignore_ascii_case(primary))
    }

    /// The first of `preferred` (most wanted first) that the assistant speaks, else English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Locale {
        preferred
            .into_iter()
            .find_map(Locale::from_tag)
            .unwrap_or(Locale::ALL[0])
    }
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
    fn the_first_spoken_language_wins_and_english_is_the_fallback() {
        assert_eq!(Locale::negotiate(["de-DE", "sv-FI", "en"]), Locale::Sv);
        assert_eq!(Locale::negotiate(["de-DE", "fr"]), Locale::En);
        assert_eq!(Locale::negotiate([]), Locale::En);
    }
}
