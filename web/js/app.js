// Starts the assistant as a whole page. A file of its own rather than Trunk's inline start-up
// script, so that the page runs under a Content Security Policy without 'unsafe-inline'.
import init, { start_standalone } from './assistant-web.js';

// The configuration downloads beside the wasm rather than after it: the app then asks the API at
// once. Its text, or null when there is none (the app then runs on its demo backend).
// It sits beside the page (under the page's <base>), wherever this script is.
const config = fetch(new URL('config.json', document.baseURI))
  .then((response) => (response.ok ? response.text() : null))
  .catch(() => null);

await init({ module_or_path: new URL('./assistant-web_bg.wasm', import.meta.url) });
start_standalone(config);
