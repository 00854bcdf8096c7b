import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { getDocumentDetail, importDocument, listDocumentSummaries } from '../../documents/service.js';
import { BadRequestError } from '../../errors.js';
import { getJob, startTranslation } from '../../jobs/translate-job.js';
import { usageByDocument, usageForDocument } from '../../jobs/usage.js';
import { annotateSegments } from '../../review/annotations.js';
import { approveDocument, reopenDocument } from '../../review/approval.js';
import { updateSegment } from '../../review/segments.js';
import { listVersions } from '../../review/versions.js';
import { exportVersion } from '../../exports/service.js';
import { principalOf } from '../authenticate.js';
import { idParam } from '../params.js';
import { documentJson, jobJson, segmentJson, versionJson } from './serialize.js';

const importFields = z.object({
  title: z.string().max(300, 'title must be at most 300 characters').optional(),
  text: z.string().optional(),
  engine: z.string().optional(),
  encoding: z.enum(['utf-8', 'windows-1251'], { message: 'encoding must be utf-8 or windows-1251' }).optional(),
  translate: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional(),
});

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new BadRequestError(result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return result.data;
}

/** API v1 handlers: each parses input, calls one service, shapes JSON. */
export const documentsApi = (ctx: AppContext) => ({
  async create(req: Request, res: Response) {
    const fields = parse(importFields, req.body);
    if (!req.file && fields.text === undefined) throw new BadRequestError('Send JSON {text} or a multipart field "file"');
    const { document, job } = await importDocument(
      ctx,
      {
        ...fields,
        text: req.file ? undefined : fields.text,
        bytes: req.file?.buffer,
        filename: req.file?.originalname,
        contentType: req.file?.mimetype,
      },
      principalOf(req),
    );
    const detail = await getDocumentDetail(ctx, document.id);
    res.status(201).location(`/api/v1/documents/${document.id}`).json({
      ...documentJson(document, detail.progress),
      segments: detail.segments.map(segmentJson),
      job: job ? jobJson(job) : null,
    });
  },

  async list(_req: Request, res: Response) {
    const [docs, billed] = await Promise.all([listDocumentSummaries(ctx), usageByDocument(ctx.db)]);
    res.json({ documents: docs.map((d) => ({ ...documentJson(d, d.progress), usage: { billedCharacters: billed.get(d.id) ?? 0 } })) });
  },

  async get(req: Request, res: Response) {
    const detail = await getDocumentDetail(ctx, idParam(req, 'id'));
    const notes = await annotateSegments(ctx, detail.document.id, detail.segments);
    res.json({
      ...documentJson(detail.document, detail.progress),
      segments: detail.segments.map((s) => ({ ...segmentJson(s), ...notes.get(s.id) })),
      versions: detail.versions.map(versionJson),
      activeJob: detail.activeJob ? jobJson(detail.activeJob) : null,
      usage: await usageForDocument(ctx.db, detail.document.id),
    });
  },

  async translate(req: Request, res: Response) {
    const { engine } = parse(z.object({ engine: z.string().optional() }), req.body);
    const job = await startTranslation(ctx, idParam(req, 'id'), { engine }, principalOf(req));
    res.status(202).location(`/api/v1/jobs/${job.id}`).json(jobJson(job));
  },

  async job(req: Request, res: Response) {
    res.json(jobJson(await getJob(ctx, idParam(req, 'id'))));
  },

  async updateSegment(req: Request, res: Response) {
    const { segment, diff, issues } = await updateSegment(ctx, idParam(req, 'id'), idParam(req, 'segmentId'), req.body, principalOf(req));
    res.json({ ...segmentJson(segment), diff, issues });
  },

  async approve(req: Request, res: Response) {
    const { version } = await approveDocument(ctx, idParam(req, 'id'), principalOf(req));
    res.status(201).location(`/api/v1/documents/${idParam(req, 'id')}/versions/${version}/export`).json({ version });
  },

  async reopen(req: Request, res: Response) {
    const { reason } = parse(z.object({ reason: z.string().max(1000).optional() }), req.body);
    await reopenDocument(ctx, idParam(req, 'id'), principalOf(req), reason);
    res.json(documentJson((await getDocumentDetail(ctx, idParam(req, 'id'))).document));
  },

  async versions(req: Request, res: Response) {
    res.json({ versions: (await listVersions(ctx, idParam(req, 'id'))).map(versionJson) });
  },

  async export(req: Request, res: Response) {
    const format = typeof req.query.format === 'string' ? req.query.format : 'json';
    const file = await exportVersion(ctx, idParam(req, 'id'), idParam(req, 'n'), format);
    const disposition = req.query.download === '1' || req.query.download === 'true' ? 'attachment' : 'inline';
    res.type(file.contentType).set('Content-Disposition', `${disposition}; filename="${file.filename}"`).send(file.body);
  },
});
