//! The app loads and shows its heading.

use std::time::Duration;

use fantoccini::Locator;
use libtest_mimic::Trial;

use crate::harness::Harness;

pub fn tests(harness: &Harness) -> Vec<Trial> {
    vec![harness.trial(
        "smoke::the_app_loads_and_shows_its_heading",
        |browser, app_url| async move {
            browser.goto(&app_url).await?;
            let heading = browser
                .wait()
                .at_most(Duration::from_secs(30))
                .for_element(Locator::Css("main h1"))
                .await?;
            assert_eq!(heading.text().await?, "Move your account to Partner Center");
            assert_eq!(browser.title().await?, "Partner Center migration assistant");
            Ok(())
        },
    )]
}
