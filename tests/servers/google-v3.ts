import { codePoints } from '../../src/engines/batching.js';
import { type FakeServer, type Handler, fakeTranslate, startFakeServer } from './fake-server.js';

/**
 * A stand-in for Google Cloud Translation v3 over REST, as TranslationServiceClient speaks it with
 * `fallback: 'rest'`: POST /v3/projects/{p}/locations/{l}:translateText with a camelCase body, and
 * GET …/supportedLanguages. It refuses what Google refuses (over 1,024 texts or 30,000 code points,
 * no mimeType), answers camelCase as the client requires, and escapes apostrophes in HTML mode as
 * Google does.
 */
export interface GoogleV3Server extends FakeServer {
  project: string;
  location: string;
  /** The path translateText requests go to. */
  translatePath: string;
}

const MAX_TEXTS = 1024;
const MAX_CODE_POINTS = 30_000;

export async function startGoogleV3Server(project = 'tandem-test', location = 'global'): Promise<GoogleV3Server> {
  const base = `/v3/projects/${project}/locations/${location}`;
  const translatePath = `${base}:translateText`;

  const handler: Handler = (req, failure) => {
    if (req.method === 'POST' && req.path === translatePath) {
      const body = JSON.parse(req.body) as {
        contents?: string[];
        mimeType?: string;
        sourceLanguageCode?: string;
        targetLanguageCode?: string;
        glossaryConfig?: { glossary?: string; ignoreCase?: boolean };
      };
      const contents = body.contents ?? [];
      const invalid = (message: string) => ({ status: 400, body: { error: { code: 400, message, status: 'INVALID_ARGUMENT' } } });
      if (contents.length === 0 || contents.length > MAX_TEXTS) return invalid(`Number of contents: ${contents.length}`);
      const size = contents.reduce((n, c) => n + codePoints(c), 0);
      if (size > MAX_CODE_POINTS) return invalid(`Text too long: ${size} code points`);
      if (body.mimeType !== 'text/html' && body.mimeType !== 'text/plain') return invalid('mimeType must be given');
      if (body.targetLanguageCode !== 'en' || body.sourceLanguageCode !== 'ru') return invalid('Unsupported language pair');
      const html = body.mimeType === 'text/html';
      const shown = failure?.kind === 'wrong_count' ? contents.slice(1) : contents;
      const dropMarkup = failure?.kind === 'drop_markup' ? /<span\b[^>]*translate="no"[^>]*>[\s\S]*?<\/span>/g : undefined;
      const translate = (text: string, tag = 'EN') => {
        const out = fakeTranslate(text, { dropMarkup }).replace(/^EN/, tag);
        return html ? out.replace(/'/g, '&#39;') : out;
      };
      const translations = shown.map((text) => ({ translatedText: translate(text) }));
      if (!body.glossaryConfig?.glossary) return { body: { translations } };
      const glossaryTranslations = shown.map((text) => ({ translatedText: translate(text, 'EN-GLOSSARY'), glossaryConfig: body.glossaryConfig }));
      return { body: { translations, glossaryTranslations } };
    }
    if (req.method === 'GET' && req.path === `${base}/supportedLanguages`) {
      return { body: { languages: ['ru', 'en'].map((languageCode) => ({ languageCode, supportSource: true, supportTarget: true })) } };
    }
    return undefined;
  };

  const server = await startFakeServer(handler, translatePath);
  return Object.assign(server, { project, location, translatePath });
}
