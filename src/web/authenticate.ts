import type { CookieOptions, NextFunction, Request, RequestHandler, Response } from 'express';
import { can, type Permission } from '../auth/permissions.js';
import type { Principal } from '../auth/principal.js';
import { principalForSession } from '../auth/sessions.js';
import { principalForToken } from '../auth/tokens.js';
import type { AppContext } from '../context.js';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      principal?: Principal;
      /** Set when the principal came from a session cookie, which is what CSRF protection guards. */
      sessionId?: string;
    }
  }
}

export const SESSION_COOKIE = 'tandem_session';

const sessionCookie = (req: Request, expires: Date): CookieOptions => ({ httpOnly: true, sameSite: 'lax', secure: req.secure, signed: true, expires, path: '/' });

/** Gives the browser its session cookie, expiring when the session does. */
export function setSessionCookie(req: Request, res: Response, token: string, expires: Date): void {
  res.cookie(SESSION_COOKIE, token, sessionCookie(req, expires));
}

export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Resolves the caller from `Authorization: Bearer …` or the session cookie; never rejects by itself.
 * Other schemes (HTTP basic auth for a proxy in front of Tandem) are not Tandem's and are ignored.
 */
export function identify(ctx: AppContext): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization');
    if (header && /^Bearer(\s|$)/i.test(header)) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const principal = match?.[1] ? await principalForToken(ctx.db, match[1]) : null;
      if (!principal) throw new UnauthenticatedError('The API token is missing, malformed, unknown or revoked');
      req.principal = principal;
    } else {
      const token = req.signedCookies?.[SESSION_COOKIE] as string | undefined;
      const principal = token ? await principalForSession(ctx.db, token, ctx.config.TANDEM_SESSION_HOURS) : null;
      if (token && principal) {
        const { sessionId, renewedUntil, ...rest } = principal;
        req.principal = rest;
        req.sessionId = sessionId;
        // The browser would otherwise drop the cookie at the expiry set at sign-in, ending a session the server kept alive.
        if (renewedUntil) setSessionCookie(req, res, token, renewedUntil);
      }
    }
    res.locals.principal = req.principal ?? null;
    next();
  };
}

/** Lets the request through only when the caller holds `permission`; API callers get 401/403. */
export function requires(permission: Permission): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!req.principal) throw new UnauthenticatedError();
    if (!can(req.principal.role, permission)) throw new ForbiddenError();
    next();
  };
}

/** For pages: a visitor without a session is sent to the sign-in page instead of a 401. */
export function signedIn(permission: Permission = 'documents:read'): RequestHandler {
  return (req, res, next) => {
    if (!req.principal) {
      res.redirect(`/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    if (!can(req.principal.role, permission)) throw new ForbiddenError();
    next();
  };
}

export function principalOf(req: Request): Principal {
  if (!req.principal) throw new UnauthenticatedError();
  return req.principal;
}
