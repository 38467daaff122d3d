//! axe-core, the accessibility checker, run in the page under test.

use libtest_mimic::Failed;

use crate::page::Page;

/// axe-core's script, from npm (`cargo xtask install` puts it in `tests/node_modules`).
pub fn source() -> Result<String, Failed> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/node_modules/axe-core/axe.min.js"
    );
    std::fs::read_to_string(path)
        .map_err(|e| format!("{path}: {e} (cargo xtask install puts axe-core there)").into())
}

/// The WCAG 2.0, 2.1 and 2.2 A and AA violations axe finds in `context` (a JavaScript
/// expression axe takes as its context, such as `document`), as `rule: nodes` lines.
pub async fn violations(page: &Page, axe: &str, context: &str) -> Result<Vec<String>, Failed> {
    page.browser
        .execute(&format!("{axe}\nreturn true;"), vec![])
        .await?;
    let found = page
        .browser
        .execute_async(
            &format!(
                "const done = arguments[0];
                 axe.run({context}, {{ runOnly: {{ type: 'tag', values:
                     ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] }} }})
                   .then((result) => done(result.violations.map((v) =>
                       v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '))))
                   .catch((error) => done(['axe failed: ' + error]));"
            ),
            vec![],
        )
        .await?;
    // Anything but a list of lines is axe failing to answer, never "no violations".
    let lines = found
        .as_array()
        .ok_or_else(|| format!("axe gave no list of violations: {found}"))?;
    lines
        .iter()
        .map(|line| {
            line.as_str()
                .map(str::to_owned)
                .ok_or_else(|| format!("axe gave a violation that is not a line: {line}").into())
        })
        .collect()
}
