import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

interface MatchJson {
  start: number;
  end: number;
  surface: string;
  entryId: string;
  source: string;
  target: string;
  ambiguous: boolean;
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

const match = (role: Parameters<TestServer['api']>[0], json: unknown) => t.api(role, '/api/v1/glossary/match', { method: 'POST', json });

describe('POST /api/v1/glossary/match', () => {
  it('when a translator sends a text, then every term comes back with offsets into it, flagged where undecided', async () => {
    const text = 'Начальник Генштаба генерал армии Валерий Герасимов\nпровел переговоры с генерал-полковником Садыковым. Позже Герасимова поблагодарили.';
    const res = await match('translator', { text });
    expect(res.status).toBe(200);
    const { matches } = (await res.json()) as { matches: MatchJson[] };
    expect(matches.map((m) => [m.surface, m.entryId, m.target, m.ambiguous])).toEqual([
      ['Генштаба', 'genshtab', 'General Staff', false],
      ['генерал армии', 'general-armii', 'General of the Army', false],
      ['Валерий Герасимов', 'valeriy-gerasimov', 'Valery Gerasimov', false],
      ['генерал-полковником', 'general-polkovnik', 'Colonel General', false],
      ['Садыковым', 'nadzhmeddin-sadykov', 'Najmaddin Sadigov', false],
      ['Герасимова', 'valeriy-gerasimov', 'Valery Gerasimov', true],
    ]);
    for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.surface);
    expect(matches[2]).toEqual({
      start: 33,
      end: 50,
      surface: 'Валерий Герасимов',
      entryId: 'valeriy-gerasimov',
      source: 'Валерий Герасимов',
      target: 'Valery Gerasimov',
      ambiguous: false,
    });
  });

  it('when the text holds no term, then the list is empty', async () => {
    const res = await match('editor', { text: 'Погода в выходные будет солнечной.' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ matches: [] });
  });

  it('when the caller has no token or is a publisher, then 401 and 403', async () => {
    expect((await match(null, { text: 'генерал армии' })).status).toBe(401);
    expect((await match('publisher', { text: 'генерал армии' })).status).toBe(403);
  });

  it('when the body has no text or a text that is not a string, then 400 saying what to send', async () => {
    for (const body of [{}, { text: 42 }, { words: 'генерал' }]) {
      const res = await match('translator', body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringContaining('{"text"') } });
    }
  });

  it('when the text is over 200,000 characters, then 413 and nothing is matched', async () => {
    const res = await match('translator', { text: 'генерал армии '.repeat(15_000) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large', message: expect.stringContaining('200,000') } });
  });

  it('when an editor adds an entry, then the next match finds it in its inflected forms', async () => {
    const text = 'в Бакинском морском порту';
    expect(((await (await match('translator', { text })).json()) as { matches: MatchJson[] }).matches).toEqual([]);
    const created = await t.api('editor', '/api/v1/glossary', {
      method: 'POST',
      json: { ru: 'Бакинский морской порт', en: 'Port of Baku', type: 'organisation', source: 'portofbaku.com' },
    });
    expect(created.status).toBe(201);
    const { matches } = (await (await match('translator', { text })).json()) as { matches: MatchJson[] };
    expect(matches.map((m) => [m.surface, m.target])).toEqual([['Бакинском морском порту', 'Port of Baku']]);
  });
});
