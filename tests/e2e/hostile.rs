//! Hostile data from the API: names made of markup, right-to-left overrides, 10,000 characters
//! and emoji render as inert text, isolated from the sentences around them, in a layout that
//! holds at 1280 and at 320 pixels. The server adds these accounts with `--hostile-fixtures`.

use assistant_core::fixtures::hostile::{self, EMOJI, MARKUP, RTL_OVERRIDE};
use libtest_mimic::{Failed, Trial};
use serde_json::Value;

use assistant_e2e::harness::Harness;
use assistant_e2e::page::Page;

/// What the page holds that could only come from rendering text as HTML, and how far it is
/// wider than its window.
const INSPECT: &str = "
    const e = document.documentElement;
    return {
        injected: document.querySelectorAll('img, iframe, object, embed, main script').length,
        overflow: e.scrollWidth - e.clientWidth,
        text: document.querySelector('main').textContent,
        isolated: [...document.querySelectorAll('main bdi')].map((b) => b.textContent),
    };";

/// What the page's main part reads, and the texts it isolates in `bdi` elements.
struct Shown {
    text: String,
    in_bdi: Vec<String>,
}

impl Shown {
    /// Whether `name` is shown isolated from the text around it: between U+2068 and U+2069 in
    /// a sentence, or as the whole of a `bdi` element.
    fn isolates(&self, name: &str) -> bool {
        self.text.contains(&format!("\u{2068}{name}\u{2069}"))
            || self.in_bdi.iter().any(|text| text == name)
    }
}

/// Checks the page now: nothing injected, nothing wider than the window; what it shows.
async fn inert_and_fits(page: &Page, screen: &str) -> Result<Shown, Failed> {
    let found = page.browser.execute(INSPECT, vec![]).await?;
    let number = |key: &str| found.get(key).and_then(Value::as_i64).unwrap_or(-1);
    if number("injected") != 0 {
        return Err(format!(
            "{screen}: {} elements rendered from names",
            number("injected")
        )
        .into());
    }
    if number("overflow") != 0 {
        return Err(format!(
            "{screen}: wider than the window by {} px",
            number("overflow")
        )
        .into());
    }
    let text = found
        .get("text")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let in_bdi = found
        .get("isolated")
        .and_then(Value::as_array)
        .into_iter()
        .flatten();
    Ok(Shown {
        text: text.to_owned(),
        in_bdi: in_bdi
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
    })
}

async fn hostile_names_render_as_inert_text_in_a_layout_that_holds(
    page: Page,
) -> Result<(), Failed> {
    for (width, height) in [(1280, 900), (320, 800)] {
        page.browser.set_window_size(width, height).await?;

        page.open_overview().await?;
        page.element("li[data-account=hostile-emoji]").await?;
        let names = page
            .browser
            .execute(
                "return [...document.querySelectorAll('li[data-account^=hostile] h3')]
                    .map((h) => h.textContent);",
                vec![],
            )
            .await?;
        let expected: Vec<String> = hostile::accounts().into_iter().map(|a| a.name).collect();
        assert!(
            names == serde_json::json!(expected),
            "the names, exactly; the page shows {:.400}",
            names.to_string()
        );
        inert_and_fits(&page, &format!("overview at {width} px")).await?;

        // The tenant's name, from the MPN registry, in a hint and in an error message.
        page.open_work_email("hostile-markup").await?;
        page.fill("#work-email", "ops@adatum.example").await?;
        page.press("main form", "Continue").await?;
        page.element(".pma-error-summary").await?;
        let shown = inert_and_fits(&page, &format!("work email at {width} px")).await?;
        assert!(
            shown.text.contains("Enter an email address at") && shown.isolates(MARKUP),
            "the tenant's name is in the error, as text: {:.300}",
            shown.text
        );

        // Offers' names in the checklist's sentences, and an excluded one.
        page.open_on(
            "accounts/hostile-markup/offers-checklist",
            "Move your Dynamics 365 and PowerApps offers",
        )
        .await?;
        page.element("[data-excluded]").await?;
        let shown = inert_and_fits(&page, &format!("checklist at {width} px")).await?;
        for name in [MARKUP, RTL_OVERRIDE, EMOJI] {
            assert!(
                shown.isolates(name),
                "{name:?} is in the checklist, isolated"
            );
        }
        assert!(
            shown.isolates(&hostile::long_words()),
            "the 10,000-character offer name, whole"
        );
        assert!(
            shown.isolates(&hostile::long_unbroken()),
            "the 10,000-character name without spaces, whole"
        );
    }
    Ok(())
}

