import { AppError } from '../errors.js';

/** A glossary term found in a segment: the engine must render source[start, end) as `target`. */
export interface TermHit {
  start: number;
  end: number;
  target: string;
  entryId: string;
}

export interface EngineSegment {
  /** The Russian source of one segment. */
  text: string;
  /** The surrounding paragraph, for engines that can use context. */
  context?: string;
  /** Glossary terms matched in `text`, longest match first, non-overlapping. */
  terms: readonly TermHit[];
}

export interface EngineResult {
  text: string;
  /** Source words the engine could not translate and kept transliterated, for the reviewer. */
  unknownWords?: string[];
  /** Entry ids of glossary terms whose official English the engine's output lost, for the reviewer. */
  missingTerms?: string[];
}

/** What an engine reports about its provider: shown on the engines page. */
export interface EngineStatus {
  reachable: boolean;
  /** Characters left in the billing period, when the provider tells it. */
  quotaLeft?: number;
  /** One line for editors: what failed, or what the provider reported. */
  detail?: string;
}

export interface TranslateOptions {
  signal?: AbortSignal;
  /**
   * The whole glossary at a revision, for engines that keep a provider-side glossary in step
   * (DeepL). Term protection itself works from each segment's `terms`.
   */
  glossary?: { revision: number; entries: ReadonlyArray<{ source: string; target: string }> };
}

/** A machine-translation engine. One module per engine, registered in engines/registry.ts. */
export interface Engine {
  readonly id: string;
  readonly label: string;
  /** True when segments leave this machine (DeepL, Google): shown to editors before they choose it. */
  readonly sendsDataToThirdParty: boolean;
  /** Most segments one translate() call may receive. */
  readonly maxBatch: number;
  /** Settings that change the output besides the text and glossary (target variant, model, provider glossary): part of the MT cache key. */
  readonly options?: Readonly<Record<string, unknown>>;
  /** Loads dictionaries or checks the connection; called once before the first translate(). */
  warmUp?(): Promise<void>;
  /** Returns one result per input segment, in order. */
  translate(batch: readonly EngineSegment[], options?: TranslateOptions): Promise<EngineResult[]>;
  /** Asks the provider whether it answers and how much quota is left; never throws. */
  status?(): Promise<EngineStatus>;
}

export type EngineFailure = 'rate_limited' | 'quota_exceeded' | 'unsupported_language' | 'unavailable' | 'bad_response' | 'not_configured';

const failureStatus: Record<EngineFailure, number> = {
  rate_limited: 429,
  quota_exceeded: 402,
  unsupported_language: 422,
  unavailable: 503,
  bad_response: 502,
  not_configured: 400,
};

/** What an engine throws: each engine translates its vendor's errors into one of these kinds. */
export class EngineError extends AppError {
  constructor(
    readonly engine: string,
    readonly failure: EngineFailure,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(`${engine}: ${message}`, failureStatus[failure], `engine_${failure}`);
  }
}
