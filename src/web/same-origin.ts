import type { Request, RequestHandler } from 'express';
import { ForgedRequestError } from '../errors.js';
import type { Logger } from '../logger.js';
import { needsForgeryCheck } from './csrf.js';

const messages = {
  crossOrigin: 'This request came from another site, so it was refused; open Tandem itself and try again',
};

/** `scheme://host[:port]` as browsers write it, or '' for anything that is not an http(s) origin (such as `null`). */
function normalise(origin: string): string {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : '';
  } catch {
    return '';
  }
}

/** This server's origin as the browser sees it: behind a proxy, from X-Forwarded-Proto/-Host when TANDEM_TRUST_PROXY is on. */
const ownOrigin = (req: Request) => normalise(`${req.protocol}://${req.host ?? ''}`);

/**
 * The second line behind the CSRF token, read from headers alone (before any body is parsed): a request
 * that needs the CSRF check is refused when the browser says it comes from elsewhere — `Sec-Fetch-Site`
 * other than `same-origin`, or an `Origin` other than this server's (`null` counts only without a
 * same-origin Sec-Fetch-Site). Without either header (curl, old browsers) the token check alone decides.
 */
export function sameOriginOnly(logger: Logger): RequestHandler {
  return (req, _res, next) => {
    if (!needsForgeryCheck(req)) return next();
    const site = req.get('sec-fetch-site');
    const origin = req.get('origin');
    const foreignSite = site !== undefined && site !== 'same-origin';
    // Under a no-referrer policy a browser sends `Origin: null` even for this page's own form; its Sec-Fetch-Site still tells.
    const opaqueButSameSite = origin === 'null' && site === 'same-origin';
    const foreignOrigin = origin !== undefined && !opaqueButSameSite && normalise(origin) !== ownOrigin(req);
    if (foreignSite || foreignOrigin) {
      // An HTTPS proxy without TANDEM_TRUST_PROXY shows up here as every form being refused: say what was compared.
      logger.info(`Refused ${req.method} ${req.path}: Sec-Fetch-Site ${site ?? '(none)'}, Origin ${origin ?? '(none)'}, this server ${ownOrigin(req) || '(unknown)'}`);
      throw new ForgedRequestError(messages.crossOrigin, 'cross_origin');
    }
    next();
  };
}
