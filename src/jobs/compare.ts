import type { AppContext } from '../context.js';
import { findDocument, findSegment } from '../documents/repository.js';
import type { Engine, EngineSegment } from '../engines/engine.js';
import { entriesById } from '../checks/check.js';
import { terminologyCheck } from '../checks/terminology.js';
import type { Glossary, TermMatch } from '../glossary/glossary.js';
import { writeCache } from './cache.js';
import { machineTranslate, mtSetting, type MtSetting } from './mt.js';
import { recordUsage } from './usage.js';

/** One engine's draft of one segment, with how it keeps the glossary. */
export interface ComparedDraft {
  engine: string;
  label: string;
  sendsDataToThirdParty: boolean;
  text: string;
  /** True when every glossary term is in its official English and no forbidden variant appears. */
  termsOk: boolean;
  /** Official English of terms the draft lacks. */
  missingTerms: string[];
  /** Forbidden variants the draft uses. */
  forbiddenTerms: string[];
  /** Whether this draft cost nothing because the cache had it. */
  cached: boolean;
  billedCharacters: number;
  /** Set when the engine failed; `text` is then empty. */
  error?: string;
}

/**
 * Runs every configured engine on one segment, side by side, through the cache and billed like any
 * machine translation. An engine that fails is reported in its row; the others still answer.
 */
export async function compareEngines(ctx: AppContext, documentId: number, segmentId: number): Promise<ComparedDraft[]> {
  await findDocument(ctx.db, documentId);
  const segment = await findSegment(ctx.db, documentId, segmentId);
  const glossary = await ctx.glossary();
  const setting = await mtSetting(ctx, glossary);
  const matches = glossary.match(segment.source);
  const input: EngineSegment = {
    text: segment.source,
    context: await paragraphOf(ctx, documentId, segment.paragraph),
    terms: matches.map((m) => ({ start: m.start, end: m.end, target: m.target, entryId: m.entryId })),
  };
  const engines = ctx.engines.list();
  return Promise.all(engines.map((engine) => draftWith(ctx, engine, input, setting, { documentId, glossary, matches })));
}

async function draftWith(
  ctx: AppContext,
  engine: Engine,
  input: EngineSegment,
  setting: MtSetting,
  about: { documentId: number; glossary: Glossary; matches: TermMatch[] },
): Promise<ComparedDraft> {
  const base = { engine: engine.id, label: engine.label, sendsDataToThirdParty: engine.sendsDataToThirdParty };
  try {
    await engine.warmUp?.();
    const mt = await machineTranslate(ctx, engine, [input], setting);
    await ctx.db.transaction().execute(async (trx) => {
      await writeCache(trx, mt.fresh);
      await recordUsage(trx, { jobId: null, documentId: about.documentId, engine: engine.id, characters: mt.billedCharacters, segments: mt.sent });
    });
    const text = mt.texts[0] ?? '';
    return { ...base, text, ...compliance(input.text, text, about.glossary, about.matches), cached: mt.cached[0] ?? false, billedCharacters: mt.billedCharacters };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    return { ...base, text: '', termsOk: false, missingTerms: [], forbiddenTerms: [], cached: false, billedCharacters: 0, error };
  }
}

/** Glossary compliance by the same rules as the QA terminology check. */
export function compliance(
  source: string,
  target: string,
  glossary: Glossary,
  matches: readonly TermMatch[],
): Pick<ComparedDraft, 'termsOk' | 'missingTerms' | 'forbiddenTerms'> {
  const issues = terminologyCheck.run({ source, target, matches, glossary: entriesById(glossary.entries) });
  const missingTerms = issues.filter((i) => i.code === 'term_missing').map((i) => String(i.details?.expected ?? ''));
  const forbiddenTerms = issues.filter((i) => i.code === 'term_forbidden').map((i) => String(i.details?.variant ?? ''));
  // An empty draft keeps no terms, although the check (which skips empty targets) finds nothing.
  const empty = target.trim() === '' && matches.length > 0;
  return {
    termsOk: !empty && missingTerms.length === 0 && forbiddenTerms.length === 0,
    missingTerms: empty ? [...new Set(matches.map((m) => m.target))] : missingTerms,
    forbiddenTerms,
  };
}

async function paragraphOf(ctx: AppContext, documentId: number, paragraph: number): Promise<string> {
  const rows = await ctx.db
    .selectFrom('segments')
    .select('source')
    .where('document_id', '=', documentId)
    .where('paragraph', '=', paragraph)
    .orderBy('idx')
    .execute();
  return rows.map((r) => r.source).join(' ');
}
