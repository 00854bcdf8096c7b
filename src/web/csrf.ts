import { randomBytes } from 'node:crypto';
import { doubleCsrf } from 'csrf-csrf';
import type { Request, RequestHandler, Response } from 'express';
import { ForgedRequestError } from '../errors.js';

const messages = {
  invalid: 'The form expired or came from another site; reload the page and try again',
};

const PRE_SESSION_COOKIE = 'tandem_presession';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The requests a browser can be made to send on someone's behalf: every state-changing request with a
 * session cookie, and every state-changing page request without one (the sign-in form: login CSRF).
 * A Bearer token is never sent by a browser on its own, and the API acts for no anonymous caller.
 */
export function needsForgeryCheck(req: Request): boolean {
  if (safeMethods.has(req.method)) return false;
  if (req.sessionId) return true;
  if (req.principal) return false;
  return !req.path.startsWith('/api/');
}

export interface Csrf {
  /** Refuses a request that needs the check unless it carries this session's token; runs after every body parser. */
  protect: RequestHandler;
  /** Puts the caller's token in `res.locals.csrfToken` for forms and the meta tag; '' for a visitor with neither session nor pre-session. */
  exposeToken: RequestHandler;
  /** For the sign-in page: gives a visitor without a session a pre-session, so the sign-in form carries a token too. */
  preSession: RequestHandler;
}

/**
 * Double-submit tokens (csrf-csrf) bound by HMAC to the session, or before sign-in to a random signed
 * pre-session cookie; signing in starts a session, so the sign-in page's token stops working.
 * The token comes in the `x-csrf-token` header (scripts) or the `_csrf` field of any form body, multipart included.
 */
export function createCsrf(secret: string): Csrf {
  const startedHere = new WeakMap<Request, string>();
  const preSessionOf = (req: Request): string | undefined => {
    const cookie: unknown = req.signedCookies?.[PRE_SESSION_COOKIE];
    return startedHere.get(req) ?? (typeof cookie === 'string' && cookie ? cookie : undefined);
  };
  const identity = (req: Request) => req.sessionId ?? preSessionOf(req) ?? '';
  const utils = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: identity,
    cookieName: 'tandem_csrf',
    cookieOptions: { sameSite: 'lax', secure: false, httpOnly: true, path: '/' },
    getCsrfTokenFromRequest: (req) => {
      const field: unknown = (req.body as Record<string, unknown> | undefined)?._csrf;
      return req.get('x-csrf-token') ?? (typeof field === 'string' ? field : undefined);
    },
  });
  const issue = (req: Request, res: Response) => {
    res.locals.csrfToken = utils.generateCsrfToken(req, res, { cookieOptions: { secure: req.secure } });
  };

  return {
    protect(req, _res, next) {
      if (needsForgeryCheck(req) && !(identity(req) && utils.validateRequest(req))) throw new ForgedRequestError(messages.invalid, 'csrf_invalid');
      next();
    },
    exposeToken(req, res, next) {
      if (identity(req)) issue(req, res);
      next();
    },
    preSession(req, res, next) {
      if (!identity(req)) {
        const id = randomBytes(24).toString('base64url');
        res.cookie(PRE_SESSION_COOKIE, id, { signed: true, httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
        startedHere.set(req, id);
      }
      issue(req, res);
      next();
    },
  };
}
