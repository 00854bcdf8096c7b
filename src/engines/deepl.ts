import type * as DeepL from 'deepl-node';
import type { Config } from '../config.js';
import { formFieldBytes, mapBatches, splitBatches } from './batching.js';
import { type Engine, EngineError, type EngineResult, type EngineSegment, type EngineStatus, type TranslateOptions } from './engine.js';
import { type ProtectedText, protectTerms } from './protect.js';
import { type CallPolicy, callProvider, policyFromConfig } from './retry.js';

const ID = 'deepl';

const messages = {
  quota: 'DeepL character quota used up for this billing period',
  rateLimited: 'DeepL is rate-limiting requests (429)',
  badKey: 'DeepL refused the key: check DEEPL_AUTH_KEY',
  unavailable: (detail: string) => `DeepL did not answer usably: ${detail}`,
  badResponse: (detail: string) => `DeepL sent an unusable reply: ${detail}`,
  count: (got: number, sent: number) => `${got} translations for ${sent} texts`,
  glossaryRefused: (detail: string) => `DeepL refused Tandem's glossary, translating without it: ${detail}`,
  usage: (count: number, limit: number) => `${count.toLocaleString('en')} of ${limit.toLocaleString('en')} characters used this period`,
};

/** DeepL's limits per /v2/translate request: 50 texts, a 128 KiB body (kept 2 KiB for the other fields). */
const MAX_TEXTS = 50;
const MAX_BODY_BYTES = 128 * 1024 - 2 * 1024;
/** DeepL limits each glossary entry to 1,024 bytes (UTF-8). */
const MAX_ENTRY_BYTES = 1024;
/** Tandem's glossaries on the account carry this name prefix and the revision. */
const GLOSSARY_PREFIX = 'tandem ru-en r';

export interface DeepLEngineOptions {
  authKey: string;
  /** A proxy, DeepL's mock server or a test server; unset lets the client pick DeepL's from the key. */
  serverUrl?: string;
  /** EN-US or EN-GB. */
  spelling: 'american' | 'british';
  policy: CallPolicy;
  /** Extra headers on every request (the mock server's session headers in tests). */
  headers?: Record<string, string>;
}

/** deepl-node is loaded on first use: start-up and the CLI stay fast when DeepL is not configured. */
let vendor: typeof DeepL | undefined;
async function loadVendor(): Promise<typeof DeepL> {
  vendor ??= await import('deepl-node');
  return vendor;
}

interface Prepared {
  segment: EngineSegment;
  protected: ProtectedText;
}

interface GlossaryState {
  revision: number;
  id: string | undefined;
  detail?: string;
}

