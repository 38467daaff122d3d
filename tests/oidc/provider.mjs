// An OpenID Provider for the tests and for trying the sign-in (`cargo xtask run --sign-in`) that
// behaves as Microsoft Entra ID's multi-tenant authority does: oidc-provider (a certified
// implementation) serves each tenant at `/<tenant id>/v2.0`, and a thin layer in front of them is
// `/common/v2.0`, whose discovery document names its issuer as the `{tenantid}` template, whose
// sign-in page asks for the address and sends the user to their own tenant (home realm), whose
// token endpoint hands the code to the tenant that issued it, and whose key set gives each key the
// issuer it signs for. Tokens carry `tid`, `oid`, a pairwise `sub`, `email`, `xms_edov` and `idp`,
// as Entra's do. For this machine only: http, keys in a folder.
//
//   node provider.mjs serve                 starts it; the first line of stdout is its base address
//   node provider.mjs rotate-keys           puts a new signing key first in a tenant's set (the old
//                                           ones stay published); prints its id
//   node provider.mjs withdraw-key <kid>    takes a key out of a tenant's set
//   node provider.mjs users                 lists the users: sign-in names, password, who they are
//
// Settings come from the environment:
//   OIDC_PORT              port on 127.0.0.1 (required)
//   OIDC_KEYS              folder of the keys, one folder per tenant id: jwks.json (private, for
//                          the provider), <kid>.pem (PKCS #8, for tests that sign tokens of their
//                          own) and <kid>.pub.pem (for tests that pass the public key off as a secret)
//   OIDC_TENANT            the tenant rotate-keys and withdraw-key change (default Fabrikam's)
//   OIDC_CLIENT_ID         the app's client id (default migration-assistant)
//   OIDC_REDIRECT_URIS     the app's addresses, comma-separated (also where sign-out returns)
//   OIDC_AUDIENCE          the API's identifier, the access tokens' `aud`
//   OIDC_ACCESS_TOKEN_TTL  seconds an access token lasts (default 3600)
//   OIDC_KEYS_MAX_AGE      seconds the common key set may be cached (Cache-Control; default 3600)
//   OIDC_NO_END_SESSION    when set, the common authority has no end_session_endpoint (as Google)

import { createHash, createPrivateKey, randomUUID, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

import Provider from 'oidc-provider';

export const MICROSOFT_ACCOUNTS_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';
export const FABRIKAM_TENANT = 'a5d7c2f0-3b8e-4c1d-9f6a-2e4b8d0c7f13';
export const WOODGROVE_TENANT = '3c1f6e2a-7d4b-4f0e-8a9c-5b2d1e0f4a67';
export const ADATUM_TENANT = '6e0b9d41-52a8-4c3f-b7e6-0d9a1c4f8b25';

const TENANT_NAMES = {
  [FABRIKAM_TENANT]: 'Fabrikam',
  [MICROSOFT_ACCOUNTS_TENANT]: 'Microsoft accounts',
  [WOODGROVE_TENANT]: 'Woodgrove',
  [ADATUM_TENANT]: 'Adatum',
};

// The users of the trial, with passwords that are only ever used here. `names` are the addresses
// they may sign in with (the first is the one they had first); `email` is the claim when it is not
// the name they signed in with; `verified` is what the token says of it.
export const USERS = [
  {
    names: ['admin@fabrikam.example'], password: 'fabrikam-trial', name: 'Fabrikam Admin',
    tid: FABRIKAM_TENANT, oid: 'f1a2b3c4-0001-4000-8000-00000000a001', xms_edov: true,
    about: "Fabrikam's work admin",
  },
  {
    names: ['northwind.publisher@outlook.com'], password: 'northwind-trial', name: 'Northwind Publisher',
    tid: MICROSOFT_ACCOUNTS_TENANT, oid: '00000000-0000-0000-4e6f-72746877696e',
    about: "Northwind's owner, with a personal Microsoft account",
  },
  {
    names: ['fabrikam.contractor@outlook.com'], password: 'guest-trial', name: 'Fabrikam Contractor',
    tid: FABRIKAM_TENANT, oid: 'f1a2b3c4-0002-4000-8000-00000000a002', idp: 'live.com', xms_edov: true,
    about: "a personal Microsoft account, a guest in Fabrikam's tenant",
  },
  {
    names: ['mallory@woodgrove.example'], email: 'admin@fabrikam.example', password: 'woodgrove-trial',
    name: 'Mallory', tid: WOODGROVE_TENANT, oid: 'b0b0b0b0-0003-4000-8000-00000000b003',
    xms_edov: false, email_verified: false,
    about: "another tenant's user whose unverified email is admin@fabrikam.example",
  },
  {
    names: ['lead@adatum.example', 'adatum.lead@adatum.example'], password: 'adatum-trial',
    name: 'Adatum Lead', tid: ADATUM_TENANT, oid: 'ada7ada7-0004-4000-8000-00000000c004', xms_edov: true,
    about: "Adatum's lead, whose address changed after their first sign-in",
  },
];

const byName = (login) => USERS.find((user) => user.names.includes(login));
const byOid = (oid) => USERS.find((user) => user.oid === oid);
const TENANTS = [...new Set(USERS.map((user) => user.tid))];

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) {
    console.error(`provider.mjs: set ${name}`);
    process.exit(2);
  }
  return value;
};

