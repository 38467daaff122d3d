// Starts the assistant as a whole page. A file of its own rather than Trunk's inline start-up
// script, so that the page runs under a Content Security Policy without 'unsafe-inline'.
import init, { start_standalone } from './assistant-web.js';

await init({ module_or_path: new URL('./assistant-web_bg.wasm', import.meta.url) });
start_standalone();
