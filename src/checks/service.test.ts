import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entries } from '../../tests/fixtures/check-input.js';
import type { Principal } from '../auth/principal.js';
import { createUser } from '../auth/users.js';
import { openDatabase, type Db } from '../db/database.js';
import { insertDocument } from '../documents/repository.js';
import { AppError } from '../errors.js';
import type { Glossary, GlossaryEntry, TermMatch } from '../glossary/glossary.js';
import { assertNoOpenIssues, checkDocument, checkSegments, documentIssues, overrideIssue, recheckOpenDocuments, type CheckContext } from './service.js';

/** Matches each entry's Russian exactly as written: enough to drive the service without the morphology. */
function exactGlossary(list: GlossaryEntry[]): Glossary {
  return {
    entries: list,
    match(text) {
      return list.flatMap((e): TermMatch[] => {
        const start = text.indexOf(e.ru);
        return start < 0 ? [] : [{ start, end: start + e.ru.length, surface: e.ru, entryId: e.id, source: e.ru, target: e.en, ambiguous: false }];
      });
    },
  };
}

let db: Db;
let glossary: Glossary;
let ctx: CheckContext;
let editor: Principal;
const translator: Principal = { kind: 'user', userId: null, name: 'tina', role: 'translator' };

beforeEach(async () => {
  db = await openDatabase({ dataDir: '', DATABASE_URL: undefined }, ':memory:');
  glossary = exactGlossary([entries.gerasimov]);
  ctx = { db, glossary: async () => glossary };
  const user = await createUser(db, { username: 'erin', password: 'erin-password-1', role: 'editor' });
  editor = { kind: 'user', userId: user.id, name: 'erin', role: 'editor' };
});

afterEach(async () => {
  await db.destroy();
});

async function documentWith(targets: [source: string, target: string][]): Promise<{ id: number; segmentIds: number[] }> {
  const id = await insertDocument(db, { title: 'Test', format: 'text', paragraphs: [{ kind: 'body', segments: targets.map(([source]) => ({ kind: 'sentence', source })) }] }, { engine: 'offline', filename: null, createdBy: null });
  const segs = await db.selectFrom('segments').select('id').where('document_id', '=', id).orderBy('idx').execute();
  for (const [i, [, target]] of targets.entries()) await db.updateTable('segments').set({ target }).where('id', '=', segs[i]!.id).execute();
  return { id, segmentIds: segs.map((s) => s.id) };
}

const setTarget = (segmentId: number, target: string) => db.updateTable('segments').set({ target }).where('id', '=', segmentId).execute();
const codeOf = (e: unknown) => (e instanceof AppError ? `${e.status} ${e.code}` : String(e));

