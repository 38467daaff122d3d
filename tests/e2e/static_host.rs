//! The built files on a plain static host, which knows nothing of the app: the overview, and a
//! cold deep link to a question, both show their screens (the host answers an unknown path with
//! the build's `404.html`), on the demo backend (there is no `config.json`).

use libtest_mimic::{Failed, Trial};

use assistant_e2e::harness::Harness;
use assistant_e2e::page::Page;

async fn the_overview_and_a_cold_deep_link_show_their_screens(page: Page) -> Result<(), Failed> {
    page.open_overview().await?;
    page.wait_text(".pma-demo-marker", "Demo data").await?;
    // A page load at a question's address: the host has no such file.
    page.open_work_email("fabrikam").await?;
    assert_eq!(page.value("#work-email").await?, "admin@fabrikam.example");
    page.wait_text(".pma-demo-marker", "Demo data").await?;
    page.open_on("help", "Help and next steps").await?;
    page.reload().await?;
    page.wait_heading("Help and next steps").await
}

pub fn tests(harness: &Harness) -> Vec<Trial> {
    vec![harness.on_static_host(
        "static_host::the_overview_and_a_cold_deep_link_show_their_screens [demo]",
        the_overview_and_a_cold_deep_link_show_their_screens,
    )]
}
