import type { Request, Response } from 'express';
import { can } from '../../auth/permissions.js';
import type { AppContext } from '../../context.js';
import { describeEngines } from '../../jobs/engines-overview.js';
import { isMonth, monthOf, usageForMonth } from '../../jobs/usage.js';
import { principalOf } from '../authenticate.js';

/** GET /engines: each configured engine with its status; editors also see what it billed this month. */
export const enginePages = (ctx: AppContext) => ({
  async index(req: Request, res: Response) {
    const showUsage = can(principalOf(req).role, 'documents:approve');
    const asked = typeof req.query.month === 'string' ? req.query.month : '';
    const month = showUsage && isMonth(asked) ? asked : monthOf();
    const [engines, usage] = await Promise.all([describeEngines(ctx, { month }), showUsage ? usageForMonth(ctx.db, month) : null]);
    res.render('engines/index', { title: 'Engines', engines, usage, month, showUsage });
  },
});