describe('the checks service', () => {
  it('when a segment lacks its term, then one blocking error is stored and listed in document order', async () => {
    const doc = await documentWith([['Совещание прошло.', 'The meeting took place.'], ['Валерий Герасимов прибыл.', 'The chief arrived.']]);
    const bySegment = await checkDocument(ctx, doc.id);
    expect(bySegment.get(doc.segmentIds[0]!)).toEqual([]);
    expect(bySegment.get(doc.segmentIds[1]!)?.map((i) => [i.code, i.severity, i.blocking])).toEqual([['term_missing', 'error', true]]);
    expect((await documentIssues(ctx, doc.id)).map((i) => i.segmentId)).toEqual([doc.segmentIds[1]]);
  });

  it('when an overridden issue comes back unchanged after an edit, then it keeps its id and its override', async () => {
    const doc = await documentWith([['Валерий Герасимов прибыл.', 'The chief arrived.']]);
    const [issue] = (await checkSegments(ctx, doc.segmentIds)).get(doc.segmentIds[0]!)!;
    const overridden = await overrideIssue(ctx, doc.id, issue!.id, '  Quoted from a foreign outlet as written.  ', editor);
    expect(overridden.override).toMatchObject({ by: 'erin', reason: 'Quoted from a foreign outlet as written.' });
    expect(overridden.blocking).toBe(false);

    await setTarget(doc.segmentIds[0]!, 'The general arrived.');
    const [again] = (await checkSegments(ctx, doc.segmentIds)).get(doc.segmentIds[0]!)!;
    expect(again?.id).toBe(issue!.id);
    expect(again?.override?.reason).toBe('Quoted from a foreign outlet as written.');
    await expect(assertNoOpenIssues(db, doc.id)).resolves.toBeUndefined();

    const event = await db.selectFrom('document_events').selectAll().where('document_id', '=', doc.id).where('type', '=', 'issue_overridden').executeTakeFirstOrThrow();
    expect(event.detail).toContain('Quoted from a foreign outlet as written.');
    expect(event.user_id).toBe(editor.userId);
  });

  it('when an overridden issue is fixed and then broken again, then the new issue is not overridden', async () => {
    const doc = await documentWith([['Валерий Герасимов прибыл.', 'The chief arrived.']]);
    const [issue] = (await checkSegments(ctx, doc.segmentIds)).get(doc.segmentIds[0]!)!;
    await overrideIssue(ctx, doc.id, issue!.id, 'Fine as it is', editor);
    await setTarget(doc.segmentIds[0]!, 'Valery Gerasimov arrived.');
    expect((await checkSegments(ctx, doc.segmentIds)).get(doc.segmentIds[0]!)).toEqual([]);
    await setTarget(doc.segmentIds[0]!, 'The chief arrived.');
    const [fresh] = (await checkSegments(ctx, doc.segmentIds)).get(doc.segmentIds[0]!)!;
    expect(fresh).toMatchObject({ code: 'term_missing', blocking: true, override: null });
  });

  it('when open errors remain, then approval is refused with their ids; warnings do not count', async () => {
    const doc = await documentWith([['Валерий Герасимов прибыл.', 'The chief arrived.'], ['Прибыли 150 военных.', 'Troops arrived.']]);
    const issues = [...(await checkDocument(ctx, doc.id)).values()].flat();
    const error = issues.find((i) => i.severity === 'error')!;
    expect(issues.some((i) => i.severity === 'warning')).toBe(true);
    const refused = await assertNoOpenIssues(db, doc.id).catch((e: unknown) => e);
    expect(codeOf(refused)).toBe('409 open_issues');
    expect((refused as AppError).details).toMatchObject({ issueIds: [error.id] });
  });

  it('when the override is asked by a translator, without a reason, twice, or for another document, then it is refused', async () => {
    const doc = await documentWith([['Валерий Герасимов прибыл.', 'The chief arrived.']]);
    const other = await documentWith([['Совещание прошло.', 'The meeting took place.']]);
    const [issue] = (await checkSegments(ctx, doc.segmentIds)).get(doc.segmentIds[0]!)!;
    expect(codeOf(await overrideIssue(ctx, doc.id, issue!.id, 'A reason', translator).catch((e: unknown) => e))).toBe('403 forbidden');
    expect(codeOf(await overrideIssue(ctx, doc.id, issue!.id, '  ', editor).catch((e: unknown) => e))).toBe('400 reason_required');
    expect(codeOf(await overrideIssue(ctx, doc.id, issue!.id, undefined, editor).catch((e: unknown) => e))).toBe('400 reason_required');
    expect(codeOf(await overrideIssue(ctx, other.id, issue!.id, 'A reason', editor).catch((e: unknown) => e))).toBe('404 not_found');
    await overrideIssue(ctx, doc.id, issue!.id, 'A reason', editor);
    expect(codeOf(await overrideIssue(ctx, doc.id, issue!.id, 'Another', editor).catch((e: unknown) => e))).toBe('409 already_overridden');
  });

  it('when the glossary gains an entry, then rechecking finds it missing in open documents and leaves approved ones alone', async () => {
    glossary = exactGlossary([]);
    const open = await documentWith([['Генерал-полковник прибыл.', 'The general arrived.']]);
    const approved = await documentWith([['Генерал-полковник прибыл.', 'The general arrived.']]);
    await db.updateTable('documents').set({ status: 'approved' }).where('id', '=', approved.id).execute();
    await recheckOpenDocuments(ctx);
    expect(await documentIssues(ctx, open.id)).toEqual([]);

    glossary = exactGlossary([{ ...entries.colonelGeneral, ru: 'Генерал-полковник' }]);
    expect(await recheckOpenDocuments(ctx)).toEqual({ documents: 1, segments: 1 });
    expect((await documentIssues(ctx, open.id)).map((i) => i.code)).toEqual(['term_missing']);
    expect(await documentIssues(ctx, approved.id)).toEqual([]);

    glossary = exactGlossary([]);
    await recheckOpenDocuments(ctx);
    expect(await documentIssues(ctx, open.id)).toEqual([]);
  });

  it('when checks run inside a caller’s transaction that fails, then nothing is stored', async () => {
    const doc = await documentWith([['Валерий Герасимов прибыл.', 'The chief arrived.']]);
    let storedInside: unknown[] = [];
    const failing = db.transaction().execute(async (trx) => {
      await checkSegments(ctx, doc.segmentIds, trx);
      storedInside = await documentIssues({ ...ctx, db: trx }, doc.id);
      throw new Error('roll back');
    });
    await expect(failing).rejects.toThrow('roll back');
    // The issue was written inside the transaction, so its absence afterwards is the rollback's doing.
    expect(storedInside).toHaveLength(1);
    expect(await documentIssues(ctx, doc.id)).toEqual([]);
  });
});
