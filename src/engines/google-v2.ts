import type { v2 } from '@google-cloud/translate';
import type { Config } from '../config.js';
import { codePoints, mapBatches, splitBatches } from './batching.js';
import { type Engine, EngineError, type EngineResult, type EngineSegment, type EngineStatus } from './engine.js';
import { mapGoogleError } from './google-errors.js';
import { type ProtectedText, protectTerms } from './protect.js';
import { type CallPolicy, callProvider, policyFromConfig } from './retry.js';

const ID = 'google-v2';
const PROVIDER = 'Google Translate v2';

const messages = {
  count: (got: number, sent: number) => `${PROVIDER} sent an unusable reply: ${got} translations for ${sent} texts`,
  languages: (n: number) => `${n} languages supported`,
};

/** v2 takes at most 128 texts per request; the 30,000 code points of v3 keep the body well under its size limit. */
const MAX_TEXTS = 128;
const MAX_CODE_POINTS = 30_000;

export interface GoogleV2EngineOptions {
  apiKey: string;
  /** A proxy or test server standing in for https://translation.googleapis.com. */
  endpoint?: string;
  policy: CallPolicy;
}

interface Prepared {
  segment: EngineSegment;
  protected: ProtectedText;
}

/** Translation v2 with an API key: the simple option. HTML format with `translate="no"` spans for terms. */
export function createGoogleV2Engine(options: GoogleV2EngineOptions): Engine & { status(): Promise<EngineStatus> } {
  let created: Promise<v2.Translate> | undefined;
  // The Google library loads on first use: start-up and the CLI stay fast when Google is not configured.
  const client = () =>
    (created ??= import('@google-cloud/translate').then(({ v2: vendor }) => {
      // The client's own retries are off: withRetries is the one policy.
      const translate = new vendor.Translate({ key: options.apiKey, autoRetry: false });
      // The constructor only takes https endpoints; the base URL is where requests really go.
      if (options.endpoint) translate.baseUrl = `${options.endpoint.replace(/\/+$/, '')}/language/translate/v2`;
      return translate;
    }));
  const mapError = (err: unknown) => mapGoogleError(ID, PROVIDER, err);

  async function translateBatch(items: Prepared[], signal?: AbortSignal): Promise<EngineResult[]> {
    const [translations] = await callProvider(
      ID,
      options.policy,
      signal,
      // `format` always explicit: the client would otherwise guess it from the first text only.
      async () => (await client()).translate(items.map((item) => item.protected.text), { from: 'ru', to: 'en', format: 'html' }),
      mapError,
    );
    if (translations.length !== items.length) throw new EngineError(ID, 'bad_response', messages.count(translations.length, items.length));
    return translations.map((translated, i) => {
      const { text, missingTerms } = items[i]!.protected.restore(translated);
      return missingTerms.length > 0 ? { text, missingTerms } : { text };
    });
  }

  return {
    id: ID,
    label: 'Google Translate (v2, API key)',
    sendsDataToThirdParty: true,
    maxBatch: MAX_TEXTS,
    async translate(batch, translateOptions) {
      if (batch.length === 0) return [];
      // Loading the client is not the provider's time: do it before any request timeout starts.
      await client();
      const items = batch.map((segment) => ({ segment, protected: protectTerms(segment, 'html') }));
      const batches = splitBatches(items, { maxItems: MAX_TEXTS, maxSize: MAX_CODE_POINTS, size: (item) => codePoints(item.protected.text) });
      return mapBatches(batches, (b) => translateBatch(b, translateOptions?.signal));
    },
    async status() {
      try {
        await client();
        const [languages] = await callProvider(ID, { ...options.policy, retries: 0 }, undefined, async () => (await client()).getLanguages('en'), mapError);
        return { reachable: true, detail: messages.languages(languages.length) };
      } catch (err) {
        return { reachable: false, detail: err instanceof Error ? err.message : String(err) };
      }
    },
  } satisfies Engine;
}

/** The google-v2 engine when GOOGLE_API_KEY is set. */
export function fromConfig(config: Config): Engine | null {
  if (!config.GOOGLE_API_KEY) return null;
  return createGoogleV2Engine({ apiKey: config.GOOGLE_API_KEY, endpoint: config.GOOGLE_API_ENDPOINT, policy: policyFromConfig(config) });
}
