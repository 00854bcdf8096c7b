import type { Request, Response } from 'express';
import type { AppContext } from '../../context.js';
import { compareEngines } from '../../jobs/compare.js';
import { idParam } from '../params.js';

/** POST /api/v1/documents/:id/segments/:segmentId/compare: every configured engine's draft of one segment. */
export const compareApi = (ctx: AppContext) => ({
  async compare(req: Request, res: Response) {
    const results = await compareEngines(ctx, idParam(req, 'id'), idParam(req, 'segmentId'));
    res.json({ results });
  },
});
