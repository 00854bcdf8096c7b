import type { Request, Response } from 'express';
import type { AppContext } from '../../context.js';
import { listExporters } from '../../exports/registry.js';
import { principalOf } from '../authenticate.js';
import { openapiDocument } from './openapi.js';

export const metaApi = (ctx: AppContext) => ({
  openapi(_req: Request, res: Response) {
    res.json(openapiDocument);
  },
  me(req: Request, res: Response) {
    const p = principalOf(req);
    res.json({ kind: p.kind, name: p.name, role: p.role });
  },
  engines(_req: Request, res: Response) {
    res.json({
      default: ctx.config.TANDEM_DEFAULT_ENGINE,
      engines: ctx.engines.list().map((e) => ({ id: e.id, label: e.label, sendsDataToThirdParty: e.sendsDataToThirdParty, maxBatch: e.maxBatch })),
    });
  },
  exportFormats(_req: Request, res: Response) {
    res.json({ formats: listExporters().map((e) => ({ id: e.id, label: e.label, extension: e.extension, contentType: e.contentType })) });
  },
});
