import type { Request, Response } from 'express';
import { can } from '../../auth/permissions.js';
import type { AppContext } from '../../context.js';
import { AppError, ConflictError, InvalidInputError } from '../../errors.js';
import { importFormats, listGlossaryFormats } from '../../glossary/formats/registry.js';
import {
  createGlossaryEntry,
  exportGlossary,
  getGlossaryEntry,
  importGlossaryFile,
  listGlossary,
  restoreGlossaryEntry,
  retireGlossaryEntry,
  updateGlossaryEntry,
  type EntryInput,
} from '../../glossary/service.js';
import type { HistoryItem, StoredFields } from '../../glossary/store.js';
import { TERM_TYPES, TERMS_COLUMNS } from '../../glossary/terms-file.js';
import { principalOf } from '../authenticate.js';
import { positiveInt } from '../params.js';

const notices: Record<string, string> = {
  created: 'Entry added. Open documents are being checked against it.',
  updated: 'Entry saved. Open documents are being checked again.',
  retired: 'Entry retired: it is no longer matched or checked.',
  restored: 'Entry restored.',
  unchanged: 'Nothing changed.',
};

const messages = {
  imported: (s: { created: number; updated: number; restored: number; retired: number; unchanged: number }, file: string) =>
    `Imported ${file}: ${s.created} added, ${s.updated} updated, ${s.restored} restored, ${s.retired} retired, ${s.unchanged} unchanged.`,
  noFile: 'Choose a file to import.',
};

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Rows the list page shows at once; a search narrows the rest down. */
const PAGE_ROWS = 300;

/** The form's fields as the service takes them. */
function formInput(body: Record<string, unknown> | undefined): EntryInput {
  const b = body ?? {};
  return { ru: str(b.ru), en: str(b.en), enGb: str(b.en_gb), type: str(b.type), gender: str(b.gender), forbidden: str(b.forbidden), note: str(b.note), source: str(b.source) };
}

/** Problems a form can show next to itself; anything else goes to the error page. */
function formErrors(err: unknown): { status: number; errors: string[] } {
  if (err instanceof InvalidInputError || err instanceof ConflictError) {
    const listed = (err.details as { errors?: { line?: number; where?: string; message: string }[] } | undefined)?.errors;
    const errors = listed?.length ? listed.map((e) => (e.line ? `line ${e.line}${e.where ? ` (${e.where})` : ''}: ${e.message}` : e.message)) : [err.message];
    return { status: err.status, errors };
  }
  if (err instanceof AppError && err.status < 500 && err.status !== 403) return { status: err.status, errors: [err.message] };
  throw err;
}

const FIELDS: (keyof StoredFields)[] = ['ru', 'en', 'enGb', 'type', 'gender', 'forbidden', 'note', 'source', 'status'];

/** What one history row changed, field by field, for the history table. */
function changesOf(h: HistoryItem): { field: string; from: string; to: string }[] {
  const show = (v: unknown) => (Array.isArray(v) ? v.join(' | ') : v == null ? '' : String(v));
  return FIELDS.filter((f) => show(h.before?.[f]) !== show(h.after[f])).map((f) => ({ field: f === 'enGb' ? 'en_gb' : f, from: show(h.before?.[f]), to: show(h.after[f]) }));
}

