// The host's script: one widget is the element in the page, the other is mounted here. It keeps
// what the end-to-end tests look at in `window.portal`: the widgets' events, CSP violations and
// how often the token was asked for.
import { mount } from '/widget.js';

const portal = { events: [], violations: [], tokenCalls: 0, errors: [] };
window.portal = portal;

document.addEventListener('securitypolicyviolation', (event) => {
  portal.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
window.addEventListener('error', (event) => portal.errors.push(String(event.message)));

for (const type of [
  'step-started', 'step-completed', 'migration-submitted', 'flow-completed',
  'checklist-item-changed', 'flow-error',
]) {
  document.addEventListener(type, (event) => {
    portal.events.push({ type, widget: event.target.id, ...event.detail });
  });
}

// The portal signs its users in; the assistant asks for the token before each request. While
// `portal.signInExpired` is set, the portal hands out a token the API no longer accepts.
async function getToken() {
  portal.tokenCalls += 1;
  return portal.signInExpired ? 'expired-sign-in' : 'demo-owner';
}

document.getElementById('first').getToken = getToken;
portal.second = await mount(document.getElementById('second'), {
  apiBase: '',
  lang: 'sv',
  getToken,
  theme: { 'colour-link': '#6f2da8', radius: '6px' },
});
