import type { Request, Response } from 'express';
import type { AppContext } from '../../context.js';
import { BadRequestError } from '../../errors.js';
import { isMonth, monthOf, usageForMonth } from '../../jobs/usage.js';

const messages = {
  month: 'month must look like 2025-03 (YYYY-MM)',
};

/** GET /api/v1/usage?month=YYYY-MM: billed characters in a month, per engine and per document. */
export const usageApi = (ctx: AppContext) => ({
  async usage(req: Request, res: Response) {
    const month = typeof req.query.month === 'string' && req.query.month !== '' ? req.query.month : monthOf();
    if (!isMonth(month)) throw new BadRequestError(messages.month, 'bad_month');
    res.json(await usageForMonth(ctx.db, month));
  },
});
