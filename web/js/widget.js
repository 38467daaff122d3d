// The assistant as a widget for host pages: the element <partner-migration-assistant> and the
// function mount(). It finds assistant-web.js, assistant-web_bg.wasm and main.css by addresses
// relative to itself (the release build gives them content-hashed names under assets/ and writes
// those here), so the files can be hosted under any path. README.md, "Embedding", documents it.
import init, { mount_widget } from './assistant-web.js';

const here = new URL('.', import.meta.url);
// The widget's own code, chunks of the wasm that a page of its own never loads: the build names
// them here (none in a build that is not split), and they download beside the wasm.
const chunks = [/* the build names the widget's chunks here */];
let loading;

/** Loads the WebAssembly once, for every widget of the page. */
function load() {
  if (!loading) {
    for (const chunk of chunks) {
      const link = document.createElement('link');
      Object.assign(link, { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous' });
      link.href = new URL(chunk, here).href;
      document.head.append(link);
    }
    loading = init({ module_or_path: new URL('assistant-web_bg.wasm', here) });
  }
  return loading;
}

/**
 * Mounts the assistant in `element` (inside a shadow root, so neither page's styles reach the
 * other).
 *
 * options.apiBase   the API's base URL ('' for the page's own origin); absent: demo data
 * options.account   the account to show (its id), or all of the viewer's accounts
 * options.lang      'en' or 'sv' (else the browser's languages decide)
 * options.getToken  async () => token, asked before each API request; tokens stay in memory
 * options.theme     { 'colour-link': '#005ea5', font: '…', radius: '4px', … }: --pma-* properties
 *
 * Returns { setAccount(id), setLang(tag), unmount() }.
 */
export async function mount(element, options = {}) {
  await load();
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = new URL('main.css', here).href;
  const container = document.createElement('div');
  container.className = 'pma-root';
  for (const [name, value] of Object.entries(options.theme ?? {})) {
    container.style.setProperty(`--pma-${name}`, String(value));
  }
  root.replaceChildren(style, container);
  const widget = mount_widget(
    root,
    container,
    options.apiBase ?? undefined,
    options.account ?? undefined,
    options.lang ?? undefined,
    options.getToken ?? undefined,
    // The widget's code could not be fetched, so this script tells the host, with the words the
    // widget shows: the `flow-error` of widget.d.ts, as the widget's own code would send it.
    (message) =>
      element.dispatchEvent(
        new CustomEvent('flow-error', {
          bubbles: true,
          composed: true,
          detail: { kind: 'network', code: null, message },
        }),
      ),
  );
  let mounted = true;
  return {
    setAccount: (account) => mounted && widget.set_account(account ?? undefined),
    setLang: (lang) => mounted && widget.set_lang(lang ?? undefined),
    unmount() {
      if (!mounted) return;
      mounted = false;
      widget.unmount();
      widget.free();
      // Only what this mount put there: the element may have been mounted again meanwhile.
      style.remove();
      container.remove();
    },
  };
}

/**
 * <partner-migration-assistant api-base="…" account="…" lang="…">: attributes as the options of
 * mount(); `account` and `lang` are followed when they change. A host that signs its users in
 * sets `element.getToken = async () => token`. A framework may add the element to the page first
 * and set its attributes and `getToken` just after, in the same task: the element reads them once
 * that task has ended (the WebAssembly is fetched meanwhile).
 */
class PartnerMigrationAssistant extends HTMLElement {
  static observedAttributes = ['account', 'lang'];
  #mounting;

  connectedCallback() {
    const attribute = (name) => this.getAttribute(name) ?? undefined;
    const mounting = Promise.all([load(), new Promise((resolve) => setTimeout(resolve))]).then(
      () =>
        // Not if it left the page meanwhile (or left and came back: the newer mount is its own).
        this.#mounting === mounting
          ? mount(this, {
              apiBase: attribute('api-base'),
              account: attribute('account'),
              lang: attribute('lang'),
              // Asked at each request, so a token set on the element later is used too.
              getToken: () => (this.getToken ? this.getToken() : undefined),
            })
          : undefined,
    );
    this.#mounting = mounting;
  }

  disconnectedCallback() {
    this.#mounting?.then((widget) => widget?.unmount());
    this.#mounting = undefined;
  }

  attributeChangedCallback(name, _old, value) {
    this.#mounting?.then((widget) =>
      name === 'account' ? widget?.setAccount(value) : widget?.setLang(value));
  }
}

if (!customElements.get('partner-migration-assistant')) {
  customElements.define('partner-migration-assistant', PartnerMigrationAssistant);
}