// Made as PEM text, and read back for the JWK. Node 20's KeyObjects from generateKeyPairSync share
// a lock with the job that made them: exporting one as a JWK while the garbage collector ends that
// job waits on itself for ever (2 of 480 starts of this provider hung so; 0 of 300 since).
function newKey(kind) {
  const kid = `${kind}-${randomUUID()}`;
  const encoding = {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  };
  const { privateKey: pem, publicKey: publicPem } = kind === 'rsa'
    ? generateKeyPairSync('rsa', { modulusLength: 2048, ...encoding })
    : generateKeyPairSync('ec', { namedCurve: 'P-256', ...encoding });
  const jwk = { ...createPrivateKey(pem).export({ format: 'jwk' }), kid, use: 'sig', alg: kind === 'rsa' ? 'RS256' : 'ES256' };
  return { jwk, pem, publicPem };
}

function writeKeys(folder, keys, added) {
  mkdirSync(folder, { recursive: true });
  for (const { jwk, pem, publicPem } of added) {
    writeFileSync(join(folder, `${jwk.kid}.pem`), pem, { mode: 0o600 });
    writeFileSync(join(folder, `${jwk.kid}.pub.pem`), publicPem);
  }
  writeFileSync(join(folder, 'jwks.json'), JSON.stringify({ keys }, null, 2), { mode: 0o600 });
}

/// A tenant's signing keys: an RSA key (RS256) and an EC key (ES256), made on first use.
function keys(folder) {
  const file = join(folder, 'jwks.json');
  if (!existsSync(file)) {
    const made = [newKey('rsa'), newKey('ec')];
    writeKeys(folder, made.map((k) => k.jwk), made);
  }
  return JSON.parse(readFileSync(file, 'utf8')).keys;
}

const tenantKeys = (tid) => join(env('OIDC_KEYS'), tid);

function rotateKeys(tid) {
  const old = keys(tenantKeys(tid));
  const made = newKey('rsa');
  writeKeys(tenantKeys(tid), [made.jwk, ...old], [made]);
  console.log(made.jwk.kid);
}

function withdrawKey(tid, kid) {
  const kept = keys(tenantKeys(tid)).filter((key) => key.kid !== kid);
  writeKeys(tenantKeys(tid), kept, []);
}

const publicJwk = ({ kty, kid, use, alg, n, e, crv, x, y }) => (
  kty === 'RSA' ? { kty, kid, use, alg, n, e } : { kty, kid, use, alg, crv, x, y });

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title, body) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>body{font-family:sans-serif;max-width:30em;margin:2em auto;padding:0 1em}label,input,button{display:block;margin:.5em 0}input{width:100%;padding:.4em}</style>
</head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

