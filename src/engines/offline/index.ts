import { type Morphology, loadMorphology } from '../../morphology/morph.js';
import type { Engine, EngineResult, EngineSegment, TranslateOptions } from '../engine.js';
import { analyse } from './analyse.js';
import { stem } from './articles.js';
import { generate } from './generate.js';
import { type Lexicon, loadLexicon } from './lexicon.js';

interface Resources {
  morph: Morphology;
  lexicon: Lexicon;
}

let resources: Promise<Resources> | undefined;

function load(): Promise<Resources> {
  resources ??= Promise.all([loadMorphology(), loadLexicon()])
    .then(([morph, lexicon]) => ({ morph, lexicon }))
    .catch((err: unknown) => {
      resources = undefined;
      throw err;
    });
  return resources;
}

/** Translates one segment: glossary spans verbatim, names transliterated, the rest word by word from the lexicon. */
export function translateSegment(segment: EngineSegment, { morph, lexicon }: Resources): EngineResult {
  const { items, unknownWords } = analyse(segment.text, segment.terms, morph, lexicon);
  const text = generate(items, earlierStems(segment));
  return unknownWords.length > 0 ? { text, unknownWords } : { text };
}

const noStems: ReadonlySet<string> = new Set();

/** Words of the paragraph before this segment, for "the" on a noun's second mention. */
function earlierStems(segment: EngineSegment): ReadonlySet<string> {
  const at = segment.context ? segment.context.indexOf(segment.text) : -1;
  if (!segment.context || at <= 0) return noStems;
  return new Set(segment.context.slice(0, at).match(/\p{L}{4,}/gu)?.map(stem) ?? []);
}

/** Translates a batch in this thread: what the worker pool runs, and what tests and the CLI's quality tools call. */
export async function translateOfflineBatch(batch: readonly EngineSegment[], signal?: AbortSignal): Promise<EngineResult[]> {
  signal?.throwIfAborted();
  const loaded = await load();
  return batch.map((segment) => {
    signal?.throwIfAborted();
    return translateSegment(segment, loaded);
  });
}

/** Where the rules run: in this thread, or on the server's worker pool so a long document never holds the event loop. */
export type OfflineRunner = (batch: readonly EngineSegment[], signal?: AbortSignal) => Promise<EngineResult[]>;

/** Rule-based Russian → English drafts that never leave the machine. */
export function createOfflineEngine(run: OfflineRunner = translateOfflineBatch) {
  return {
    id: 'offline',
    label: 'Offline (rule-based)',
    sendsDataToThirdParty: false,
    maxBatch: 500,
    async warmUp() {
      // An empty batch loads the dictionaries wherever the rules run.
      await run([]);
    },
    translate(batch: readonly EngineSegment[], options?: TranslateOptions): Promise<EngineResult[]> {
      return run(batch, options?.signal);
    },
  } satisfies Engine;
}

/** The offline engine running in this thread. */
export const offlineEngine = createOfflineEngine();