/** DeepL through deepl-node: term protection as ignored XML tags, a provider glossary kept in step, paragraph context. */
export function createDeepLEngine(options: DeepLEngineOptions): Engine & { status(): Promise<EngineStatus> } {
  let client: DeepL.Translator | undefined;
  const translator = async () => {
    const { Translator } = await loadVendor();
    // maxRetries 1 means one attempt: withRetries is the one retry policy.
    client ??= new Translator(options.authKey, {
      serverUrl: options.serverUrl,
      maxRetries: 1,
      minTimeout: options.policy.timeoutMs,
      headers: options.headers,
      sendPlatformInfo: false,
      appInfo: { appName: 'tandem', appVersion: '0.1.0' },
    });
    return client;
  };
  const targetLang = options.spelling === 'british' ? 'en-GB' : 'en-US';
  let glossary: GlossaryState | undefined;
  let syncing: Promise<GlossaryState> | undefined;

  const call = <T>(signal: AbortSignal | undefined, fn: () => Promise<T>) => callProvider(ID, options.policy, signal, fn, mapDeepLError);

  async function glossaryId(wanted: TranslateOptions['glossary'], signal?: AbortSignal): Promise<string | undefined> {
    if (!wanted) return undefined;
    if (glossary?.revision === wanted.revision) return glossary.id;
    syncing ??= syncGlossary(wanted, signal).finally(() => {
      syncing = undefined;
    });
    glossary = await syncing;
    return glossary.id;
  }

  /** v2 glossaries cannot be edited: reuse the one for this revision, else create it, and delete Tandem's older ones. */
  async function syncGlossary(wanted: NonNullable<TranslateOptions['glossary']>, signal?: AbortSignal): Promise<GlossaryState> {
    const name = `${GLOSSARY_PREFIX}${wanted.revision}`;
    const deepl = await loadVendor();
    const entries = glossaryEntries(deepl, wanted.entries);
    const existing = await call(signal, async () => (await translator()).listGlossaries());
    const ours = existing.filter((g) => g.name.startsWith(GLOSSARY_PREFIX));
    let current: DeepL.GlossaryInfo | undefined = ours.find((g) => g.name === name && g.ready && g.sourceLang.toLowerCase() === 'ru');
    for (const old of ours.filter((g) => g !== current)) {
      await call(signal, async () => (await translator()).deleteGlossary(old.glossaryId).catch(ignoreNotFound));
    }
    if (!current && entries) {
      try {
        current = await call(signal, async () => (await translator()).createGlossary(name, 'ru', 'en', entries));
      } catch (err) {
        // A refused glossary (bad entries, the Free plan's single glossary taken) must not stop
        // translation: term protection still puts every term in its official form.
        if (err instanceof EngineError && err.failure === 'bad_response') {
          return { revision: wanted.revision, id: undefined, detail: messages.glossaryRefused(err.message) };
        }
        throw err;
      }
    }
    return { revision: wanted.revision, id: current?.glossaryId };
  }

  async function translateBatch(items: Prepared[], translateOptions?: TranslateOptions, resynced = false): Promise<EngineResult[]> {
    const signal = translateOptions?.signal;
    const context = paragraphContext(items.map((item) => item.segment));
    // The glossary is synced outside the request's timeout and retries: its own calls have theirs.
    const id = await glossaryId(translateOptions?.glossary, signal);
    const { DeepLError, GlossaryNotFoundError } = await loadVendor();
    try {
      return await call(signal, async () => {
        const results = await (await translator()).translateText(items.map((item) => item.protected.text), 'ru', targetLang, {
          tagHandling: 'xml',
          ignoreTags: ['x'],
          ...(context ? { context } : {}),
          ...(id ? { glossary: id } : {}),
        });
        if (results.length !== items.length) throw new EngineError(ID, 'bad_response', messages.badResponse(messages.count(results.length, items.length)));
        return results.map((result, i) => {
          const { text, missingTerms } = items[i]!.protected.restore(result.text);
          return missingTerms.length > 0 ? { text, missingTerms } : { text };
        });
      });
    } catch (err) {
      // Deleted behind our back (translateText reports it as a plain 404 "Not found"): create it again, once.
      const gone = err instanceof EngineError && err.cause !== undefined && (err.cause instanceof GlossaryNotFoundError || (err.cause instanceof DeepLError && err.cause.message.startsWith('Not found')));
      if (id && gone && !resynced) {
        glossary = undefined;
        return translateBatch(items, translateOptions, true);
      }
      throw err;
    }
  }

  return {
    id: ID,
    label: 'DeepL',
    sendsDataToThirdParty: true,
    maxBatch: MAX_TEXTS,
    /** What changes the output besides the text and glossary revision: part of the MT cache key. */
    options: { targetLang },
    async translate(batch, translateOptions) {
      if (batch.length === 0) return [];
      // Loading the client is not the provider's time: do it before any request timeout starts.
      await translator();
      const items = batch.map((segment) => ({ segment, protected: protectTerms(segment, 'xml') }));
      const batches = splitBatches(items, { maxItems: MAX_TEXTS, maxSize: MAX_BODY_BYTES, size: requestBytes });
      return mapBatches(batches, (b) => translateBatch(b, translateOptions));
    },
    async status() {
      try {
        await translator();
        // One attempt: the engines page wants an answer now, not after the backoff.
        const usage = await callProvider(ID, { ...options.policy, retries: 0 }, undefined, async () => (await translator()).getUsage(), mapDeepLError);
        const chars = usage.character;
        if (!chars) return { reachable: true, ...(glossary?.detail ? { detail: glossary.detail } : {}) };
        return {
          reachable: true,
          quotaLeft: Math.max(0, chars.limit - chars.count),
          detail: [messages.usage(chars.count, chars.limit), glossary?.detail].filter(Boolean).join('; '),
        };
      } catch (err) {
        return { reachable: false, detail: err instanceof Error ? err.message : String(err) };
      }
    },
  } satisfies Engine;
}