/// Puts `text` in the field `css` as a paste does: all at once, one input event.
async fn paste(page: &Page, css: &str, text: &str) -> Result<(), Failed> {
    page.browser
        .execute(
            "const [css, text] = arguments;
             const field = document.querySelector(css);
             field.value = text;
             field.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![css.into(), text.into()],
        )
        .await?;
    Ok(())
}

/// Each answer in turn, pasted into `css` and continued: the error summary then says `expected`.
async fn each_is_refused(page: &Page, css: &str, cases: &[(&str, &str)]) -> Result<(), Failed> {
    for (answer, expected) in cases {
        paste(page, css, answer).await?;
        page.press("main form", "Continue").await?;
        page.wait_text(".pma-error-summary", expected).await?;
        let screen = format!("{css} given {:.40?}", answer);
        inert_and_fits(page, &screen).await?;
        // Kept to mend (the app trims the spaces around an answer).
        let kept = page.value(css).await?;
        assert_eq!(kept.trim(), answer.trim(), "{screen}: the answer is kept");
    }
    Ok(())
}

/// Long and odd answers in every field are refused with a message, at once, and kept to mend.
async fn long_and_odd_answers_are_refused_with_a_message(page: Page) -> Result<(), Failed> {
    page.open_work_email("hostile-markup").await?;
    let ten_thousand = "a".repeat(9_990) + "@x.example";
    each_is_refused(
        &page,
        "#work-email",
        &[
            (
                &ten_thousand,
                "Email address must be 254 characters or fewer",
            ),
            ("   ", "Enter your work email address"),
            ("ops team@hostile-markup.example", "must not contain spaces"),
            (
                "ops@\u{200B}hostile-markup.example",
                "contains an invisible character",
            ),
            (
                "\u{202E}ops@hostile-markup.example",
                "contains an invisible character",
            ),
            (MARKUP, "must not contain spaces"),
            (
                "<img/src=x/onerror=alert(1)>@x.example",
                "Enter an email address in the correct format",
            ),
            ("🚀@🚀", "Enter an email address in the correct format"),
        ],
    )
    .await?;

    // An account without an MPN ID: the enrolment page asks for one.
    page.open_work_email("hostile-rtl").await?;
    paste(&page, "#work-email", "ops@hostile-rtl.example").await?;
    page.press("main form", "Continue").await?;
    page.wait_heading("Join the Microsoft Partner Network")
        .await?;
    let digits = "1".repeat(10_000);
    each_is_refused(
        &page,
        "#mpn-id",
        &[
            (
                &digits,
                "You entered too many characters. Check your MPN ID",
            ),
            ("12345🚀", "MPN ID must only include numbers 0 to 9"),
            (MARKUP, "MPN ID must only include numbers 0 to 9"),
            ("   ", "Enter your MPN ID"),
        ],
    )
    .await
}

pub fn tests(harness: &Harness) -> Vec<Trial> {
    vec![
        harness.on_hostile_data(
            "hostile::hostile_names_render_as_inert_text_in_a_layout_that_holds",
            hostile_names_render_as_inert_text_in_a_layout_that_holds,
        ),
        harness.on_hostile_data(
            "hostile::long_and_odd_answers_are_refused_with_a_message",
            long_and_odd_answers_are_refused_with_a_message,
        ),
    ]
}
