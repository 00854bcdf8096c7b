import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/web/authenticate.js';
import { postLogin, signIn } from './browser-session.js';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ TANDEM_IMPORT_SAMPLE: 'false', TANDEM_SESSION_HOURS: '12' });
});
afterAll(async () => {
  await t.close();
});

const editorLogin = (next: string) => postLogin(t, { username: 'editor', password: t.passwords.editor, next });

describe('redirect after sign-in', () => {
  it.each([
    '//evil.example/path',
    '/\\evil.example/path',
    '\\evil.example',
    '/%5Cevil.example/path',
    'https://evil.example/',
    'javascript:alert(1)',
    '/\t/evil.example',
    '/\n/evil.example',
    '\t//evil.example',
    '///evil.example',
  ])('when next is %j, then the browser is sent to / on this site', async (next) => {
    const res = await editorLogin(next);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/');
  });

  it('when next is a path on this site, then the browser is sent there', async () => {
    const res = await editorLogin('/glossary?q=baku');
    expect(res.headers.get('location')).toBe('/glossary?q=baku');
  });

  it('when the sign-in form is opened with a hostile next, then the form carries / instead', async () => {
    const html = await (await fetch(`${t.url}/login?next=${encodeURIComponent('/\\evil.example')}`)).text();
    expect(html).toContain('name="next" value="/"');
  });
});

describe('Authorization headers that are not API tokens', () => {
  it('when a signed-in browser also sends HTTP basic credentials for a proxy, then its pages and in-page API calls still work', async () => {
    const editor = await signIn(t, 'editor', t.passwords.editor);
    const basic = { authorization: `Basic ${Buffer.from('newsroom:proxy-password').toString('base64')}` };
    const page = await editor.get('/', basic);
    expect(page.status).toBe(200);
    expect(page.html).toContain('editor · editor');
    const me = await editor.get('/api/v1/me', basic);
    expect(me.status).toBe(200);
    expect(JSON.parse(me.html)).toMatchObject({ name: 'editor', role: 'editor' });
  });

  it('when the header is a Bearer token that is wrong, then the request is refused even with a session cookie', async () => {
    const editor = await signIn(t, 'editor', t.passwords.editor);
    expect((await editor.get('/api/v1/me', { authorization: 'Bearer tdm_wrong' })).status).toBe(401);
  });

  it('when basic credentials come without a session, then the API answers 401', async () => {
    const res = await fetch(`${t.url}/api/v1/me`, { headers: { authorization: 'Basic bmV3c3Jvb206eA==' } });
    expect(res.status).toBe(401);
  });
});

describe('session cookie lifetime', () => {
  const cookieExpiry = (headers: Headers): number | null => {
    const cookie = headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    const expires = cookie && /;\s*Expires=([^;]+)/i.exec(cookie)?.[1];
    return expires ? Date.parse(expires) : null;
  };

  it('when the server extends a session, then the cookie is sent again with the new expiry', async () => {
    const editor = await signIn(t, 'editor', t.passwords.editor);
    // Only just signed in: nothing to extend, nothing re-sent.
    expect(cookieExpiry((await editor.get('/')).headers)).toBeNull();

    // Eleven of the twelve hours have passed since the last renewal.
    await t.ctx.db.updateTable('sessions').set({ expires_at: new Date(Date.now() + 3_600_000).toISOString() }).execute();
    const before = Date.now();
    const page = await editor.get('/');
    expect(page.status).toBe(200);
    const expiry = cookieExpiry(page.headers);
    expect(expiry).not.toBeNull();
    // Expires has whole seconds: the new expiry is twelve hours from now, give or take a second.
    expect(expiry!).toBeGreaterThanOrEqual(before + 12 * 3_600_000 - 1000);
    expect(expiry!).toBeLessThanOrEqual(Date.now() + 12 * 3_600_000);
    const stored = await t.ctx.db.selectFrom('sessions').select('expires_at').orderBy('expires_at', 'desc').executeTakeFirstOrThrow();
    expect(Math.abs(Date.parse(stored.expires_at) - expiry!)).toBeLessThan(1000);
  });
});
