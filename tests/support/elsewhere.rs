//! A portal on another origin: its page loads the widget from the app's origin and mounts it on
//! that origin's API with a `getToken`, as a partner's portal would.

use std::path::PathBuf;

/// A portal's page that loads the widget from `assistant` (another origin) and mounts it in
/// `#assistant` on that origin's API, keeping the widget's `step-started` events.
fn portal_elsewhere(assistant: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
  <head><meta charset="utf-8"><title>A portal elsewhere</title></head>
  <body>
    <h1>A portal on another origin</h1>
    <div id="assistant"></div>
    <script type="module">
      import {{ mount }} from '{assistant}/widget.js';
      window.steps = [];
      document.addEventListener('step-started', (event) => window.steps.push(event.detail.step));
      await mount(document.getElementById('assistant'), {{
        apiBase: '{assistant}', lang: 'en', getToken: async () => 'demo-owner',
      }});
    </script>
  </body>
</html>
"#
    )
}

/// Writes the portal's page on another origin into a folder of its own; the folder.
pub fn write_portal(assistant: &str) -> Result<PathBuf, String> {
    let dir = std::env::temp_dir().join(format!("assistant-elsewhere-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("portal.html"), portal_elsewhere(assistant))
        .map_err(|e| e.to_string())?;
    Ok(dir)
}