/** The glossary pages: search and add (/glossary), one entry with its history (/glossary/:id), import and export. */
export const glossaryPages = (ctx: AppContext) => {
  async function renderIndex(req: Request, res: Response, extra: { status?: number; form?: EntryInput; errors?: string[]; importErrors?: string[]; notice?: string | null } = {}) {
    const q = str(req.query.q);
    const type = TERM_TYPES.find((t) => t === req.query.type);
    const status = (['active', 'retired', 'all'] as const).find((s) => s === req.query.status) ?? 'active';
    const [entries, revision] = await Promise.all([listGlossary(ctx, { q, ...(type ? { type } : {}), status }), ctx.glossaryRevision()]);
    res.status(extra.status ?? 200).render('glossary/index', {
      title: 'Glossary',
      entries: entries.slice(0, PAGE_ROWS),
      total: entries.length,
      revision,
      filter: { q, type: type ?? '', status },
      types: TERM_TYPES,
      canManage: can(principalOf(req).role, 'glossary:manage'),
      spelling: ctx.config.TANDEM_SPELLING,
      exportFormats: listGlossaryFormats().filter((f) => f.write),
      importFormats: importFormats(),
      columns: TERMS_COLUMNS,
      form: extra.form ?? {},
      errors: extra.errors ?? [],
      importErrors: extra.importErrors ?? [],
      notice: extra.notice ?? notices[str(req.query.notice)] ?? null,
    });
  }

  async function renderEntry(req: Request, res: Response, extra: { status?: number; form?: EntryInput; errors?: string[] } = {}) {
    const entry = await getGlossaryEntry(ctx, String(req.params.id));
    res.status(extra.status ?? 200).render('glossary/entry', {
      title: entry.ru,
      entry,
      history: entry.history.map((h) => ({ ...h, changes: changesOf(h) })),
      types: TERM_TYPES,
      canManage: can(principalOf(req).role, 'glossary:manage'),
      form: extra.form ?? { ...entry, forbidden: entry.forbidden.join(' | ') },
      errors: extra.errors ?? [],
      notice: notices[str(req.query.notice)] ?? null,
    });
  }

  return {
    index: (req: Request, res: Response) => renderIndex(req, res),

    async create(req: Request, res: Response) {
      const form = formInput(req.body);
      try {
        const entry = await createGlossaryEntry(ctx, form, principalOf(req));
        res.redirect(303, `/glossary/${entry.id}?notice=created`);
      } catch (err) {
        await renderIndex(req, res, { ...formErrors(err), form });
      }
    },

    entry: (req: Request, res: Response) => renderEntry(req, res),

    async update(req: Request, res: Response) {
      const form = formInput(req.body);
      const id = String(req.params.id);
      try {
        const before = positiveInt(req.body?.version, 'version');
        const entry = await updateGlossaryEntry(ctx, id, { ...form, version: before }, principalOf(req));
        res.redirect(303, `/glossary/${entry.id}?notice=${entry.version === before ? 'unchanged' : 'updated'}`);
      } catch (err) {
        await renderEntry(req, res, { ...formErrors(err), form });
      }
    },

    async retire(req: Request, res: Response) {
      await changeStatus(req, res, 'retired');
    },

    async restore(req: Request, res: Response) {
      await changeStatus(req, res, 'restored');
    },

    async import(req: Request, res: Response) {
      if (!req.file) return renderIndex(req, res, { status: 400, importErrors: [messages.noFile] });
      try {
        const summary = await importGlossaryFile(
          ctx,
          { bytes: req.file.buffer, fileName: req.file.originalname, format: str(req.body?.format) || undefined, mode: str(req.body?.mode) || 'merge' },
          principalOf(req),
        );
        await renderIndex(req, res, { notice: messages.imported(summary, req.file.originalname) });
      } catch (err) {
        const { status, errors } = formErrors(err);
        await renderIndex(req, res, { status, importErrors: errors });
      }
    },

    async export(req: Request, res: Response) {
      const file = await exportGlossary(ctx, str(req.query.format) || 'tbx');
      res.type(file.contentType).attachment(file.filename).send(file.body);
    },
  };

  async function changeStatus(req: Request, res: Response, action: 'retired' | 'restored') {
    const id = String(req.params.id);
    try {
      const options = { version: positiveInt(req.body?.version, 'version'), reason: str(req.body?.reason) };
      const change = action === 'retired' ? retireGlossaryEntry : restoreGlossaryEntry;
      await change(ctx, id, options, principalOf(req));
      res.redirect(303, `/glossary/${id}?notice=${action}`);
    } catch (err) {
      await renderEntry(req, res, formErrors(err));
    }
  }
};
