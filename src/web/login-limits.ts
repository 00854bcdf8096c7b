import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { TooManyRequestsError } from '../errors.js';

const messages = {
  address: 'Too many failed sign-ins from your address; wait 15 minutes and try again',
  account: 'Too many failed sign-ins for this account; wait 15 minutes and try again',
  password: 'Too many wrong current passwords; wait 15 minutes and try again',
};

const WINDOW_MS = 15 * 60_000;

/** Counts only failed attempts (status 400 and up), so a busy newsroom behind one address is not locked out by its own sign-ins. */
function failureLimit(limit: number, message: string, key?: (req: Request) => string): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(key ? { keyGenerator: key, skip: (req: Request) => key(req) === '' } : {}),
    handler: (_req, _res, next) => next(new TooManyRequestsError(message)),
  });
}

/** The name as typed, folded like sign-in would match it; capped, since names longer than 64 cannot exist. */
const accountKey = (req: Request): string => {
  const name: unknown = req.body?.username;
  return typeof name === 'string' ? name.trim().toLowerCase().slice(0, 80) : '';
};

/**
 * Slows password guessing: 20 failed sign-ins per 15 minutes per client address (the address the
 * trusted proxies report; see TANDEM_TRUST_PROXY), and 10 per account from anywhere, so guesses
 * spread over many addresses are slowed too. A typed password change counts per user.
 */
export function signInLimits(): { byAddress: RequestHandler; byAccount: RequestHandler; passwordChange: RequestHandler } {
  return {
    byAddress: failureLimit(20, messages.address),
    byAccount: failureLimit(10, messages.account, accountKey),
    passwordChange: failureLimit(10, messages.password, (req) => (req.principal?.userId ? `user:${req.principal.userId}` : '')),
  };
}
