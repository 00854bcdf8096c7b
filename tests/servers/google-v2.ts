import { type FakeServer, type Handler, fakeTranslate, startFakeServer } from './fake-server.js';

/**
 * A stand-in for Google Translation v2 as the `Translate` client sends it with an API key:
 * POST /language/translate/v2?key=… with `{q, format, source, target}`, and GET …/languages.
 * It refuses more than 128 texts and a missing `format`, and escapes apostrophes in HTML mode.
 */
export const GOOGLE_TEST_KEY = 'test-api-key';
const MAX_TEXTS = 128;
const PATH = '/language/translate/v2';

export async function startGoogleV2Server(): Promise<FakeServer> {
  const handler: Handler = (req, failure) => {
    if (req.query.get('key') !== GOOGLE_TEST_KEY) {
      return {
        status: 400,
        body: { error: { code: 400, message: 'API key not valid. Please pass a valid API key.', errors: [{ message: 'API key not valid. Please pass a valid API key.', domain: 'global', reason: 'badRequest' }], status: 'INVALID_ARGUMENT' } },
      };
    }
    if (req.method === 'POST' && req.path === PATH) {
      const body = JSON.parse(req.body) as { q?: string[]; format?: string; source?: string; target?: string };
      const q = body.q ?? [];
      const invalid = (message: string) => ({ status: 400, body: { error: { code: 400, message, errors: [{ reason: 'invalid' }] } } });
      if (q.length === 0 || q.length > MAX_TEXTS) return invalid(`Too many text segments: ${q.length}`);
      if (body.format !== 'html' && body.format !== 'text') return invalid('format must be given');
      if (body.source !== 'ru' || body.target !== 'en') return invalid('Bad language pair');
      const shown = failure?.kind === 'wrong_count' ? q.slice(1) : q;
      const dropMarkup = failure?.kind === 'drop_markup' ? /<span\b[^>]*translate="no"[^>]*>[\s\S]*?<\/span>/g : undefined;
      const translations = shown.map((text) => {
        const out = fakeTranslate(text, { dropMarkup });
        return { translatedText: body.format === 'html' ? out.replace(/'/g, '&#39;') : out, detectedSourceLanguage: 'ru' };
      });
      return { body: { data: { translations } } };
    }
    if (req.method === 'GET' && req.path === `${PATH}/languages`) {
      return { body: { data: { languages: [{ language: 'en', name: 'English' }, { language: 'ru', name: 'Russian' }] } } };
    }
    return undefined;
  };
  return startFakeServer(handler, PATH);
}
