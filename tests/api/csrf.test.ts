import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { browserSession, signIn, type BrowserSession } from './browser-session.js';
import { sampleText, startTestServer, type TestServer } from './harness.js';

let t: TestServer;
let admin: BrowserSession;
/** A document with every segment confirmed, ready to approve. */
let readyId: number;
/** An approved document, which reopen would put back into work. */
let approvedId: number;
let segmentId: number;
let publisherTokenId: number;
const glossaryId = 'valeriy-gerasimov';

async function importConfirmed(): Promise<number> {
  const res = await t.api('translator', '/api/v1/documents', { method: 'POST', json: { text: sampleText } });
  const { id } = (await res.json()) as { id: number };
  await t.ctx.jobs.idle();
  const { segments } = (await (await t.api('translator', `/api/v1/documents/${id}`)).json()) as { segments: Array<{ id: number; target: string; version: number }> };
  for (const s of segments) {
    const saved = await t.api('translator', `/api/v1/documents/${id}/segments/${s.id}`, { method: 'PATCH', json: { target: s.target, status: 'translated', version: s.version } });
    expect(saved.status).toBe(200);
  }
  return id;
}

beforeAll(async () => {
  t = await startTestServer();
  readyId = await importConfirmed();
  approvedId = await importConfirmed();
  expect((await t.api('editor', `/api/v1/documents/${approvedId}/approve`, { method: 'POST' })).status).toBe(201);
  segmentId = (await t.ctx.db.selectFrom('segments').select('id').where('document_id', '=', readyId).executeTakeFirstOrThrow()).id;
  publisherTokenId = (await t.ctx.db.selectFrom('api_tokens').select('id').where('name', '=', 'publisher test').executeTakeFirstOrThrow()).id;
  admin = await signIn(t, 'admin');
});
afterAll(async () => {
  await t.close();
});

