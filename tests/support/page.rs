//! Driving the app as a person would: open an address, read headings and messages, type, press
//! buttons; every wait polls the page until it shows what is expected (or 30 seconds pass).

use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use libtest_mimic::Failed;

const WAIT: Duration = Duration::from_secs(30);

/// Text as a person reads it: without the invisible marks (U+2068, U+2069) that isolate names
/// from the API and typed addresses in the app's sentences.
pub fn as_read(text: String) -> String {
    if text.contains(['\u{2068}', '\u{2069}']) {
        text.replace(['\u{2068}', '\u{2069}'], "")
    } else {
        text
    }
}
const POLL: Duration = Duration::from_millis(100);

/// The app in a browser.
pub struct Page {
    /// The browser.
    pub browser: Client,
    base: String,
}

impl Page {
    /// The app served at `base` (no trailing slash), in `browser`.
    pub fn new(browser: Client, base: String) -> Self {
        Self { browser, base }
    }

    /// Opens the app's page at `path` (relative to the app, such as `accounts/adatum/mpn-id`).
    pub async fn open(&self, path: &str) -> Result<(), Failed> {
        self.browser.goto(&format!("{}/{path}", self.base)).await?;
        Ok(())
    }

    /// Opens the app's page at `path` and waits for its heading to read `heading`.
    pub async fn open_on(&self, path: &str, heading: &str) -> Result<(), Failed> {
        self.open(path).await?;
        self.wait_heading(heading).await
    }

    /// Opens `account`'s first question, the work email page, and waits for its heading.
    pub async fn open_work_email(&self, account: &str) -> Result<(), Failed> {
        self.open_on(
            &format!("accounts/{account}/work-email"),
            "What is your work email address?",
        )
        .await
    }

    /// Opens the accounts overview and waits until it lists the accounts.
    pub async fn open_overview(&self) -> Result<(), Failed> {
        self.open("").await?;
        self.element("li[data-account=tailspin]").await?;
        Ok(())
    }

    /// The path of the page's address.
    pub async fn path(&self) -> Result<String, Failed> {
        Ok(self.browser.current_url().await?.path().to_owned())
    }

    /// Reloads the page.
    pub async fn reload(&self) -> Result<(), Failed> {
        self.browser.refresh().await?;
        Ok(())
    }

    /// Polls `check` until it gives `Some`, or fails saying what was awaited.
    pub async fn until<T, F, Fut>(&self, what: &str, mut check: F) -> Result<T, Failed>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Option<T>>,
    {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(found) = check().await {
                return Ok(found);
            }
            if Instant::now() > deadline {
                return Err(format!("waited {WAIT:?} for {what}").into());
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// The text of the first element matching `css`, if there is one.
    pub async fn text_of(&self, css: &str) -> Option<String> {
        let element = self.browser.find(Locator::Css(css)).await.ok()?;
        element.text().await.ok().map(as_read)
    }

    /// Waits for the main heading to read `expected`.
    pub async fn wait_heading(&self, expected: &str) -> Result<(), Failed> {
        let found = self
            .until(&format!("the heading {expected:?}"), || async {
                (self.text_of("main h1").await? == expected).then_some(())
            })
            .await;
        match found {
            Ok(()) => Ok(()),
            Err(_) => Err(format!(
                "waited {WAIT:?} for the heading {expected:?}; the page says {:?}",
                self.text_of("main h1").await
            )
            .into()),
        }
    }

    /// Waits for an element matching `css` whose text contains `expected`; its full text.
    pub async fn wait_text(&self, css: &str, expected: &str) -> Result<String, Failed> {
        self.until(&format!("{css} to contain {expected:?}"), || async {
            let elements = self.browser.find_all(Locator::Css(css)).await.ok()?;
            for element in elements {
                if let Ok(text) = element.text().await.map(as_read)
                    && text.contains(expected)
                {
                    return Some(text);
                }
            }
            None
        })
        .await
    }

    /// Waits for an element matching `css`.
    pub async fn element(&self, css: &str) -> Result<Element, Failed> {
        self.until(&format!("an element {css}"), || async {
            self.browser.find(Locator::Css(css)).await.ok()
        })
        .await
    }

    /// Whether an element matches `css` now.
    pub async fn has(&self, css: &str) -> bool {
        self.browser.find(Locator::Css(css)).await.is_ok()
    }

    /// How many elements match `css` now.
    pub async fn count(&self, css: &str) -> Result<usize, Failed> {
        Ok(self.browser.find_all(Locator::Css(css)).await?.len())
    }

    /// Replaces the text of the field `css` with `text`, as typed.
    pub async fn fill(&self, css: &str, text: &str) -> Result<(), Failed> {
        let field = self.element(css).await?;
        field.clear().await?;
        field.send_keys(text).await?;
        Ok(())
    }

    /// The current value of the field `css`.
    pub async fn value(&self, css: &str) -> Result<String, Failed> {
        let field = self.element(css).await?;
        Ok(field.prop("value").await?.unwrap_or_default())
    }

    /// Presses the button (or link) whose text is `label`, within `scope` (a CSS selector).
    pub async fn press(&self, scope: &str, label: &str) -> Result<(), Failed> {
        let button = self
            .until(&format!("a button {label:?} in {scope}"), || async {
                let candidates = self
                    .browser
                    .find_all(Locator::Css(&format!("{scope} button, {scope} a")))
                    .await
                    .ok()?;
                for candidate in candidates {
                    if candidate.text().await.ok()?.trim() == label {
                        return Some(candidate);
                    }
                }
                None
            })
            .await?;
        button.click().await?;
        Ok(())
    }

    /// The `id` of the focused element, or its tag name when it has none.
    pub async fn focused(&self) -> Result<String, Failed> {
        let value = self
            .browser
            .execute(
                "const e = document.activeElement; return e.id || e.className || e.tagName;",
                vec![],
            )
            .await?;
        Ok(value.as_str().unwrap_or_default().to_owned())
    }

    /// Whether the focus is on the page's main heading.
    pub async fn heading_has_focus(&self) -> Result<bool, Failed> {
        let value = self
            .browser
            .execute(
                "return document.activeElement === document.querySelector('main h1');",
                vec![],
            )
            .await?;
        Ok(value.as_bool() == Some(true))
    }

    /// Saves a screenshot as `<name>.png` in the folder `ASSISTANT_SCREENSHOTS` names, if it does.
    pub async fn screenshot(&self, name: &str) -> Result<(), Failed> {
        if let Some(dir) = std::env::var_os("ASSISTANT_SCREENSHOTS") {
            let png = self.browser.screenshot().await?;
            let path = std::path::Path::new(&dir).join(format!("{name}.png"));
            std::fs::create_dir_all(&dir)?;
            std::fs::write(path, png)?;
        }
        Ok(())
    }
}
