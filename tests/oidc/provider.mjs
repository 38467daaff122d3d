// An OpenID Provider for the tests and for trying the sign-in (`cargo xtask run --sign-in`):
// oidc-provider (a certified implementation) with two users, JWT access tokens for the API's
// audience, and a plain sign-in page of its own. For this machine only: http, keys in a folder.
//
//   node provider.mjs serve         starts it; the first line of stdout is its issuer
//   node provider.mjs rotate-keys   puts a new signing key first (the old one stays published)
//   node provider.mjs users         lists the users: sign-in name, password, kind of account
//
// Settings come from the environment:
//   OIDC_PORT              port on 127.0.0.1 (required)
//   OIDC_KEYS              folder of the keys: jwks.json (private, for the provider),
//                          <kid>.pem (PKCS #8, for tests that sign tokens of their own) and
//                          <kid>.pub.pem (for tests that pass the public key off as a secret)
//   OIDC_CLIENT_ID         the app's client id (default migration-assistant)
//   OIDC_REDIRECT_URIS     the app's addresses, comma-separated (also where sign-out returns)
//   OIDC_AUDIENCE          the API's identifier, the access tokens' `aud`
//   OIDC_ACCESS_TOKEN_TTL  seconds an access token lasts (default 3600)

import { randomUUID, generateKeyPairSync, createPrivateKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

import Provider from 'oidc-provider';

const MICROSOFT_ACCOUNTS_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';
const FABRIKAM_TENANT = 'a5d7c2f0-3b8e-4c1d-9f6a-2e4b8d0c7f13';

// The two users of the trial, with passwords that are only ever used here.
export const USERS = {
  'admin@fabrikam.example': {
    password: 'fabrikam-trial',
    name: 'Fabrikam Admin',
    tid: FABRIKAM_TENANT,
  },
  'northwind.publisher@outlook.com': {
    password: 'northwind-trial',
    name: 'Northwind Publisher',
    tid: MICROSOFT_ACCOUNTS_TENANT,
  },
};

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) {
    console.error(`provider.mjs: set ${name}`);
    process.exit(2);
  }
  return value;
};

function newKey(kind) {
  const kid = `${kind}-${randomUUID()}`;
  const { privateKey, publicKey } = kind === 'rsa'
    ? generateKeyPairSync('rsa', { modulusLength: 2048 })
    : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: kind === 'rsa' ? 'RS256' : 'ES256' };
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' });
  const publicPem = publicKey.export({ format: 'pem', type: 'spki' });
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

/// The signing keys: an RSA key (RS256) and an EC key (ES256), made on first use.
function keys(folder) {
  const file = join(folder, 'jwks.json');
  if (!existsSync(file)) {
    const made = [newKey('rsa'), newKey('ec')];
    writeKeys(folder, made.map((k) => k.jwk), made);
  }
  return JSON.parse(readFileSync(file, 'utf8')).keys;
}

function rotateKeys(folder) {
  const old = keys(folder);
  const made = newKey('rsa');
  writeKeys(folder, [made.jwk, ...old], [made]);
  console.log(made.jwk.kid);
}

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title, body) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>body{font-family:sans-serif;max-width:30em;margin:2em auto;padding:0 1em}label,input,button{display:block;margin:.5em 0}input{width:100%;padding:.4em}</style>
</head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

function signInForm(uid, error) {
  return page('Sign in to the test provider', `
${error ? `<p role="alert" id="error">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="login">Email</label><input id="login" name="login" type="email" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit" id="sign-in">Sign in</button>
</form>
<p><a id="cancel" href="/interaction/${escape(uid)}/abort">Cancel</a></p>`);
}

async function formBody(req) {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 10_000) break;
  }
  return new URLSearchParams(text);
}

function serve() {
  const port = Number(env('OIDC_PORT'));
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = env('OIDC_CLIENT_ID', 'migration-assistant');
  const redirectUris = env('OIDC_REDIRECT_URIS').split(',').filter(Boolean);
  const audience = env('OIDC_AUDIENCE');
  const accessTokenTtl = Number(env('OIDC_ACCESS_TOKEN_TTL', '3600'));

  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId,
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: redirectUris,
      post_logout_redirect_uris: redirectUris,
    }],
    jwks: { keys: keys(env('OIDC_KEYS')) },
    cookies: { keys: [randomUUID()] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username', 'tid'],
    },
    conformIdTokenClaims: false,
    async findAccount(_ctx, id) {
      const user = USERS[id];
      if (!user) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: id, email_verified: true, name: user.name, preferred_username: id, tid: user.tid };
        },
      };
    },
    // The access token carries who the user is, as Microsoft Entra ID's do.
    async extraTokenClaims(_ctx, token) {
      const user = USERS[token.accountId];
      return user ? { email: token.accountId, preferred_username: token.accountId, tid: user.tid } : {};
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
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: { AccessToken: accessTokenTtl, IdToken: 3600, Session: 8 * 3600, Grant: 8 * 3600, Interaction: 3600 },
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = page('The test provider refused this request', `<pre>${escape(JSON.stringify(out, null, 2))}</pre>`);
    },
  });
  provider.proxy = false;

  // The sign-in page, in front of the provider's own routes.
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
      const form = await formBody(ctx.req);
      const login = (form.get('login') ?? '').trim().toLowerCase();
      const user = USERS[login];
      if (!user || form.get('password') !== user.password) {
        ctx.type = 'html';
        ctx.body = signInForm(uid, 'That email and password do not match a user of the test provider.');
        return undefined;
      }
      await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
      return undefined;
    }
    if (details.prompt.name === 'login') {
      ctx.type = 'html';
      ctx.body = signInForm(uid);
      return undefined;
    }
    // Consent is given by loadExistingGrant; anything else left is finished as it stands.
    await provider.interactionFinished(ctx.req, ctx.res, {}, { mergeWithLastSubmission: true });
    return undefined;
  });

  const server = createServer(provider.callback());
  server.listen(port, '127.0.0.1', () => {
    console.log(issuer);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
}

switch (process.argv[2]) {
  case 'serve':
    serve();
    break;
  case 'rotate-keys':
    rotateKeys(env('OIDC_KEYS'));
    break;
  case 'users':
    for (const [email, user] of Object.entries(USERS)) {
      const kind = user.tid === MICROSOFT_ACCOUNTS_TENANT ? 'a personal Microsoft account' : 'a work account';
      console.log(`  ${email.padEnd(34)} password ${user.password.padEnd(17)} (${kind})`);
    }
    break;
  default:
    console.error('usage: node provider.mjs serve | rotate-keys | users');
    process.exit(2);
}
