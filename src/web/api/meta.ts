import type { Request, Response } from 'express';
import type { AppContext } from '../../context.js';
import { can } from '../../auth/permissions.js';
import { listExporters } from '../../exports/registry.js';
import { describeEngines } from '../../jobs/engines-overview.js';
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
  async engines(req: Request, res: Response) {
    // Usage (billed characters this month) is for editors; everyone who translates sees each engine's status.
    const withUsage = can(principalOf(req).role, 'documents:approve');
    const engines = await describeEngines(ctx);
    res.json({
      default: ctx.config.TANDEM_DEFAULT_ENGINE,
      engines: engines.map(({ usage, ...e }) => (withUsage ? { ...e, usage } : e)),
    });
  },
  exportFormats(_req: Request, res: Response) {
    res.json({ formats: listExporters().map((e) => ({ id: e.id, label: e.label, extension: e.extension, contentType: e.contentType })) });
  },
});
