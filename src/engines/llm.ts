import type { Config } from '../config.js';
import { codePoints, mapBatches, splitBatches } from './batching.js';
import { type Engine, EngineError, type EngineFailure, type EngineResult, type EngineSegment, type EngineStatus } from './engine.js';
import { findMissingTerms } from './protect.js';
import { type CallPolicy, callProvider, parseRetryAfter, policyFromConfig } from './retry.js';

const ID = 'llm';

const messages = {
  system: (n: number) =>
    [
      'You translate Russian news into English for a newsroom.',
      'The user sends a JSON object: "segments" is a list of Russian sentences to translate, in order; "context" holds the paragraphs they come from, for reference only (do not translate it); "glossary" lists Russian terms as they appear in the segments, each with its official English.',
      'Translate every segment into accurate, idiomatic English in news style. Render each glossary term exactly as its official English. Keep names, numbers, dates and quotations faithful.',
      `Reply with a JSON array of exactly ${n} strings: the translations, in the order of the segments. Nothing else: no commentary, no numbering, no keys.`,
    ].join('\n'),
  refusedKey: 'the model server refused the request: check LLM_API_KEY',
  notFound: (detail: string) => `the model server does not know this model or endpoint (check LLM_BASE_URL and LLM_MODEL): ${detail}`,
  quota: (detail: string) => `the model provider's quota is used up: ${detail}`,
  rateLimited: (detail: string) => `the model server is rate-limiting requests: ${detail}`,
  unavailable: (detail: string) => `the model server did not answer usably: ${detail}`,
  refused: (detail: string) => `the model server refused the request: ${detail}`,
  notJson: 'the model server sent a reply that is not JSON',
  noContent: 'the model server sent no message content',
  cutOff: 'the model stopped before finishing (its output limit): fewer segments per request may help',
  notArray: (n: number, got: string) => `the model did not answer with a JSON array of ${n} translations, nothing else: ${got}`,
  wrongCount: (n: number, got: number) => `the model returned ${got} translations for ${n} segments`,
  notText: (i: number) => `translation ${i + 1} from the model is not a non-empty string`,
  modelListed: (model: string) => `${model} is served`,
  modelMissing: (model: string, n: number) => `${model} is not among the ${n} models the server lists`,
};

/** Bump when the prompt changes, so cached drafts from the old prompt are not reused. */
const PROMPT_REVISION = 1;
/** Small requests: local models have short context windows and lose count in long lists. */
const MAX_SEGMENTS = 20;
const MAX_CODE_POINTS = 6_000;

export interface LlmEngineOptions {
  /** The server's base URL, without /v1. */
  baseUrl: string;
  model: string;
  apiKey?: string;
  policy: CallPolicy;
}

interface ChatCompletion {
  choices?: Array<{ message?: { content?: unknown }; finish_reason?: string }>;
}

/** Any OpenAI-compatible chat-completions server (llama.cpp, vLLM, Ollama, LM Studio), prompted with the glossary and the paragraphs, its answer validated. */
export function createLlmEngine(options: LlmEngineOptions): Engine & { status(): Promise<EngineStatus> } {
  const base = options.baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
  };

  async function request(path: string, init: RequestInit, signal: AbortSignal): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, { ...init, headers, signal });
    } catch (err) {
      if (signal.aborted) throw err;
      throw new EngineError(ID, 'unavailable', messages.unavailable(causeOf(err)));
    }
    const text = await response.text();
    if (!response.ok) throw httpError(response, text);
    try {
      return JSON.parse(text);
    } catch {
      throw new EngineError(ID, 'bad_response', messages.notJson);
    }
  }

  async function translateBatch(batch: EngineSegment[], signal?: AbortSignal): Promise<EngineResult[]> {
    const body = JSON.stringify({
      model: options.model,
      temperature: 0,
      stream: false,
      messages: [
        { role: 'system', content: messages.system(batch.length) },
        { role: 'user', content: JSON.stringify(promptFor(batch)) },
      ],
    });
    const reply = await callProvider(ID, options.policy, signal, (s) => request('/v1/chat/completions', { method: 'POST', body }, s), (e) => e);
    const translations = parseTranslations(reply as ChatCompletion, batch.length);
    return translations.map((text, i) => {
      const missingTerms = findMissingTerms(text, batch[i]!.terms);
      return missingTerms.length > 0 ? { text, missingTerms } : { text };
    });
  }

  return {
    id: ID,
    label: `Self-hosted model (${options.model})`,
    // A self-hosted server is the newsroom's own; the README says so, and that a hosted base URL is not.
    sendsDataToThirdParty: false,
    maxBatch: MAX_SEGMENTS,
    /** What changes the output besides the text: part of the MT cache key (a new prompt is a new revision). */
    options: { model: options.model, prompt: PROMPT_REVISION },
    async translate(batch, translateOptions) {
      if (batch.length === 0) return [];
      const batches = splitBatches(batch, { maxItems: MAX_SEGMENTS, maxSize: MAX_CODE_POINTS, size: (s) => codePoints(s.text) });
      return mapBatches(batches, (b) => translateBatch(b, translateOptions?.signal));
    },
    async status() {
      try {
        const list = (await callProvider(ID, { ...options.policy, retries: 0 }, undefined, (s) => request('/v1/models', { method: 'GET' }, s), (e) => e)) as {
          data?: Array<{ id?: string }>;
        };
        const ids = (list.data ?? []).map((m) => m.id);
        return { reachable: true, detail: ids.includes(options.model) ? messages.modelListed(options.model) : messages.modelMissing(options.model, ids.length) };
      } catch (err) {
        return { reachable: false, detail: err instanceof Error ? err.message : String(err) };
      }
    },
  } satisfies Engine;
}