function send(res, status, headers, body) {
  res.writeHead(status, headers);
  res.end(body);
}

const html = (res, status, body) => send(res, status, {
  'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store',
}, body);

const redirect = (res, location, headers = {}) => send(res, 303, { location, ...headers }, '');

async function readBody(req) {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 20_000) break;
  }
  return text;
}

function cookie(req, name) {
  const found = (req.headers.cookie ?? '').split(';').map((c) => c.trim().split('='))
    .find(([key]) => key === name);
  return found ? decodeURIComponent(found[1] ?? '') : undefined;
}

/// An in-memory adapter of one tenant's own (tenants share nothing), which also notes which
/// tenant issued each authorization code, for the common token endpoint.
function adapterOf(tid, codeTenant) {
  const store = new Map();
  const alive = (entry) => entry && (!entry.expiresAt || entry.expiresAt > Date.now());
  return class {
    constructor(name) { this.name = name; }

    key(id) { return `${this.name}:${id}`; }

    async upsert(id, payload, expiresIn) {
      store.set(this.key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
      if (this.name === 'AuthorizationCode') codeTenant.set(id, tid);
    }

    async find(id) {
      const entry = store.get(this.key(id));
      return alive(entry) ? entry.payload : undefined;
    }

    async findByUid(uid) {
      for (const [key, entry] of store) {
        if (key.startsWith(`${this.name}:`) && entry.payload.uid === uid && alive(entry)) return entry.payload;
      }
      return undefined;
    }

    async findByUserCode() { return undefined; }

    async consume(id) {
      const entry = store.get(this.key(id));
      if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id) { store.delete(this.key(id)); }

    async revokeByGrantId(grantId) {
      for (const [key, entry] of store) {
        if (entry.payload.grantId === grantId) store.delete(key);
      }
    }
  };
}

/// The name each user last signed in with, by object id: the address their tokens carry.
const lastSignIn = new Map();

function addressOf(user) {
  return user.email ?? lastSignIn.get(user.oid) ?? user.names[0];
}

/// The claims of a user's tokens, as Entra's: who they are, and what is said of their address.
function claimsOf(user) {
  const claims = {
    tid: user.tid, oid: user.oid, name: user.name, email: addressOf(user),
    preferred_username: lastSignIn.get(user.oid) ?? user.names[0],
  };
  if (user.idp) claims.idp = user.idp;
  if (user.xms_edov !== undefined) claims.xms_edov = user.xms_edov;
  if (user.email_verified !== undefined) claims.email_verified = user.email_verified;
  return claims;
}

function tenantProvider({ base, tid, clientId, redirectUris, audience, accessTokenTtl, codeTenant }) {
  const mount = `/${tid}/v2.0`;
  const short = tid.slice(0, 8);
  const provider = new Provider(`${base}${mount}`, {
    adapter: adapterOf(tid, codeTenant),
    clients: [{
      client_id: clientId,
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: redirectUris,
      post_logout_redirect_uris: redirectUris,
      subject_type: 'pairwise',
    }],
    subjectTypes: ['public', 'pairwise'],
    // `sub` differs for each application, as Entra's does: only `tid` + `oid` name a user.
    async pairwiseIdentifier(_ctx, accountId, client) {
      return createHash('sha256').update(`${tid}|${client.clientId}|${accountId}`).digest('base64url');
    },
    jwks: { keys: keys(tenantKeys(tid)) },
    cookies: {
      keys: [randomUUID()],
      names: { session: `_session_${short}`, interaction: `_interaction_${short}`, resume: `_resume_${short}` },
    },
    claims: {
      openid: ['sub', 'tid', 'oid', 'idp'],
      email: ['email', 'email_verified', 'xms_edov'],
      profile: ['name', 'preferred_username'],
    },
    conformIdTokenClaims: false,
    async findAccount(_ctx, id) {
      const user = byOid(id);
      if (!user || user.tid !== tid) return undefined;
      return { accountId: id, async claims() { return { sub: id, ...claimsOf(user) }; } };
    },
    // The access token carries who the user is and the API's scope, as Microsoft Entra ID's do.
    async extraTokenClaims(_ctx, token) {
      const user = byOid(token.accountId);
      return user ? { ...claimsOf(user), scp: 'api' } : {};
    },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'api',
          audience,
          accessTokenFormat: 'jwt',
          accessTokenTTL: accessTokenTtl,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
      rpInitiatedLogout: {
        enabled: true,
        // Sign-out asks nothing more: the app's "Sign out" was the question.
        async logoutSource(ctx, form) {
          const signOut = form.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>');
          ctx.body = page('Signing out', `${signOut}<script>document.forms[0].submit()</script>
<noscript><button form="op.logoutForm">Sign out</button></noscript>`);
        },
        async postLogoutSuccessSource(ctx) {
          ctx.body = page('Signed out', '<p>You are signed out of the test provider.</p>');
        },
      },
    },
    // The app is the provider's own: no consent screen.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      grant.addResourceScope(audience, 'api');
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `${mount}/interaction/${interaction.uid}` },
    ttl: { AccessToken: accessTokenTtl, IdToken: 3600, Session: 8 * 3600, Grant: 8 * 3600, Interaction: 3600, AuthorizationCode: 60 },
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = page('The test provider refused this request', `<pre>${escape(JSON.stringify(out, null, 2))}</pre>`);
    },
  });
  provider.proxy = false;

  const passwordForm = (uid, login, error) => page('Enter your password', `
${error ? `<p role="alert" id="error">${escape(error)}</p>` : ''}
<p>Signing in to ${escape(TENANT_NAMES[tid])}.</p>
<form method="post" action="${mount}/interaction/${escape(uid)}/login">
<label for="login">Email</label><input id="login" name="login" type="email" autocomplete="username" value="${escape(login ?? '')}" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit" id="sign-in">Sign in</button>
</form>
<p><a id="cancel" href="${mount}/interaction/${escape(uid)}/abort">Cancel</a></p>`);

  // The tenant's own sign-in page, in front of the provider's routes.
  provider.use(async (ctx, next) => {
    const match = /^\/interaction\/([^/]+)(\/login|\/abort)?$/.exec(ctx.path);
    if (!match) return next();
    const [, uid, action] = match;
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (details.uid !== uid) ctx.throw(400, 'no such sign-in');
    if (action === '/abort') {
      await provider.interactionFinished(ctx.req, ctx.res, { error: 'access_denied', error_description: 'The user cancelled signing in' }, { mergeWithLastSubmission: false });
      return undefined;
    }
    if (action === '/login' && ctx.method === 'POST') {
      const form = new URLSearchParams(await readBody(ctx.req));
      const login = (form.get('login') ?? '').trim().toLowerCase();
      const user = byName(login);
      if (!user || user.tid !== tid || form.get('password') !== user.password) {
        ctx.type = 'html';
        ctx.body = passwordForm(uid, login, `That email and password do not match a user of ${TENANT_NAMES[tid]}.`);
        return undefined;
      }
      lastSignIn.set(user.oid, login);
      await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: user.oid } }, { mergeWithLastSubmission: false });
      return undefined;
    }
    if (details.prompt.name === 'login') {
      ctx.type = 'html';
      ctx.body = passwordForm(uid, details.params.login_hint);
      return undefined;
    }
    // Consent is given by loadExistingGrant; anything else left is finished as it stands.
    await provider.interactionFinished(ctx.req, ctx.res, {}, { mergeWithLastSubmission: true });
    return undefined;
  });

  return { tid, mount, callback: provider.callback() };
}

