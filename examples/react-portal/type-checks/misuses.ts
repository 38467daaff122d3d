// Misuses of the widget's API, each of which TypeScript must refuse: `tsc -p tsconfig.misuses.json`
// must fail, with one error on each line marked `// error TS…` (that code) and on no other line.
// The end-to-end tests run it and compare.
import { mount } from 'partner-migration-assistant';
import type { ProblemCode } from 'partner-migration-assistant';

export async function misuse(host: HTMLElement) {
  await mount(host, { apiBse: '' }); // error TS2561
  await mount(host, { theme: { 'color-link': '#005ea5' } }); // error TS2353
  await mount(host, { lang: 'de' }); // error TS2322
  await mount(host, { getToken: async () => 42 }); // error TS2322
  const widget = await mount(host);
  widget.setLang('fr'); // error TS2345
  widget.remove(); // error TS2339
}

const element = document.createElement('partner-migration-assistant');
element.getToken = 'a token'; // error TS2322
element.addEventListener('migration-submitted', (event) => {
  const reference: number = event.detail.reference; // error TS2322
  console.log(reference, event.detail.referenceId); // error TS2551
});
element.addEventListener('step-started', (event) => {
  if (event.detail.step === 'work_email') console.log('never'); // error TS2367
});
document.addEventListener('flow-error', (event) => {
  if (event.detail.kind === 'network') {
    const code: ProblemCode = event.detail.code; // error TS2322
    console.log(code);
  }
});
