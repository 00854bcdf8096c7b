import type { TranslationServiceClient } from '@google-cloud/translate';
import type { PassThroughClient } from 'google-auth-library';
import type { Config } from '../config.js';
import { codePoints, mapBatches, splitBatches } from './batching.js';
import { type Engine, EngineError, type EngineResult, type EngineSegment, type EngineStatus } from './engine.js';
import { mapGoogleError } from './google-errors.js';
import { type ProtectedText, protectTerms } from './protect.js';
import { type CallPolicy, callProvider, policyFromConfig } from './retry.js';

const ID = 'google';
const PROVIDER = 'Google Cloud Translation';

const messages = {
  count: (got: number, sent: number) => `${PROVIDER} sent an unusable reply: ${got} translations for ${sent} texts`,
  languages: (n: number) => `${n} languages supported`,
};

/** Google's limits per v3 translateText request: 1,024 texts, 30,000 code points in all. */
const MAX_TEXTS = 1024;
const MAX_CODE_POINTS = 30_000;

/** Where and how the client connects: Google by default; a proxy or test server through these. */
export interface GoogleConnection {
  keyFilename?: string;
  apiEndpoint?: string;
  port?: number;
  protocol?: 'http' | 'https';
  /** PassThroughClient for servers that need no Google token (tests, a proxy that signs requests itself). */
  authClient?: PassThroughClient;
  /** Build a PassThroughClient on first use (from the settings: the library loads only when needed). */
  passThrough?: boolean;
}

export interface GoogleEngineOptions {
  projectId: string;
  location: string;
  /** A v3 glossary id or full name; applied with glossaryConfig when set. */
  glossaryId?: string;
  connection: GoogleConnection;
  policy: CallPolicy;
}

interface Prepared {
  segment: EngineSegment;
  protected: ProtectedText;
}

/** Cloud Translation v3 over REST, HTML mode with `translate="no"` spans for glossary terms, and the Google glossary when configured. */
export function createGoogleEngine(options: GoogleEngineOptions): Engine & { status(): Promise<EngineStatus> } {
  const { keyFilename, apiEndpoint, port, protocol, passThrough } = options.connection;
  let created: Promise<TranslationServiceClient> | undefined;
  // The Google libraries load on first use: start-up and the CLI stay fast when Google is not configured.
  const client = () =>
    (created ??= (async () => {
      const { TranslationServiceClient } = await import('@google-cloud/translate');
      const authClient = options.connection.authClient ?? (passThrough ? new (await import('google-auth-library')).PassThroughClient() : undefined);
      // REST, not gRPC: one transport that proxies and the tests' server speak too. TranslateText is
      // non-idempotent in gax's config, so the client itself never retries it.
      return new TranslationServiceClient({
        fallback: 'rest',
        ...(keyFilename ? { keyFilename } : {}),
        ...(apiEndpoint ? { apiEndpoint } : {}),
        ...(port ? { port } : {}),
        ...(protocol ? { protocol } : {}),
        ...(authClient ? { authClient } : {}),
      });
    })());
  const parent = `projects/${options.projectId}/locations/${options.location}`;
  const glossary = options.glossaryId
    ? options.glossaryId.startsWith('projects/')
      ? options.glossaryId
      : `${parent}/glossaries/${options.glossaryId}`
    : undefined;
  const mapError = (err: unknown) => mapGoogleError(ID, PROVIDER, err);

  async function translateBatch(items: Prepared[], signal?: AbortSignal): Promise<EngineResult[]> {
    const [response] = await callProvider(
      ID,
      options.policy,
      signal,
      async () =>
        (await client()).translateText({
          parent,
          contents: items.map((item) => item.protected.text),
          mimeType: 'text/html',
          sourceLanguageCode: 'ru',
          targetLanguageCode: 'en',
          ...(glossary ? { glossaryConfig: { glossary, ignoreCase: true } } : {}),
        }),
      mapError,
    );
    // With a glossary Google returns both; the glossary's version is the one wanted.
    const glossed = response.glossaryTranslations ?? [];
    const translations = glossary && glossed.length > 0 ? glossed : (response.translations ?? []);
    if (translations.length !== items.length) throw new EngineError(ID, 'bad_response', messages.count(translations.length, items.length));
    return translations.map((t, i) => {
      const { text, missingTerms } = items[i]!.protected.restore(t.translatedText ?? '');
      return missingTerms.length > 0 ? { text, missingTerms } : { text };
    });
  }

  return {
    id: ID,
    label: 'Google Cloud Translation (v3)',
    sendsDataToThirdParty: true,
    maxBatch: MAX_TEXTS,
    /** What changes the output besides the text: part of the MT cache key. */
    options: { location: options.location, glossary: glossary ?? null },
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
        const [languages] = await callProvider(ID, { ...options.policy, retries: 0 }, undefined, async () => (await client()).getSupportedLanguages({ parent }), mapError);
        return { reachable: true, detail: messages.languages(languages.languages?.length ?? 0) };
      } catch (err) {
        return { reachable: false, detail: err instanceof Error ? err.message : String(err) };
      }
    },
  } satisfies Engine;
}

/** The google engine when GOOGLE_PROJECT_ID is set; GOOGLE_API_ENDPOINT points it at a proxy. */
export function fromConfig(config: Config): Engine | null {
  if (!config.GOOGLE_PROJECT_ID) return null;
  return createGoogleEngine({
    projectId: config.GOOGLE_PROJECT_ID,
    location: config.GOOGLE_LOCATION,
    glossaryId: config.GOOGLE_GLOSSARY_ID,
    connection: connectionFromConfig(config),
    policy: policyFromConfig(config),
  });
}

function connectionFromConfig(config: Config): GoogleConnection {
  const keyFilename = config.GOOGLE_APPLICATION_CREDENTIALS;
  if (!config.GOOGLE_API_ENDPOINT) return keyFilename ? { keyFilename } : {};
  const url = new URL(config.GOOGLE_API_ENDPOINT);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return {
    apiEndpoint: url.hostname,
    // The client uses 443 unless the port is given on its own.
    port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443,
    protocol,
    // A proxy without a key file signs requests itself.
    ...(keyFilename ? { keyFilename } : { passThrough: true }),
  };
}
