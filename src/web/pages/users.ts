import type { Request, Response } from 'express';
import { changeOwnPassword, disableUser, enableUser, setUserPassword } from '../../auth/users.js';
import type { AppContext } from '../../context.js';
import { InvalidInputError } from '../../errors.js';
import { principalOf } from '../authenticate.js';
import { idParam } from '../params.js';

const notices: Record<string, string> = {
  password: 'Password changed. Your other sessions were signed out.',
};

const messages = {
  differ: 'The two new passwords differ; type the same one twice',
};

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Your own account (/account), and what an admin does to other users' accounts on /admin. */
export const userPages = (ctx: AppContext) => {
  function renderAccount(req: Request, res: Response, extra: { status?: number; error?: string } = {}) {
    res.status(extra.status ?? 200).render('account/index', {
      title: 'Your account',
      error: extra.error ?? null,
      notice: notices[str(req.query.notice)] ?? null,
    });
  }

  return {
    account: (req: Request, res: Response) => renderAccount(req, res),

    async changePassword(req: Request, res: Response) {
      const input = { current: str(req.body?.current), password: str(req.body?.password) };
      if (input.password !== str(req.body?.confirm)) return renderAccount(req, res, { status: 422, error: messages.differ });
      try {
        await changeOwnPassword(ctx, principalOf(req), input, req.sessionId ?? '');
      } catch (err) {
        if (!(err instanceof InvalidInputError)) throw err;
        return renderAccount(req, res, { status: err.status, error: err.message });
      }
      res.redirect(303, '/account?notice=password');
    },

    async disable(req: Request, res: Response) {
      await disableUser(ctx, { id: idParam(req, 'id') }, principalOf(req));
      res.redirect(303, '/admin?notice=disabled');
    },

    async enable(req: Request, res: Response) {
      await enableUser(ctx, { id: idParam(req, 'id') }, principalOf(req));
      res.redirect(303, '/admin?notice=enabled');
    },

    async setPassword(req: Request, res: Response) {
      // An admin setting their own password here keeps the session they are using.
      await setUserPassword(ctx, { id: idParam(req, 'id') }, str(req.body?.password), principalOf(req), req.sessionId);
      res.redirect(303, '/admin?notice=password');
    },
  };
};
