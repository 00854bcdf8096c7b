import { doubleCsrf } from 'csrf-csrf';
import type { Request, RequestHandler, Response } from 'express';

export interface Csrf {
  /** Global guard for requests carrying a session cookie; multipart bodies are checked after upload parsing. */
  protect: RequestHandler;
  /** The same check, placed after multer on routes that take file uploads. */
  protectUpload: RequestHandler;
  token(req: Request, res: Response): string;
}

/**
 * CSRF guards what a browser session can do (double-submit cookie, bound to the session).
 * Token-authenticated API calls carry no ambient cookie and are not checked.
 */
export function createCsrf(secret: string): Csrf {
  const isMultipart = (req: Request) => Boolean(req.is('multipart/form-data'));
  const utils = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req) => req.sessionId ?? 'anonymous',
    cookieName: 'tandem_csrf',
    cookieOptions: { sameSite: 'lax', secure: false, httpOnly: true, path: '/' },
    getCsrfTokenFromRequest: (req) => req.get('x-csrf-token') ?? (req.body as Record<string, string> | undefined)?._csrf,
    skipCsrfProtection: (req) => !req.sessionId || isMultipart(req),
  });
  return {
    protect: utils.doubleCsrfProtection,
    protectUpload(req, _res, next) {
      if (req.sessionId && !utils.validateRequest(req)) throw utils.invalidCsrfTokenError;
      next();
    },
    token: (req, res) => utils.generateCsrfToken(req, res, { cookieOptions: { secure: req.secure } }),
  };
}
