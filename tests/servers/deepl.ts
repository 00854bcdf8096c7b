import { type FakeServer, type Handler, fakeTranslate, startFakeServer } from './fake-server.js';

/**
 * A stand-in for the DeepL API v2 as deepl-node speaks it: form-encoded POST /v2/translate,
 * /v2/glossaries (create, list, get, delete), GET /v2/usage, with the `DeepL-Auth-Key` header.
 * It refuses what DeepL refuses (more than 50 texts, bodies over 128 KiB, other target languages),
 * so a test passing here honours the limits.
 */
export interface DeepLServer extends FakeServer {
  glossaries: Map<string, { name: string; entries: string; sourceLang: string; targetLang: string }>;
  /** Characters billed so far, as /v2/usage reports them. */
  billed: number;
}

export const DEEPL_TEST_KEY = 'test-key:fx';
const MAX_TEXTS = 50;
const MAX_BODY = 128 * 1024;

export async function startDeepLServer(options: { characterLimit?: number } = {}): Promise<DeepLServer> {
  const glossaries: DeepLServer['glossaries'] = new Map();
  let nextGlossary = 1;
  const state = { billed: 0 };

  const handler: Handler = (req, failure) => {
    if (req.headers.authorization !== `DeepL-Auth-Key ${DEEPL_TEST_KEY}`) return { status: 403, body: { message: 'Wrong auth key' } };
    if (req.method === 'POST' && req.path === '/v2/translate') {
      if (Buffer.byteLength(req.body) > MAX_BODY) return { status: 413, body: { message: 'Request Entity Too Large' } };
      const form = new URLSearchParams(req.body);
      const texts = form.getAll('text');
      if (texts.length === 0 || texts.length > MAX_TEXTS) return { status: 400, body: { message: `Too many texts: ${texts.length}` } };
      const target = (form.get('target_lang') ?? '').toUpperCase();
      if (target !== 'EN-US' && target !== 'EN-GB') return { status: 400, body: { message: `Value for 'target_lang' not supported: ${target}` } };
      const glossaryId = form.get('glossary_id');
      if (glossaryId && !glossaries.has(glossaryId)) return { status: 404, body: { message: 'Glossary not found' } };
      const shown = failure?.kind === 'wrong_count' ? texts.slice(1) : texts;
      const dropMarkup = failure?.kind === 'drop_markup' ? /<x\b[^>]*>[\s\S]*?<\/x>/g : undefined;
      const translations = shown.map((text) => ({
        detected_source_language: 'RU',
        text: fakeTranslate(text, { dropMarkup }),
        billed_characters: [...text].length,
      }));
      state.billed += translations.reduce((n, t) => n + t.billed_characters, 0);
      return { body: { translations } };
    }
    if (req.path === '/v2/usage') {
      return { body: { character_count: state.billed, character_limit: options.characterLimit ?? 500_000 } };
    }
    if (req.path === '/v2/glossaries' && req.method === 'POST') {
      const form = new URLSearchParams(req.body);
      const id = `glossary-${nextGlossary++}`;
      const entry = {
        name: form.get('name') ?? '',
        entries: form.get('entries') ?? '',
        sourceLang: form.get('source_lang') ?? '',
        targetLang: form.get('target_lang') ?? '',
      };
      if (form.get('entries_format') !== 'tsv' || entry.entries === '') return { status: 400, body: { message: 'Invalid glossary entries' } };
      glossaries.set(id, entry);
      return { status: 201, body: describe(id, entry) };
    }
    if (req.path === '/v2/glossaries' && req.method === 'GET') {
      return { body: { glossaries: [...glossaries].map(([id, g]) => describe(id, g)) } };
    }
    const one = /^\/v2\/glossaries\/([^/]+)$/.exec(req.path);
    if (one) {
      const id = one[1]!;
      const glossary = glossaries.get(id);
      if (!glossary) return { status: 404, body: { message: 'Glossary not found' } };
      if (req.method === 'DELETE') {
        glossaries.delete(id);
        return { status: 204 };
      }
      return { body: describe(id, glossary) };
    }
    return undefined;
  };

  const server = await startFakeServer(handler, '/v2/translate');
  return Object.defineProperties(server, {
    glossaries: { value: glossaries },
    billed: { get: () => state.billed },
  }) as DeepLServer;
}

function describe(id: string, g: { name: string; entries: string; sourceLang: string; targetLang: string }) {
  return {
    glossary_id: id,
    name: g.name,
    ready: true,
    source_lang: g.sourceLang,
    target_lang: g.targetLang,
    creation_time: '2026-01-01T00:00:00.000Z',
    entry_count: g.entries.split('\n').filter(Boolean).length,
  };
}
