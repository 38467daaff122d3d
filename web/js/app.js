// Starts the assistant as a whole page. A file of its own rather than Trunk's inline start-up
// script, so that the page runs under a Content Security Policy without 'unsafe-inline'.
import init, { start_standalone } from './assistant-web.js';

// The configuration's text, or null when there is none (the app then runs on its demo backend):
// as start.js, which runs before this module, read it beside the wasm; or, if that script could
// not be fetched, read here. It sits beside the page (under its <base>).
const config =
  globalThis.pmaEarly?.config ??
  fetch(new URL('config.json', document.baseURI))
    .then((response) => (response.ok ? response.text() : null))
    .catch(() => null);

try {
  await init({ module_or_path: new URL('./assistant-web_bg.wasm', import.meta.url) });
} catch (error) {
  // The app's code could not be fetched or started: the frame says so in place of its loading
  // state, in its language, with Try again (a reload).
  const loading = document.querySelector('[data-frame] .pma-loading');
  const unavailable = document.getElementById('pma-unavailable')?.content.cloneNode(true);
  if (loading && unavailable) {
    unavailable.querySelector('button').addEventListener('click', () => location.reload());
    loading.replaceWith(unavailable);
  }
  throw error;
}
// The app takes the page's frame over: its own first view is the same, in the same place (with
// config.json still on its way, if it is).
for (const element of document.querySelectorAll('body > [data-frame]')) element.remove();
start_standalone(config);
