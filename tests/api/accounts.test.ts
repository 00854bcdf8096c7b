import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/auth/users.js';
import { postLogin, signIn, type BrowserSession } from './browser-session.js';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ TANDEM_IMPORT_SAMPLE: 'false' });
});
afterAll(async () => {
  await t.close();
});

const userId = async (username: string) => (await t.ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
/** A page that needs a session: 200 while it lasts, a redirect to /login once it has ended. */
const stillSignedIn = async (s: BrowserSession) => (await s.get('/')).status === 200;
const canSignIn = async (username: string, password: string) => (await postLogin(t, { username, password })).status === 302;

describe('changing your own password', () => {
  it('when the current password is right, then the new one works, the old one does not, and only the other sessions end', async () => {
    await createUser(t.ctx.db, { username: 'olga', password: 'olga-password-1', role: 'translator' });
    const here = await signIn(t, 'olga', 'olga-password-1');
    const elsewhere = await signIn(t, 'olga', 'olga-password-1');

    const page = await here.get('/account');
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<form method="post" action="\/account\/password"[\s\S]*name="_csrf" value="[^"]+"/);

    const changed = await here.post('/account/password', { current: 'olga-password-1', password: 'olga-new-password', confirm: 'olga-new-password' });
    expect(changed.status).toBe(303);
    expect(changed.location).toBe('/account?notice=password');
    expect((await here.get('/account?notice=password')).html).toContain('Password changed. Your other sessions were signed out.');

    expect(await stillSignedIn(here)).toBe(true);
    expect(await stillSignedIn(elsewhere)).toBe(false);
    expect(await canSignIn('olga', 'olga-password-1')).toBe(false);
    expect(await canSignIn('olga', 'olga-new-password')).toBe(true);
  });

  it('when the current password is wrong or the two new ones differ, then the form says so and nothing changes', async () => {
    const editor = await signIn(t, 'editor', t.passwords.editor);
    const wrong = await editor.post('/account/password', { current: 'not-my-password', password: 'editor-password-2', confirm: 'editor-password-2' });
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain('The current password is wrong');
    const differ = await editor.post('/account/password', { current: t.passwords.editor, password: 'editor-password-2', confirm: 'editor-password-3' });
    expect(differ.status).toBe(422);
    expect(differ.html).toContain('The two new passwords differ');
    expect(await canSignIn('editor', t.passwords.editor)).toBe(true);
  });
});

describe('admins managing users', () => {
  it('when an admin disables a user, then their session ends, their tokens stop working and they cannot sign in until enabled again', async () => {
    const admin = await signIn(t, 'admin', t.passwords.admin);
    expect((await admin.post('/admin/users', { username: 'deputy', password: 'deputy-password-1', role: 'admin' })).status).toBe(303);
    const deputy = await signIn(t, 'deputy', 'deputy-password-1');
    const created = await deputy.post('/admin/tokens', { name: 'deputy script', role: 'editor' });
    const token = /<code class="secret" id="new-token">([^<]+)<\/code>/.exec(created.html)?.[1];
    expect(token).toMatch(/^tdm_/);
    const me = () => fetch(`${t.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await me()).status).toBe(200);

    const list = await admin.get('/admin');
    const id = await userId('deputy');
    expect(list.html).toMatch(new RegExp(`action="/admin/users/${id}/disable"[\\s\\S]*?name="_csrf" value="[^"]+"`));

    const disabled = await admin.post(`/admin/users/${id}/disable`, {});
    expect(disabled.status).toBe(303);
    expect(disabled.location).toBe('/admin?notice=disabled');
    expect(await stillSignedIn(deputy)).toBe(false);
    expect((await me()).status).toBe(401);
    expect(await canSignIn('deputy', 'deputy-password-1')).toBe(false);
    const after = await admin.get('/admin?notice=disabled');
    expect(after.html).toContain('User disabled: their sessions ended and the API tokens they created were revoked.');
    expect(after.html).toMatch(new RegExp(`action="/admin/users/${id}/enable"`));

    expect((await admin.post(`/admin/users/${id}/enable`, {})).location).toBe('/admin?notice=enabled');
    expect(await canSignIn('deputy', 'deputy-password-1')).toBe(true);
    expect((await me()).status).toBe(401);
  });

  it('when an admin tries to disable themselves, then it is refused and they stay signed in', async () => {
    const admin = await signIn(t, 'admin', t.passwords.admin);
    const res = await admin.post(`/admin/users/${await userId('admin')}/disable`, {});
    expect(res.status).toBe(409);
    expect(res.html).toContain('You cannot disable your own account');
    expect(await stillSignedIn(admin)).toBe(true);
  });

  it('when an admin sets a new password for a user, then it works at once and the user is signed out everywhere', async () => {
    const admin = await signIn(t, 'admin', t.passwords.admin);
    const translator = await signIn(t, 'translator', t.passwords.translator);
    const res = await admin.post(`/admin/users/${await userId('translator')}/password`, { password: 'set-by-admin-1' });
    expect(res.location).toBe('/admin?notice=password');
    expect(await stillSignedIn(translator)).toBe(false);
    expect(await canSignIn('translator', t.passwords.translator)).toBe(false);
    expect(await canSignIn('translator', 'set-by-admin-1')).toBe(true);
    expect(await stillSignedIn(admin)).toBe(true);
  });

  it('when someone who is not an admin posts to the user actions, then they are refused', async () => {
    const editor = await signIn(t, 'editor', t.passwords.editor);
    expect((await editor.post(`/admin/users/${await userId('translator')}/disable`, {})).status).toBe(403);
    expect((await editor.post(`/admin/users/${await userId('translator')}/password`, { password: 'set-by-editor-1' })).status).toBe(403);
  });
});
