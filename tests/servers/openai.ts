import { type FakeServer, type Handler, fakeTranslate, startFakeServer } from './fake-server.js';

/**
 * A stand-in for an OpenAI-compatible model server (llama.cpp, vLLM, Ollama): POST
 * /v1/chat/completions and GET /v1/models. Its "model" reads the engine's prompt the way a
 * well-behaved model would: it translates each segment as `EN(<text>)` with every glossary term
 * replaced by its official English, and answers with a JSON array of the translations.
 */
export interface OpenAiServer extends FakeServer {
  model: string;
}

export async function startOpenAiServer(options: { model?: string; apiKey?: string } = {}): Promise<OpenAiServer> {
  const model = options.model ?? 'tandem-test-model';

  const handler: Handler = (req, failure) => {
    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return { status: 401, body: { error: { message: 'Invalid API key', type: 'invalid_request_error', code: 'invalid_api_key' } } };
    }
    if (req.method === 'GET' && req.path === '/v1/models') {
      return { body: { object: 'list', data: [{ id: model, object: 'model', owned_by: 'tandem-tests' }] } };
    }
    if (req.method === 'POST' && req.path === '/v1/chat/completions') {
      const body = JSON.parse(req.body) as { model?: string; messages?: Array<{ role: string; content: string }> };
      if (body.model !== model) return { status: 404, body: { error: { message: `model '${body.model}' not found`, type: 'invalid_request_error' } } };
      const prompt = JSON.parse(body.messages?.at(-1)?.content ?? '{}') as { segments?: string[]; glossary?: Array<{ ru: string; en: string }> };
      const glossary = failure?.kind === 'drop_markup' ? [] : (prompt.glossary ?? []);
      const segments = failure?.kind === 'wrong_count' ? (prompt.segments ?? []).slice(1) : (prompt.segments ?? []);
      const translations = segments.map((text) => fakeTranslate(glossary.reduce((t, term) => t.split(term.ru).join(term.en), text)));
      const answer = JSON.stringify(translations);
      const content = failure?.kind === 'commentary' ? `Sure! Here are the translations:\n${answer}\nLet me know if you need more.` : answer;
      return {
        body: {
          id: `chatcmpl-${Date.now()}`,
          object: 'chat.completion',
          model,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: req.body.length, completion_tokens: content.length, total_tokens: req.body.length + content.length },
        },
      };
    }
    return undefined;
  };

  const server = await startFakeServer(handler, '/v1/chat/completions');
  return Object.assign(server, { model });
}
