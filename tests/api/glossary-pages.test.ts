import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './browser-session.js';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

describe('glossary pages', () => {
  it('when an editor searches, adds, edits and retires an entry, then each step shows and the history lists them', async () => {
    const editor = await signIn(t, 'editor');
    const list = await editor.get('/glossary?q=герасимов');
    expect(list.status).toBe(200);
    expect(list.html).toContain('Valery Gerasimov');
    expect(list.html).not.toContain('Ilham Aliyev');
    expect(list.html).toContain('id="add-entry"');

    const added = await editor.post('/glossary', { ru: 'Нефтяные Камни', en: 'Oil Rocks', en_gb: '', type: 'place', gender: '', forbidden: 'Neft Dashlari | Neftyanye Kamni', note: '', source: 'socar.az' });
    expect(added.status).toBe(303);
    expect(added.location).toBe('/glossary/neftyanye-kamni?notice=created');

    const page = await editor.get('/glossary/neftyanye-kamni');
    expect(page.html).toContain('value="Neft Dashlari | Neftyanye Kamni"');
    const saved = await editor.post('/glossary/neftyanye-kamni', { ru: 'Нефтяные Камни', en: 'Oil Rocks', en_gb: '', type: 'place', gender: '', forbidden: 'Neft Dashlari', note: 'offshore town', source: 'socar.az', version: '1' });
    expect(saved.location).toBe('/glossary/neftyanye-kamni?notice=updated');
    expect((await editor.post('/glossary/neftyanye-kamni/retire', { version: '2', reason: 'test' })).location).toBe('/glossary/neftyanye-kamni?notice=retired');

    const history = (await editor.get('/glossary/neftyanye-kamni')).html;
    expect(history).toMatch(/retired[\s\S]*updated[\s\S]*created/);
    expect(history).toContain('<del>Neft Dashlari | Neftyanye Kamni</del> → <ins>Neft Dashlari</ins>');
    expect(history).toContain('>Restore</button>');
  });

  it('when a form is wrong, then it comes back with the problems and the typed values', async () => {
    const editor = await signIn(t, 'editor');
    await editor.get('/glossary');
    const res = await editor.post('/glossary', { ru: 'Шуша', en: '', type: 'place', source: '' });
    expect(res.status).toBe(422);
    expect(res.html).toContain('en is empty');
    expect(res.html).toContain('source is empty');
    expect(res.html).toContain('value="Шуша"');
  });

  it('when a broken CSV is uploaded on the page, then every bad line is listed and nothing is imported', async () => {
    const editor = await signIn(t, 'editor');
    await editor.get('/glossary');
    const form = new FormData();
    form.set('file', new Blob(['ru,en,en_gb,type,gender,forbidden,note,source\nГобустан,Gobustan,,place,,,,unesco.org\nКура,,,river,,,,x\n']), 'more.csv');
    form.set('mode', 'merge');
    const res = await editor.post('/glossary/import', form);
    expect(res.status).toBe(422);
    expect(res.html).toContain('line 3: en is empty');
    expect(res.html).toContain('line 3: unknown type &#34;river&#34;');
    expect((await editor.get('/glossary?q=gobustan')).html).toContain('No entries match');
  });

  it('when a translator opens the glossary, then it is read-only: no forms, and posting is refused', async () => {
    const translator = await signIn(t, 'translator');
    const page = await translator.get('/glossary');
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('id="add-entry"');
    expect((await translator.get('/glossary/baku')).html).not.toContain('id="edit-entry"');
    const refused = await translator.post('/glossary', { ru: 'Шуша', en: 'Shusha', type: 'place', source: 'x' });
    // Refused for the role, not for a bad CSRF token (which is a 403 too).
    expect(refused.status).toBe(403);
    expect(refused.html).toContain('Your role does not allow this');
    const download = await translator.get('/glossary/export?format=csv');
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="tandem-glossary.csv"');
    expect(download.html).toContain('Баку,Baku,,place');
  });
});
