// Contoso's partner portal, built with React: a page per route (the address's hash), one of
// which holds the migration assistant. What the portal heard from the widget is React state,
// shown on the page. The portal loads the widget's files from its own folder `assistant/`
// (copied from node_modules/partner-migration-assistant as it builds), through index.html.
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Lang } from 'partner-migration-assistant';

import { Assistant, type AssistantEvent } from './Assistant';

/** The portal's route: `#/accounts/{id}`, `#/billing`, or the start. */
type Route = { page: 'start' } | { page: 'account'; id: string } | { page: 'billing' };

function routeOf(hash: string): Route {
  const account = /^#\/accounts\/([a-z0-9-]+)$/.exec(hash);
  if (account) return { page: 'account', id: account[1] };
  if (hash === '#/billing') return { page: 'billing' };
  return { page: 'start' };
}

function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(location.hash));
  useEffect(() => {
    const follow = () => setRoute(routeOf(location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}

/** The portal's own sign-in: the assistant asks it for the token before each request. */
const portalSession = { accessToken: 'demo-owner' };

function Portal() {
  const route = useRoute();
  const [lang, setLang] = useState<Lang>('en');
  const [heard, setHeard] = useState<AssistantEvent[]>([]);
  const getToken = useCallback(async () => portalSession.accessToken, []);
  const onEvent = useCallback((event: AssistantEvent) => setHeard((all) => [...all, event]), []);

  return (
    <>
      <header className="portal-header">
        <p className="portal-brand">Contoso Partner Portal</p>
        <nav aria-label="Portal">
          <a href="#/">Start</a> <a href="#/accounts/fabrikam">Fabrikam Inc</a>{' '}
          <a href="#/accounts/adatum">Adatum Corporation</a> <a href="#/billing">Billing</a>
        </nav>
        <button type="button" onClick={() => setLang(lang === 'en' ? 'sv' : 'en')}>
          {lang === 'en' ? 'Svenska' : 'English'}
        </button>
      </header>
      <main>
        {route.page === 'account' ? (
          <section>
            <h1>Move your account to Partner Center</h1>
            <Assistant
              key={route.id}
              apiBase=""
              account={route.id}
              lang={lang}
              getToken={getToken}
              onEvent={onEvent}
            />
          </section>
        ) : route.page === 'billing' ? (
          <h1>Billing</h1>
        ) : (
          <h1>Your publisher accounts</h1>
        )}
        <section aria-labelledby="heard-heading">
          <h2 id="heard-heading">What the portal heard</h2>
          <ol id="heard">
            {heard.map((event, index) => (
              <li key={index} data-event={JSON.stringify(event)}>
                {event.type}
              </li>
            ))}
          </ol>
        </section>
      </main>
    </>
  );
}

createRoot(document.getElementById('portal')!).render(
  <StrictMode>
    <Portal />
  </StrictMode>,
);
