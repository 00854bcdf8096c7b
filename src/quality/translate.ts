import { splitSentences } from '../documents/segmentation.js';
import { splitDateline } from '../documents/structure.js';
import type { Engine, EngineSegment } from '../engines/engine.js';
import type { Glossary } from '../glossary/glossary.js';

/** The segments of each paragraph as the app would send them: dateline apart, one per sentence, glossary terms matched. */
export function prepareSegments(glossary: Glossary, paragraphs: readonly string[]): EngineSegment[][] {
  return paragraphs.map((paragraph) => {
    const dateline = splitDateline(paragraph);
    const sentences = dateline ? [dateline.dateline, ...splitSentences(dateline.rest)] : splitSentences(paragraph);
    return sentences.map((text) => ({
      text,
      context: paragraph,
      terms: glossary.match(text).map((m) => ({ start: m.start, end: m.end, target: m.target, entryId: m.entryId })),
    }));
  });
}

/** Translates prepared paragraphs in batches of the engine's maxBatch; each paragraph's sentences joined by a space. */
export async function translatePrepared(engine: Engine, paragraphs: readonly EngineSegment[][]): Promise<string[]> {
  const flat = paragraphs.flat();
  const out: string[] = [];
  for (let i = 0; i < flat.length; i += engine.maxBatch) {
    const results = await engine.translate(flat.slice(i, i + engine.maxBatch));
    out.push(...results.map((r) => r.text));
  }
  let next = 0;
  return paragraphs.map((segments) => out.slice(next, (next += segments.length)).join(' '));
}

/** Russian paragraphs → English drafts, the way a document's segments are translated. */
export function translateParagraphs(engine: Engine, glossary: Glossary, paragraphs: readonly string[]): Promise<string[]> {
  return translatePrepared(engine, prepareSegments(glossary, paragraphs));
}

/** Words as throughput counts them: runs of letters or digits, hyphenated compounds as one. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
