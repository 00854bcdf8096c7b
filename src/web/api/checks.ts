import type { Request, Response } from 'express';
import type { AppContext } from '../../context.js';
import { documentIssues, overrideIssue } from '../../checks/service.js';
import { principalOf } from '../authenticate.js';
import { idParam } from '../params.js';

/** API v1 handlers for QA check results: list a document's issues, override one. */
export const checksApi = (ctx: AppContext) => ({
  async list(req: Request, res: Response) {
    const issues = await documentIssues(ctx, idParam(req, 'id'));
    res.json({ issues, blocking: issues.filter((i) => i.blocking).length });
  },

  async override(req: Request, res: Response) {
    const body = (req.body ?? {}) as { reason?: unknown };
    res.json(await overrideIssue(ctx, idParam(req, 'id'), idParam(req, 'issueId'), body.reason, principalOf(req)));
  },
});
