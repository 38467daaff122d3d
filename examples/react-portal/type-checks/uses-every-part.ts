// Every part of the widget's API as a portal's TypeScript uses it: `tsc -p tsconfig.json` must
// accept this file (the end-to-end tests run it).
import { mount } from 'partner-migration-assistant';
import type {
  AnsweredStep,
  FailureKind,
  FlowErrorDetail,
  GetToken,
  Lang,
  MountOptions,
  PartnerMigrationAssistantAttributes,
  PartnerMigrationAssistantElement,
  ProblemCode,
  Step,
  Theme,
  Widget,
} from 'partner-migration-assistant';

const getToken: GetToken = async () => 'token';
const theme: Theme = {
  'colour-text': '#0b0c0c',
  'colour-secondary-text': '#505a5f',
  'colour-link': '#005ea5',
  'colour-link-visited': '#4c2c92',
  'colour-focus': '#ffdd00',
  'colour-brand': '#243a5e',
  'colour-background': '#ffffff',
  'colour-border': '#b1b4b6',
  font: '"Segoe UI", sans-serif',
  radius: '4px',
};
const options: MountOptions = { apiBase: '', account: 'fabrikam', lang: 'sv', getToken, theme };

export async function embed(host: HTMLElement): Promise<Widget> {
  const widget = await mount(host, options);
  await mount(host);
  await mount(host, { getToken: () => undefined });
  await mount(host, { getToken: () => null });
  await mount(host, { getToken: () => 'a plain token' });
  widget.setAccount('northwind');
  widget.setAccount(null);
  widget.setLang('en');
  widget.setLang(undefined);
  widget.unmount();
  return widget;
}

// The element: found by its tag as its own type, with the host's sign-in on it.
const element: PartnerMigrationAssistantElement | null =
  document.querySelector('partner-migration-assistant');
const created: PartnerMigrationAssistantElement = document.createElement(
  'partner-migration-assistant',
);
created.getToken = getToken;
const attributes: PartnerMigrationAssistantAttributes = {
  'api-base': 'https://portal.example/api',
  account: 'fabrikam',
  lang: 'en',
};
for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);

// Every event, typed by its name, on the element, the document and the window.
const steps: Step[] = [];
const answered: AnsweredStep[] = [];
created.addEventListener('step-started', (event) => {
  steps.push(event.detail.step);
  const account: string | null = event.detail.account;
  console.log(account);
});
created.addEventListener('step-completed', (event) => {
  answered.push(event.detail.step);
  const account: string = event.detail.account;
  console.log(account);
});
document.addEventListener('migration-submitted', (event) => {
  const reference: string | null = event.detail.reference;
  console.log(event.detail.account, reference);
});
element?.addEventListener('flow-completed', (event) => {
  console.log(event.detail.account, event.detail.reference?.startsWith('MIG-'));
});
document.addEventListener('checklist-item-changed', (event) => {
  const done: boolean = event.detail.done;
  console.log(event.detail.account, event.detail.item, done);
});
document.addEventListener('flow-error', (event) => {
  const detail: FlowErrorDetail = event.detail;
  const kind: FailureKind = detail.kind;
  const message: string = detail.message;
  if (detail.kind === 'problem') {
    // Narrowed: a problem always carries the contract's code.
    const code: ProblemCode = detail.code;
    console.log(kind, code === 'unauthorized', message);
  } else {
    const none: null = detail.code;
    console.log(kind, none, message);
  }
});

window.addEventListener('flow-completed', (event) => {
  const reference: string | null = event.detail.reference;
  console.log(reference);
});

export const languages: Lang[] = ['en', 'sv'];
