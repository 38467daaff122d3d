// The types of widget.js: the element <partner-migration-assistant>, mount(), and the events the
// widget sends its host. README.md, "Embedding", says the same in words. The unions below are
// compared with the app's own lists by its tests (web/src/host_event.rs), so they name every
// step, kind of failure, problem code, event and theme property the app has.

/** A screen of the assistant: `step` of `step-started`. */
export type Step =
  | 'overview'
  | 'work-email'
  | 'mpn-id'
  | 'check-answers'
  | 'migration'
  | 'confirmation'
  | 'offers-checklist'
  | 'help'
  | 'not-found';

/** A question whose accepted answer completes its step: `step` of `step-completed`. */
export type AnsweredStep = 'work-email' | 'mpn-id';

/** What kind of failure a `flow-error` reports. */
export type FailureKind = 'timeout' | 'network' | 'malformed' | 'problem';

/** A problem code of the API's contract (`code` of its RFC 9457 problem details). */
export type ProblemCode =
  | 'unauthorized'
  | 'not_found'
  | 'not_owner'
  | 'already_migrated'
  | 'tenant_mismatch'
  | 'consumer_email'
  | 'same_as_microsoft_account'
  | 'mpn_missing'
  | 'mpn_not_found'
  | 'mpn_inactive'
  | 'validation_failed'
  | 'conflict'
  | 'precondition_failed'
  | 'precondition_required'
  | 'payload_too_large'
  | 'draft_expired'
  | 'too_many_requests'
  | 'timeout'
  | 'internal';

/** A language of the assistant. */
export type Lang = 'en' | 'sv';

/** A theme property: `--pma-{name}` set on the widget (see `MountOptions.theme`). */
export type ThemeProperty =
  | 'colour-text'
  | 'colour-secondary-text'
  | 'colour-link'
  | 'colour-link-visited'
  | 'colour-focus'
  | 'colour-brand'
  | 'colour-background'
  | 'colour-border'
  | 'font'
  | 'radius';

/** Theme properties by name without the `--pma-` prefix: `{ 'colour-link': '#005ea5' }`. */
export type Theme = { readonly [property in ThemeProperty]?: string };

/**
 * The host's sign-in: asked before each API request. Its answer (or the promise's) is the bearer
 * token of that request; `null` or `undefined` sends none. Tokens stay in memory.
 */
export type GetToken = () =>
  | string
  | null
  | undefined
  | PromiseLike<string | null | undefined>;

/** The options of `mount()`. */
export interface MountOptions {
  /** The API's base URL (`''` is the page's own origin); absent: demo data kept in the browser. */
  apiBase?: string;
  /** The account to show (its id); absent: every account of the viewer. */
  account?: string;
  /** The language; absent: the browser's languages decide. */
  lang?: Lang;
  /** The host's sign-in. */
  getToken?: GetToken;
  /** Theme properties. */
  theme?: Theme;
}

/** A mounted widget. */
export interface Widget {
  /** Shows another account (`null` or `undefined`: every account); saved progress stays. */
  setAccount(account: string | null | undefined): void;
  /** Changes the language (`null` or `undefined`: the browser's languages decide). */
  setLang(lang: Lang | null | undefined): void;
  /** Removes the widget, its listeners and its timers. */
  unmount(): void;
}

/** Mounts the assistant in `element`, inside its shadow root. */
export function mount(element: HTMLElement, options?: MountOptions): Promise<Widget>;

/** `detail` of `step-started`: a screen is shown. */
export interface StepStartedDetail {
  step: Step;
  /** The account's id; `null` on screens of no account. */
  account: string | null;
}

/** `detail` of `step-completed`: the owner's answer was accepted. */
export interface StepCompletedDetail {
  step: AnsweredStep;
  account: string;
}

/** `detail` of `migration-submitted`: the API accepted the migration. */
export interface MigrationSubmittedDetail {
  account: string;
  /** Partner Center's reference for the migration, such as `MIG-…`, when the API gave one. */
  reference: string | null;
}

/** `detail` of `flow-completed`: the migration is complete. */
export interface FlowCompletedDetail {
  account: string;
  reference: string | null;
}

/** `detail` of `checklist-item-changed`: a tick of the offers checklist was saved. */
export interface ChecklistItemChangedDetail {
  account: string;
  /** The item's key, such as `isv_addendum_accepted`. */
  item: string;
  done: boolean;
}

/**
 * `detail` of `flow-error`: a call failed and the widget shows it with a Retry, a tick of the
 * checklist was not saved, or the widget's own code could not be fetched (`network`).
 */
export type FlowErrorDetail =
  | { kind: 'timeout' | 'network' | 'malformed'; code: null; message: string }
  | { kind: 'problem'; code: ProblemCode; message: string };

/**
 * The events of the widget: each bubbles and is composed, so a host hears them on `document` and
 * `window` too.
 */
export interface PartnerMigrationAssistantEventMap {
  'step-started': CustomEvent<StepStartedDetail>;
  'step-completed': CustomEvent<StepCompletedDetail>;
  'migration-submitted': CustomEvent<MigrationSubmittedDetail>;
  'flow-completed': CustomEvent<FlowCompletedDetail>;
  'checklist-item-changed': CustomEvent<ChecklistItemChangedDetail>;
  'flow-error': CustomEvent<FlowErrorDetail>;
}

/** The element's attributes (`account` and `lang` are followed when they change). */
export interface PartnerMigrationAssistantAttributes {
  'api-base'?: string;
  account?: string;
  lang?: Lang;
}

/** `<partner-migration-assistant>`. */
export interface PartnerMigrationAssistantElement extends HTMLElement {
  /** The host's sign-in, asked before each API request. */
  getToken?: GetToken;
}

declare global {
  interface HTMLElementTagNameMap {
    'partner-migration-assistant': PartnerMigrationAssistantElement;
  }
  interface HTMLElementEventMap extends PartnerMigrationAssistantEventMap {}
  interface DocumentEventMap extends PartnerMigrationAssistantEventMap {}
  interface WindowEventMap extends PartnerMigrationAssistantEventMap {}
}