/// The common authority: discovery, home realm, code exchange, keys and sign-out across tenants.
function common({ base, clientId, redirectUris, keysMaxAge, endSession, codeTenant, tenants }) {
  const path = '/common';
  const authorize = `${base}${path}/oauth2/v2.0/authorize`;
  const open = { 'access-control-allow-origin': '*' };
  const json = (res, status, value, headers = {}) => send(res, status, {
    'content-type': 'application/json', ...headers,
  }, JSON.stringify(value));

  const discovery = {
    issuer: `${base}/{tenantid}/v2.0`,
    authorization_endpoint: authorize,
    token_endpoint: `${base}${path}/oauth2/v2.0/token`,
    jwks_uri: `${base}${path}/discovery/v2.0/keys`,
    ...(endSession ? { end_session_endpoint: `${base}${path}/oauth2/v2.0/logout` } : {}),
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'profile', 'email', 'api'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce', 'tid', 'oid', 'idp', 'email', 'xms_edov', 'name', 'preferred_username'],
  };

  /// The authorization request's parameters, when its client and address are the app's.
  const ownRequest = (query) => {
    const params = new URLSearchParams(query);
    const ok = params.get('client_id') === clientId && redirectUris.includes(params.get('redirect_uri'));
    return ok ? params : undefined;
  };

  const answerError = (res, params, error) => {
    const to = new URL(params.get('redirect_uri'));
    to.searchParams.set('error', error);
    if (params.get('state') !== null) to.searchParams.set('state', params.get('state'));
    redirect(res, to.href);
  };

  const realmPage = (query, error) => page('Sign in to the test provider', `
${error ? `<p role="alert" id="error">${escape(error)}</p>` : ''}
<form method="post" action="${path}/oauth2/v2.0/authorize">
<input type="hidden" name="request" value="${escape(query)}">
<label for="login">Email</label><input id="login" name="login" type="email" autocomplete="username" required>
<button type="submit" id="next">Next</button>
</form>
<p><a id="cancel" href="${path}/oauth2/v2.0/cancel?${escape(query)}">Cancel</a></p>`);

  return async (req, res, url) => {
    const route = url.pathname.slice(path.length);
    if (route === '/v2.0/.well-known/openid-configuration' && req.method === 'GET') {
      return json(res, 200, discovery, open);
    }
    if (route === '/discovery/v2.0/keys' && req.method === 'GET') {
      const published = tenants.flatMap(({ tid }) => keys(tenantKeys(tid))
        .map((key) => ({ ...publicJwk(key), issuer: `${base}/${tid}/v2.0` })));
      return json(res, 200, { keys: published }, { ...open, 'cache-control': `public, max-age=${keysMaxAge}` });
    }
    if (route === '/oauth2/v2.0/authorize' && req.method === 'GET') {
      const params = ownRequest(url.search);
      if (!params) return html(res, 400, page('The test provider refused this request', '<p>Unknown client or address.</p>'));
      const realm = cookie(req, 'common_realm');
      if (params.get('prompt') === 'none') {
        if (!realm) return answerError(res, params, 'login_required');
        return redirect(res, `${base}/${realm}/v2.0/auth${url.search}`);
      }
      return html(res, 200, realmPage(url.search.slice(1)));
    }
    if (route === '/oauth2/v2.0/authorize' && req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const query = form.get('request') ?? '';
      const params = ownRequest(query);
      if (!params) return html(res, 400, page('The test provider refused this request', '<p>Unknown client or address.</p>'));
      const login = (form.get('login') ?? '').trim().toLowerCase();
      const user = byName(login);
      if (!user) return html(res, 200, realmPage(query, 'That email is not a user of the test provider.'));
      params.set('login_hint', login);
      return redirect(res, `${base}/${user.tid}/v2.0/auth?${params}`, {
        'set-cookie': `common_realm=${user.tid}; Path=${path}; HttpOnly; SameSite=Lax`,
      });
    }
    if (route === '/oauth2/v2.0/cancel' && req.method === 'GET') {
      const params = ownRequest(url.search);
      if (!params) return html(res, 400, page('The test provider refused this request', '<p>Unknown client or address.</p>'));
      return answerError(res, params, 'access_denied');
    }
    if (route === '/oauth2/v2.0/token' && req.method === 'OPTIONS') {
      return send(res, 204, {
        'access-control-allow-origin': req.headers.origin ?? '*',
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type',
      }, '');
    }
    if (route === '/oauth2/v2.0/token' && req.method === 'POST') {
      const body = await readBody(req);
      const tid = codeTenant.get(new URLSearchParams(body).get('code') ?? '');
      if (!tid) {
        return json(res, 400, { error: 'invalid_grant', error_description: 'unknown code' }, {
          'access-control-allow-origin': req.headers.origin ?? '*',
        });
      }
      const answer = await fetch(`${base}/${tid}/v2.0/token`, {
        method: 'POST',
        headers: {
          'content-type': req.headers['content-type'] ?? 'application/x-www-form-urlencoded',
          ...(req.headers.origin ? { origin: req.headers.origin } : {}),
        },
        body,
      });
      const relayed = {};
      for (const name of ['content-type', 'cache-control', 'pragma', 'access-control-allow-origin', 'vary']) {
        if (answer.headers.get(name)) relayed[name] = answer.headers.get(name);
      }
      return send(res, answer.status, relayed, await answer.text());
    }
    if (route === '/oauth2/v2.0/logout' && req.method === 'GET' && endSession) {
      const realm = cookie(req, 'common_realm');
      const clear = { 'set-cookie': `common_realm=; Path=${path}; HttpOnly; SameSite=Lax; Max-Age=0` };
      if (realm) return redirect(res, `${base}/${realm}/v2.0/session/end${url.search}`, clear);
      const back = url.searchParams.get('post_logout_redirect_uri');
      if (back && redirectUris.includes(back)) return redirect(res, back, clear);
      return html(res, 200, page('Signed out', '<p>You are signed out of the test provider.</p>'));
    }
    return html(res, 404, page('Not found', '<p>The test provider has no such page.</p>'));
  };
}

