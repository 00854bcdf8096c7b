import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { BadRequestError } from '../../errors.js';
import { findTerms } from '../../glossary/find-terms.js';

const messages = {
  text: 'Send JSON {"text": "…"}: the Russian text to find glossary terms in',
};

const matchBody = z.object({ text: z.string({ message: messages.text }) });

/** POST /api/v1/glossary/match: every glossary term in a text, with offsets into it. */
export const glossaryMatchApi = (ctx: AppContext) => ({
  async match(req: Request, res: Response) {
    const body = matchBody.safeParse(req.body ?? {});
    if (!body.success) throw new BadRequestError(messages.text);
    res.json({ matches: await findTerms(ctx, body.data.text) });
  },
});