/** The deepl engine when DEEPL_AUTH_KEY is set. */
export function fromConfig(config: Config): Engine | null {
  if (!config.DEEPL_AUTH_KEY) return null;
  return createDeepLEngine({
    authKey: config.DEEPL_AUTH_KEY,
    serverUrl: config.DEEPL_SERVER_URL,
    spelling: config.TANDEM_SPELLING === 'british' ? 'british' : 'american',
    policy: policyFromConfig(config),
  });
}

/** DeepL takes one `context` per request: the paragraphs the batch's segments come from, in order. */
function paragraphContext(batch: readonly EngineSegment[]): string | undefined {
  const paragraphs = [...new Set(batch.map((s) => s.context).filter((c): c is string => Boolean(c)))];
  return paragraphs.length > 0 ? paragraphs.join('\n') : undefined;
}

/** What a segment adds to the form body: its `text` field, plus its paragraph when the request does not carry it yet. */
function requestBytes(item: Prepared, current: readonly Prepared[]): number {
  const context = item.segment.context;
  const newContext = context && !current.some((other) => other.segment.context === context);
  return formFieldBytes('text', item.protected.text) + (newContext ? formFieldBytes('context', `${context}\n`) : 0);
}

/** The glossary as DeepL accepts it: one target per source, no empty or control-character terms, entries ≤ 1,024 bytes. */
function glossaryEntries(deepl: typeof DeepL, entries: ReadonlyArray<{ source: string; target: string }>): DeepL.GlossaryEntries | undefined {
  const out = new deepl.GlossaryEntries();
  let n = 0;
  for (const { source, target } of entries) {
    const s = source.trim();
    const t = target.trim();
    if (!s || !t || s in out.entries() || /[\u0000-\u001f\u0080-\u009f\u2028\u2029]/.test(s + t)) continue;
    if (Buffer.byteLength(`${s}\t${t}`) > MAX_ENTRY_BYTES) continue;
    out.add(s, t);
    n++;
  }
  return n > 0 ? out : undefined;
}

function ignoreNotFound(err: unknown): void {
  if (!(vendor && err instanceof vendor.GlossaryNotFoundError)) throw err;
}

/** deepl-node's errors as EngineErrors, the original kept as `cause`. deepl-node drops response headers, so a 429's Retry-After is not visible here. */
export function mapDeepLError(err: unknown): unknown {
  if (err instanceof EngineError || !(err instanceof Error) || !vendor) return err;
  const mapped = classify(vendor, err);
  if (mapped) mapped.cause = err;
  return mapped ?? err;
}

function classify(deepl: typeof DeepL, err: Error): EngineError | undefined {
  if (err instanceof deepl.QuotaExceededError) return new EngineError(ID, 'quota_exceeded', messages.quota);
  if (err instanceof deepl.TooManyRequestsError) return new EngineError(ID, 'rate_limited', messages.rateLimited);
  if (err instanceof deepl.AuthorizationError) return new EngineError(ID, 'not_configured', messages.badKey);
  if (err instanceof deepl.ConnectionError) return new EngineError(ID, 'unavailable', messages.unavailable(err.message));
  if (err instanceof deepl.DeepLError) {
    const status = Number(/status code: (\d{3})/.exec(err.message)?.[1] ?? (err.message.startsWith('Service unavailable') ? 503 : 0));
    if (status >= 500 || status === 408) return new EngineError(ID, 'unavailable', messages.unavailable(err.message));
    return new EngineError(ID, 'bad_response', messages.badResponse(err.message));
  }
  return undefined;
}
