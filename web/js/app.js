// Starts the assistant as a whole page. A file of its own rather than Trunk's inline start-up
// script, so that the page runs under a Content Security Policy without 'unsafe-inline'.
import init, { start_standalone } from './assistant-web.js';

// The configuration downloads beside the wasm rather than after it: the app then asks the API at
// once. Its text, or null when there is none (the app then runs on its demo backend).
// It sits beside the page (under the page's <base>), wherever this script is.
const config = fetch(new URL('config.json', document.baseURI))
  .then((response) => (response.ok ? response.text() : null))
  .catch(() => null);

// The first screen's data does not wait for the code either. On the demo backend (no API in the
// configuration) its data and code, chunks of the wasm, download beside the wasm: the build names
// them here (none in a build that is not split). With an API that needs no sign-in, the first
// screen's requests start here, and the app takes their answers: its first GET of the same
// address with the same authorization (and no other header) is answered with the page's answer,
// or asked again if that failed. An answer the app does not take is no error.
const demoChunks = [/* the build names the demo's chunks here */];
const early = new Map();
config.then((text) => {
  let settings = null;
  try {
    settings = JSON.parse(text);
  } catch {
    // Not JSON: the app runs on its demo backend.
  }
  const api = settings?.api_base_url;
  if (typeof api !== 'string') {
    for (const chunk of demoChunks) {
      const link = document.createElement('link');
      Object.assign(link, { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous' });
      link.href = new URL(chunk, import.meta.url).href;
      document.head.append(link);
    }
    return;
  }
  // The app's own sign-in: nothing can be asked before there is a token.
  if (settings.auth) return;
  const token = settings.demo_token;
  const authorization = typeof token === 'string' ? `Bearer ${token}` : '';
  const base = api.replace(/\/+$/, '');
  // Every screen reads the flow's configuration; the overview, at the page's own address, the
  // accounts.
  const paths = ['/v1/config'];
  if (new URL(document.baseURI).pathname === location.pathname) paths.push('/v1/accounts');
  for (const path of paths) {
    const url = new URL(base + path, document.baseURI).href;
    const answer = fetch(url, {
      headers: authorization ? { authorization } : {},
      // As the app's own requests: no answer within 10 s is a failure (transport.rs TIMEOUT_MS).
      signal: AbortSignal.timeout(10_000),
    });
    answer.catch(() => {});
    early.set(`${url} ${authorization}`, answer);
  }
});
const fetchNow = globalThis.fetch;
globalThis.fetch = (resource, options) => {
  if (early.size > 0 && resource instanceof Request && resource.method === 'GET') {
    const key = `${resource.url} ${resource.headers.get('authorization') ?? ''}`;
    const answer = early.get(key);
    if (answer && [...resource.headers.keys()].every((name) => name === 'authorization')) {
      early.delete(key);
      return answer.catch(() => fetchNow(resource, options));
    }
  }
  return fetchNow(resource, options);
};

await init({ module_or_path: new URL('./assistant-web_bg.wasm', import.meta.url) });
// The app takes the page's frame over: its own first view is the same, in the same place (with
// config.json still on its way, if it is).
for (const element of document.querySelectorAll('body > [data-frame]')) element.remove();
start_standalone(config);
