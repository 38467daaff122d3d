// The assistant as a React component: the element with its attributes as props, the portal's
// sign-in given as its getToken, and its events handed to the portal. Leaving the page removes
// the element, and the element then removes the widget with its listeners and timers.
import { useEffect, useLayoutEffect, useRef } from 'react';
import type {
  GetToken,
  Lang,
  PartnerMigrationAssistantElement,
  PartnerMigrationAssistantEventMap,
} from 'partner-migration-assistant';

/** An event of the widget, as the portal keeps it. */
export type AssistantEvent = {
  [Type in keyof PartnerMigrationAssistantEventMap]: {
    type: Type;
    detail: PartnerMigrationAssistantEventMap[Type]['detail'];
  };
}[keyof PartnerMigrationAssistantEventMap];

/** Every event of the widget. */
const EVENTS = [
  'step-started',
  'step-completed',
  'migration-submitted',
  'flow-completed',
  'checklist-item-changed',
  'flow-error',
] as const satisfies readonly (keyof PartnerMigrationAssistantEventMap)[];

// A new event of the widget fails to compile here until it is listed above.
type Unlisted = Exclude<keyof PartnerMigrationAssistantEventMap, (typeof EVENTS)[number]>;
const everyEventListed: [Unlisted] extends [never] ? true : never = true;
void everyEventListed;

/** Hands `heard` each `type` event of `target`, typed by its name; returns what stops it. */
function listen<Type extends keyof PartnerMigrationAssistantEventMap>(
  target: PartnerMigrationAssistantElement,
  type: Type,
  heard: (event: AssistantEvent) => void,
): () => void {
  // The pair is the union's member of this name; TypeScript cannot tell for a generic name.
  const listener = (event: PartnerMigrationAssistantEventMap[Type]) =>
    heard({ type, detail: event.detail } as AssistantEvent);
  target.addEventListener(type, listener);
  return () => target.removeEventListener(type, listener);
}

interface AssistantProps {
  /** The API's base URL; `''` is the portal's own origin. */
  apiBase: string;
  account?: string;
  lang: Lang;
  getToken: GetToken;
  onEvent: (event: AssistantEvent) => void;
}

export function Assistant({ apiBase, account, lang, getToken, onEvent }: AssistantProps) {
  const element = useRef<PartnerMigrationAssistantElement>(null);
  const handler = useRef(onEvent);

  // A layout effect runs as the element joins the page, before the widget's first request.
  useLayoutEffect(() => {
    handler.current = onEvent;
    if (element.current) {
      element.current.getToken = getToken;
    }
  }, [getToken, onEvent]);

  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const stops = EVENTS.map((type) => listen(target, type, (event) => handler.current(event)));
    return () => stops.forEach((stop) => stop());
  }, []);

  return (
    <partner-migration-assistant
      id="assistant"
      ref={element}
      api-base={apiBase}
      account={account}
      lang={lang}
    />
  );
}