/** Every row of every table: what "nothing changed" means. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  await t.ctx.jobs.idle();
  const rows: Record<string, unknown[]> = {};
  for (const table of await t.ctx.db.introspection.getTables()) {
    rows[table.name] = await t.ctx.db.selectFrom(table.name as 'documents').selectAll().execute();
  }
  return rows;
}

interface ListedRoute {
  path: string;
  methods?: string[];
  router?: Lister;
}
interface Lister {
  listRoutes(): ListedRoute[];
}

/** Every POST/PUT/PATCH/DELETE route the app serves, found by walking its routers, so a route added later is swept too. */
function stateChangingRoutes(router: Lister = t.app.router as unknown as Lister, prefix = ''): Array<{ method: string; path: string }> {
  return router.listRoutes().flatMap((r) => {
    const path = `${prefix}/${r.path}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
    if (r.router) return stateChangingRoutes(r.router, path);
    return (r.methods ?? []).filter((m) => !['GET', 'HEAD', 'OPTIONS'].includes(m.toUpperCase())).map((method) => ({ method: method.toUpperCase(), path }));
  });
}

/** The sweep's list, checked to hold the routes of finding 3 so that a broken walk cannot pass as "nothing to check". */
function sweptRoutes(): Array<{ method: string; path: string }> {
  const routes = stateChangingRoutes();
  expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
    expect.arrayContaining([
      'POST /login',
      'POST /logout',
      'POST /documents',
      'POST /documents/:id/approve',
      'POST /documents/:id/reopen',
      'POST /documents/:id/translate',
      'POST /glossary/import',
      'POST /admin/tokens/:id/revoke',
      'POST /api/v1/documents',
      'PATCH /api/v1/documents/:id/segments/:segmentId',
      'POST /api/v1/glossary/import',
      'PATCH /api/v1/glossary/:id',
    ]),
  );
  return routes;
}

/** Real ids, so that a route left unguarded would change something the snapshot sees. */
function fill(path: string): string {
  const id = path.startsWith('/glossary/') || path.startsWith('/api/v1/glossary/') ? glossaryId : path.includes('/tokens/') ? publisherTokenId : path.endsWith('/approve') ? readyId : approvedId;
  const ids: Record<string, string | number> = { id, segmentId, issueId: 1, n: 1 };
  return path.replace(/:(\w+)/g, (_, name: string) => String(ids[name]));
}

/** The fields a forged form would send: enough for any of the routes to act on. */
const forgedFields: Record<string, string> = {
  text: sampleText,
  title: 'Forged',
  engine: 'offline',
  reason: 'forged',
  username: 'mallory',
  password: 'mallory-password-1',
  role: 'admin',
  name: 'forged',
  ru: 'Подделка',
  en: 'Forgery',
  type: 'term',
  source: 'forged',
  version: '1',
  target: 'Forged',
  status: 'translated',
  next: '/',
};

const encodings: Record<string, () => { body: BodyInit; headers: Record<string, string> }> = {
  multipart: () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(forgedFields)) form.append(k, v);
    form.append('file', new Blob([sampleText], { type: 'text/plain' }), 'forged.txt');
    return { body: form, headers: {} };
  },
  urlencoded: () => ({ body: new URLSearchParams(forgedFields), headers: {} }),
  'text/plain': () => ({ body: Object.entries(forgedFields).map(([k, v]) => `${k}=${v}`).join('\r\n'), headers: { 'content-type': 'text/plain' } }),
  json: () => ({ body: JSON.stringify(forgedFields), headers: { 'content-type': 'application/json' } }),
};

describe('every state-changing route, with a signed-in session cookie', () => {
  it.each(Object.keys(encodings))('when a %s body comes without a CSRF token, then every route answers 403 and nothing changes', async (encoding) => {
    const before = await snapshot();
    const answers: string[] = [];
    for (const route of sweptRoutes()) {
      const { body, headers } = encodings[encoding]!();
      const res = await admin.send(fill(route.path), { method: route.method, body, headers });
      answers.push(`${route.method} ${route.path} ${res.status}`);
    }
    expect(answers.filter((a) => !a.endsWith(' 403'))).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect((await admin.get('/')).status).toBe(200);
  });
});

describe('the Origin and Sec-Fetch-Site check', () => {
  const otherPort = () => `http://127.0.0.1:${Number(new URL(t.url).port) + 1}`;
  const foreign: Record<string, () => Record<string, string>> = {
    'an Origin on another port': () => ({ origin: otherPort() }),
    'an Origin with another scheme': () => ({ origin: t.url.replace('http:', 'https:') }),
    'Origin: null': () => ({ origin: 'null' }),
    'Sec-Fetch-Site: same-site': () => ({ 'sec-fetch-site': 'same-site' }),
    'Sec-Fetch-Site: cross-site': () => ({ 'sec-fetch-site': 'cross-site' }),
    'Sec-Fetch-Site: same-origin but a foreign Origin': () => ({ 'sec-fetch-site': 'same-origin', origin: otherPort() }),
  };

  it.each(Object.keys(foreign))('when a request with a valid token carries %s, then every route answers 403 and nothing changes', async (name) => {
    const before = await snapshot();
    const answers: string[] = [];
    for (const route of sweptRoutes()) {
      const body = new URLSearchParams({ ...forgedFields, _csrf: admin.csrf });
      const res = await admin.send(fill(route.path), { method: route.method, body, headers: { ...foreign[name]!(), 'x-csrf-token': admin.csrf } });
      answers.push(`${route.method} ${route.path} ${res.status}`);
    }
    expect(answers.filter((a) => !a.endsWith(' 403'))).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('when a page on another port auto-submits multipart forms to approve, reopen, translate, revoke a token and sign out, then each is refused and nothing changes', async () => {
    const editor = await signIn(t, 'editor');
    const before = await snapshot();
    const attack = { origin: otherPort(), 'sec-fetch-site': 'same-site' };
    for (const path of [`/documents/${readyId}/approve`, `/documents/${approvedId}/reopen`, `/documents/${readyId}/translate`, `/admin/tokens/${publisherTokenId}/revoke`, '/logout']) {
      const form = new FormData();
      form.append('reason', 'forged');
      const res = await (path.startsWith('/admin') ? admin : editor).send(path, { method: 'POST', body: form, headers: attack });
      expect(res.status, path).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
    expect((await editor.get('/')).status).toBe(200);
  });

  it('when a form comes from this server with its token, then it goes through with or without Origin and Sec-Fetch-Site (an opaque Origin beside same-origin too), and from another port it does not', async () => {
    const editor = await signIn(t, 'editor');
    await editor.get('/');
    const importForm = () => {
      const form = new FormData();
      form.append('file', new Blob([sampleText], { type: 'text/plain' }), 'article.txt');
      return form;
    };
    const ownOrigin = await editor.post('/documents', importForm(), { headers: { origin: t.url, 'sec-fetch-site': 'same-origin' } });
    expect(ownOrigin.status).toBe(303);
    const noHeaders = await editor.post('/documents', importForm());
    expect(noHeaders.status).toBe(303);
    // What Chromium sends for a page's own form under a no-referrer policy.
    const opaqueOrigin = await editor.post('/documents', importForm(), { headers: { origin: 'null', 'sec-fetch-site': 'same-origin' } });
    expect(opaqueOrigin.status).toBe(303);
    const count = (await t.ctx.db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;
    const fromElsewhere = await editor.post('/documents', importForm(), { headers: { origin: otherPort(), 'sec-fetch-site': 'same-site' } });
    expect(fromElsewhere.status).toBe(403);
    expect((await t.ctx.db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n).toBe(count);
  });

  it('when a cross-origin API call carries a Bearer token, then it is not checked; with the session cookie instead, it is refused as JSON', async () => {
    const headers = { origin: otherPort(), 'sec-fetch-site': 'cross-site' };
    const withToken = await t.api('translator', '/api/v1/documents', { method: 'POST', json: { text: sampleText }, headers });
    expect(withToken.status).toBe(201);
    const withCookie = await admin.send('/api/v1/documents', {
      method: 'POST',
      body: JSON.stringify({ text: sampleText }),
      headers: { ...headers, 'content-type': 'application/json', 'x-csrf-token': admin.csrf },
    });
    expect(withCookie.status).toBe(403);
    expect(JSON.parse(withCookie.html)).toMatchObject({ error: { code: 'cross_origin' } });
  });
});

describe('multipart bodies, parsed before anyone is known to be signed in', () => {
  it('when an anonymous multipart body declares more than the upload limit, then 413 payload_too_large and no session', async () => {
    const form = new FormData();
    for (const name of ['username', 'password', 'a', 'b', 'c']) form.append(name, 'x'.repeat(900_000));
    const res = await browserSession(t).send('/login', { method: 'POST', body: form, headers: { accept: 'application/json' } });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.html)).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(res.headers.getSetCookie().join('\n')).not.toContain('tandem_session');
  });
});

describe('signing in', () => {
  const sessionCount = async () => Number((await t.ctx.db.selectFrom('sessions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('when the sign-in form is posted without a token, then 403 and no session is started', async () => {
    const before = await sessionCount();
    const res = await browserSession(t).post('/login', { username: 'editor', password: t.passwords.editor, next: '/' }, { csrf: null });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie().join('\n')).not.toContain('tandem_session');
    expect(await sessionCount()).toBe(before);
  });

  it('when the sign-in form is posted from another origin with its token, then 403 and no session is started', async () => {
    const before = await sessionCount();
    const browser = browserSession(t);
    await browser.get('/login');
    expect(browser.csrf).not.toBe('');
    const res = await browser.post('/login', { username: 'editor', password: t.passwords.editor, next: '/' }, { headers: { origin: 'http://tandem.example.net' } });
    expect(res.status).toBe(403);
    expect(browser.cookie('tandem_session')).toBeUndefined();
    expect(await sessionCount()).toBe(before);
  });

  it('when the sign-in form carries the token of another browser, then 403', async () => {
    const attacker = browserSession(t);
    await attacker.get('/login');
    const victim = browserSession(t);
    await victim.get('/login');
    const res = await victim.post('/login', { username: 'editor', password: t.passwords.editor }, { csrf: attacker.csrf });
    expect(res.status).toBe(403);
  });

  it('when the password is wrong, then the form comes back with a token that signs in on the next try', async () => {
    const browser = browserSession(t);
    await browser.get('/login');
    const wrong = await browser.post('/login', { username: 'editor', password: 'not-the-password', next: '/' });
    expect(wrong.status).toBe(401);
    const again = /name="_csrf" value="([^"]+)"/.exec(wrong.html)?.[1];
    expect(again).toBeDefined();
    expect((await browser.post('/login', { username: 'editor', password: t.passwords.editor, next: '/' }, { csrf: again })).status).toBe(302);
  });

  it('when a person signs in with the form, then the sign-in token stops working and the session has its own', async () => {
    const browser = browserSession(t);
    await browser.get('/login');
    const signInToken = browser.csrf;
    expect(signInToken).not.toBe('');
    const login = await browser.post('/login', { username: 'translator', password: t.passwords.translator, next: '/' });
    expect(login.status).toBe(302);
    expect(browser.cookie('tandem_session')).toBeDefined();

    expect((await browser.post('/logout', {}, { csrf: signInToken })).status).toBe(403);
    await browser.get('/');
    expect(browser.csrf).not.toBe(signInToken);
    const logout = await browser.post('/logout', {});
    expect(logout.status).toBe(302);
    expect(browser.cookie('tandem_session')).toBeUndefined();
  });
});

describe('the error page for a refused form, under NODE_ENV=development', () => {
  let dev: TestServer;
  beforeAll(async () => {
    vi.stubEnv('NODE_ENV', 'development');
    try {
      dev = await startTestServer();
    } finally {
      vi.unstubAllEnvs();
    }
  });
  afterAll(async () => {
    await dev.close();
  });

  const expectNoInternals = (html: string) => {
    expect(html).not.toContain('ReferenceError');
    expect(html).not.toContain('is not defined');
    expect(html).not.toContain('.ejs');
    expect(html).not.toContain(projectRoot);
    expect(html).not.toContain('node_modules');
    expect(html).not.toMatch(/^\s+at /m);
  };

  it('when a signed-in user posts a form without its token, then a 403 page asks to reload, with no stack, template or path', async () => {
    expect(dev.app.get('env')).toBe('development');
    const editor = await signIn(dev, 'editor');
    const res = await editor.post('/documents/1/approve', {}, { csrf: null, headers: { accept: 'text/html' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.html).toContain('reload the page');
    expect(res.html).toContain('Sign out');
    expectNoInternals(res.html);
  });

  it('when the sign-in form comes without its token, then the same 403 page', async () => {
    const res = await browserSession(dev).post('/login', { username: 'editor', password: dev.passwords.editor }, { csrf: null, headers: { accept: 'text/html' } });
    expect(res.status).toBe(403);
    expect(res.html).toContain('reload the page');
    expectNoInternals(res.html);
  });
});