/** The llm engine when LLM_BASE_URL is set (config.ts makes LLM_MODEL required with it). */
export function fromConfig(config: Config): Engine | null {
  if (!config.LLM_BASE_URL || !config.LLM_MODEL) return null;
  return createLlmEngine({ baseUrl: config.LLM_BASE_URL, model: config.LLM_MODEL, apiKey: config.LLM_API_KEY, policy: policyFromConfig(config) });
}

/** What the model sees: the segments, their paragraphs once each, and the glossary terms as they appear in the text. */
function promptFor(batch: readonly EngineSegment[]) {
  const context = [...new Set(batch.map((s) => s.context).filter((c): c is string => Boolean(c)))];
  const seen = new Set<string>();
  const glossary: Array<{ ru: string; en: string }> = [];
  for (const s of batch) {
    for (const t of s.terms) {
      const ru = s.text.slice(t.start, t.end);
      if (seen.has(`${ru}\t${t.target}`)) continue;
      seen.add(`${ru}\t${t.target}`);
      glossary.push({ ru, en: t.target });
    }
  }
  return { segments: batch.map((s) => s.text), context, glossary };
}

/**
 * The model's answer, accepted only when it is a JSON array of exactly `n` non-empty strings and
 * nothing else. A bare Markdown code fence around the array is tolerated: it is formatting, not words.
 */
export function parseTranslations(reply: ChatCompletion, n: number): string[] {
  const choice = reply.choices?.[0];
  const content = choice?.message?.content;
  if (typeof content !== 'string') throw new EngineError(ID, 'bad_response', messages.noContent);
  if (choice?.finish_reason === 'length') throw new EngineError(ID, 'bad_response', messages.cutOff);
  const unfenced = content.trim().replace(/^```(?:json)?\s*\n([\s\S]*?)\n?```$/, '$1').trim();
  let parsed: unknown;
  try {
    parsed = JSON.parse(unfenced);
  } catch {
    throw new EngineError(ID, 'bad_response', messages.notArray(n, excerpt(content)));
  }
  if (!Array.isArray(parsed)) throw new EngineError(ID, 'bad_response', messages.notArray(n, excerpt(content)));
  if (parsed.length !== n) throw new EngineError(ID, 'bad_response', messages.wrongCount(n, parsed.length));
  return parsed.map((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') throw new EngineError(ID, 'bad_response', messages.notText(i));
    return item.trim();
  });
}

function httpError(response: Response, text: string): EngineError {
  const detail = errorDetail(text) || `${response.status} ${response.statusText}`;
  const make = (failure: EngineFailure, message: string, retryAfterMs?: number) => new EngineError(ID, failure, message, retryAfterMs);
  const status = response.status;
  // OpenAI-style hosted servers say "insufficient_quota" with a 429: retrying cannot help.
  if (status === 402 || /insufficient_quota/.test(text)) return make('quota_exceeded', messages.quota(detail));
  if (status === 429) return make('rate_limited', messages.rateLimited(detail), parseRetryAfter(response.headers.get('retry-after')));
  if (status === 401 || status === 403) return make('not_configured', messages.refusedKey);
  if (status === 404) return make('not_configured', messages.notFound(detail));
  if (status === 408 || status >= 500) return make('unavailable', messages.unavailable(detail));
  return make('bad_response', messages.refused(detail));
}

function errorDetail(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: string } | string; message?: string };
    const message = typeof body.error === 'string' ? body.error : (body.error?.message ?? body.message);
    if (message) return message;
  } catch {
    // Not JSON: use the text itself.
  }
  return text.slice(0, 200).trim();
}

function causeOf(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}
