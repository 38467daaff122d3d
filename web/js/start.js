// The page's classic start-up script, after its frame (index.html): it runs as soon as it has come,
// long before the start-up module (app.js), which waits for the whole page and its imports, and
// before the wasm is there.
//
// First, the frame's language, before it first shows: the first of the browser's languages that
// the app speaks, matched on its primary subtag, else English: the app's own rule
// (Locale::negotiate). An element's data-sv is its Swedish text, and data-sv-aria-label and
// data-sv-aria-pressed the Swedish values of those attributes. The frame is all there when this
// runs; the stylesheet shows it only once this has (no English flashes in Swedish).
{
  const spoken = ['en', 'sv'];
  const lang = [...(navigator.languages || [])]
    .map((tag) => tag.split(/[-_]/)[0].trim().toLowerCase())
    .find((tag) => spoken.includes(tag)) || spoken[0];
  const root = document.documentElement;
  root.lang = lang;
  // The frame, and what app.js shows in it if the app cannot start (a template).
  const template = document.getElementById('pma-unavailable');
  const elements = [
    ...document.querySelectorAll('title, [data-frame], [data-frame] *'),
    ...(template ? template.content.querySelectorAll('*') : []),
  ];
  if (lang === 'sv') {
    for (const element of elements) {
      const swedish = (name) => element.getAttribute(`data-sv${name}`);
      if (element.hasAttribute('data-sv')) element.textContent = swedish('');
      for (const name of ['aria-label', 'aria-pressed']) {
        if (element.hasAttribute(`data-sv-${name}`)) element.setAttribute(name, swedish(`-${name}`));
      }
    }
  }
  // Before the app, the skip link moves the focus, as the app's does: its address, below the
  // page's <base>, would go to the overview.
  for (const link of document.querySelectorAll('[data-frame].pma-skip-link')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      document.getElementById('main-content')?.focus();
    });
  }
  root.setAttribute('data-frame-lang', '');
}

// Then the first screen's data, which does not wait for the code. This reads config.json (the page
// preloads it). On the demo backend (no API in it) it preloads the demo's chunks of the wasm, which
// the build names here (none in a build that is not split). With an API that needs no sign-in of
// the app's own, it asks the first screen's requests, and answers the app's first fetch of the same
// address with the same authorization (and no other header) with their answers, or asks again if
// one failed. An answer the app does not take is no error. app.js takes config.json's text from
// globalThis.pmaEarly (a module, it runs after this script). Only as the page's own script: a test
// that runs this file for the frame has no current script.
{
  const script = document.currentScript;
  if (script) {
    const here = script.src;
    const config = fetch(new URL('config.json', document.baseURI))
      .then((response) => (response.ok ? response.text() : null))
      .catch(() => null);
    globalThis.pmaEarly = { config };
    const demoChunks = [/* the build names the demo's chunks here */];
    const early = new Map();
    config.then((text) => {
      let settings = null;
      try {
        settings = JSON.parse(text);
      } catch {
        // Not JSON: the app runs on its demo backend.
      }
      // What the app reads (backend/config.rs): an object whose texts are texts, else the demo.
      const isText = (value) => value == null || typeof value === 'string';
      const read =
        settings !== null && typeof settings === 'object' && !Array.isArray(settings) &&
        isText(settings.api_base_url) && isText(settings.demo_token) && isText(settings.lang);
      const api = read ? settings.api_base_url : null;
      if (typeof api !== 'string') {
        for (const chunk of demoChunks) {
          const link = document.createElement('link');
          Object.assign(link, { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous' });
          link.href = new URL(chunk, here).href;
          document.head.append(link);
        }
        return;
      }
      // The app's own sign-in: nothing can be asked before there is a token.
      if (settings.auth != null) return;
      const token = settings.demo_token;
      const authorization = typeof token === 'string' ? `Bearer ${token}` : '';
      const base = api.replace(/\/+$/, '');
      // Every screen reads the flow's configuration; the overview, at the page's own address,
      // the accounts.
      const paths = ['/v1/config'];
      if (new URL(document.baseURI).pathname === location.pathname) paths.push('/v1/accounts');
      for (const path of paths) {
        const url = new URL(base + path, document.baseURI).href;
        // As the app's own requests: no answer within 10 s is a failure (TIMEOUT_MS). The body is
        // read within that time too, so the app can read it whenever it comes.
        const answer = fetch(url, {
          headers: authorization ? { authorization } : {},
          signal: AbortSignal.timeout(10_000),
        }).then(async (response) => {
          const { status, statusText, headers } = response;
          return new Response(await response.arrayBuffer(), { status, statusText, headers });
        });
        const key = `${url} ${authorization}`;
        early.set(key, answer);
        // An answer the app has not taken soon after it came is of no more use: a later request
        // is answered afresh.
        answer.catch(() => {}).finally(() => setTimeout(() => early.delete(key), 30_000));
      }
    });
    const fetchNow = globalThis.fetch;
    // Only a GET made as the app makes them: a Request of the browser's defaults, nothing more.
    const plain = (request) =>
      request.method === 'GET' && request.mode === 'cors' && request.cache === 'default' &&
      request.credentials === 'same-origin' && request.redirect === 'follow' &&
      [...request.headers.keys()].every((name) => name === 'authorization');
    globalThis.fetch = (resource, options) => {
      if (early.size > 0 && options === undefined && resource instanceof Request && plain(resource)) {
        const key = `${resource.url} ${resource.headers.get('authorization') ?? ''}`;
        const answer = early.get(key);
        if (answer) {
          early.delete(key);
          return answer.catch(() => fetchNow(resource, options));
        }
      }
      return fetchNow(resource, options);
    };
  }
}