function serve() {
  const port = Number(env('OIDC_PORT'));
  const base = `http://127.0.0.1:${port}`;
  const settings = {
    base,
    clientId: env('OIDC_CLIENT_ID', 'migration-assistant'),
    redirectUris: env('OIDC_REDIRECT_URIS').split(',').filter(Boolean),
    audience: env('OIDC_AUDIENCE'),
    accessTokenTtl: Number(env('OIDC_ACCESS_TOKEN_TTL', '3600')),
    keysMaxAge: Number(env('OIDC_KEYS_MAX_AGE', '3600')),
    endSession: !process.env.OIDC_NO_END_SESSION,
    codeTenant: new Map(),
  };
  const tenants = TENANTS.map((tid) => tenantProvider({ ...settings, tid }));
  const commonAuthority = common({ ...settings, tenants });

  const server = createServer((req, res) => {
    const url = new URL(req.url, base);
    const tenant = tenants.find(({ mount }) => url.pathname === mount || url.pathname.startsWith(`${mount}/`));
    if (tenant) {
      // Mounted below its path: oidc-provider finds the mount in `originalUrl`.
      req.originalUrl = req.url;
      req.url = req.url.slice(tenant.mount.length) || '/';
      return tenant.callback(req, res);
    }
    if (url.pathname.startsWith('/common/')) {
      return commonAuthority(req, res, url).catch((error) => {
        html(res, 500, page('The test provider failed', `<pre>${escape(error.stack)}</pre>`));
      });
    }
    return html(res, 404, page('Not found', '<p>The test provider has no such page.</p>'));
  });
  server.listen(port, '127.0.0.1', () => {
    console.log(base);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
}

switch (process.argv[2]) {
  case 'serve':
    serve();
    break;
  case 'rotate-keys':
    rotateKeys(env('OIDC_TENANT', FABRIKAM_TENANT));
    break;
  case 'withdraw-key':
    withdrawKey(env('OIDC_TENANT', FABRIKAM_TENANT), process.argv[3]);
    break;
  case 'users':
    for (const user of USERS) {
      const names = user.names.join(", later ");
      console.log(`  ${names.padEnd(54)} password ${user.password.padEnd(16)} ${user.about}`);
    }
    break;
  default:
    console.error('usage: node provider.mjs serve | rotate-keys | withdraw-key <kid> | users');
    process.exit(2);
}
