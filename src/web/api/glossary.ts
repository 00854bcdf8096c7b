import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { BadRequestError } from '../../errors.js';
import {
  createGlossaryEntry,
  exportGlossary,
  getGlossaryEntry,
  importGlossaryFile,
  listGlossary,
  restoreGlossaryEntry,
  retireGlossaryEntry,
  updateGlossaryEntry,
  type StoredEntry,
} from '../../glossary/service.js';
import type { TermType } from '../../glossary/glossary.js';
import { TERM_TYPES } from '../../glossary/terms-file.js';
import { principalOf } from '../authenticate.js';

const messages = {
  mixed: 'Send either field changes or a status change (retire/restore), not both in one request',
  noFile: 'Send the file as a multipart field "file", or JSON {content, fileName, format}',
};

const fields = {
  ru: z.string().max(300),
  en: z.string().max(300),
  enGb: z.string().max(300).nullable(),
  type: z.string(),
  gender: z.string().nullable(),
  forbidden: z.union([z.array(z.string().max(300)).max(50), z.string().max(5000)]),
  note: z.string().max(2000),
  source: z.string().max(300),
};

const base = z.object(fields).partial();
const createBody = base.strict();
const patchBody = base
  .extend({
    version: z.number({ message: 'send the version you read; it guards against overwriting a newer change' }).int().positive(),
    status: z.enum(['active', 'retired'], { message: 'status must be active or retired' }).optional(),
    reason: z.string().max(1000).optional(),
  })
  .strict();
const listQuery = z.object({
  q: z.string().max(200).optional(),
  type: z.custom<TermType>((v) => TERM_TYPES.includes(v as TermType), { message: `type must be one of ${TERM_TYPES.join(', ')}` }).optional(),
  status: z.enum(['active', 'retired', 'all'], { message: 'status must be active, retired or all' }).optional(),
});
const importFields = z.object({
  format: z.string().optional(),
  mode: z.enum(['merge', 'replace'], { message: 'mode must be merge or replace' }).optional(),
  fileName: z.string().max(200).optional(),
  content: z.string().optional(),
});

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new BadRequestError(result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return result.data;
}

const idOf = (req: Request) => String(req.params.id);

/** An entry as the API shows it: absent optional fields as null, so clients see every key. */
export function entryJson(e: StoredEntry) {
  return {
    id: e.id,
    ru: e.ru,
    en: e.en,
    enGb: e.enGb ?? null,
    type: e.type,
    gender: e.gender ?? null,
    forbidden: e.forbidden,
    note: e.note,
    source: e.source,
    status: e.status,
    version: e.version,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

/** API v1 handlers for the glossary: each parses input, calls one service, shapes JSON. */
export const glossaryApi = (ctx: AppContext) => ({
  async list(req: Request, res: Response) {
    const filter = parse(listQuery, req.query);
    const [entries, revision] = await Promise.all([listGlossary(ctx, filter), ctx.glossaryRevision()]);
    res.json({ revision, entries: entries.map(entryJson) });
  },

  async get(req: Request, res: Response) {
    const { history, ...entry } = await getGlossaryEntry(ctx, idOf(req));
    res.json({ ...entryJson(entry), history });
  },

  async create(req: Request, res: Response) {
    const entry = await createGlossaryEntry(ctx, parse(createBody, req.body), principalOf(req));
    res.status(201).location(`/api/v1/glossary/${entry.id}`).json(entryJson(entry));
  },

  async update(req: Request, res: Response) {
    const { version, status, reason, ...changes } = parse(patchBody, req.body);
    const principal = principalOf(req);
    if (status !== undefined) {
      if (Object.keys(changes).length > 0) throw new BadRequestError(messages.mixed);
      const change = status === 'retired' ? retireGlossaryEntry : restoreGlossaryEntry;
      res.json(entryJson(await change(ctx, idOf(req), { version, ...(reason !== undefined ? { reason } : {}) }, principal)));
      return;
    }
    res.json(entryJson(await updateGlossaryEntry(ctx, idOf(req), { ...changes, version }, principal)));
  },

  async import(req: Request, res: Response) {
    const body = parse(importFields, req.body);
    if (!req.file && body.content === undefined) throw new BadRequestError(messages.noFile);
    const summary = await importGlossaryFile(
      ctx,
      {
        ...(req.file ? { bytes: req.file.buffer } : { text: body.content }),
        fileName: req.file?.originalname ?? body.fileName ?? `upload.${body.format ?? 'tsv'}`,
        format: body.format,
        mode: body.mode,
      },
      principalOf(req),
    );
    res.json(summary);
  },

  async export(req: Request, res: Response) {
    const format = typeof req.query.format === 'string' ? req.query.format : 'tbx';
    const file = await exportGlossary(ctx, format);
    const disposition = req.query.download === '1' || req.query.download === 'true' ? 'attachment' : 'inline';
    res.type(file.contentType).set('Content-Disposition', `${disposition}; filename="${file.filename}"`).send(file.body);
  },
});
