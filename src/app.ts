import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { AppContext } from './context.js';
import { publicDir, viewsDir } from './paths.js';
import { apiRouter } from './web/api/router.js';
import { identify } from './web/authenticate.js';
import { createCsrf } from './web/csrf.js';
import { errorHandler } from './web/error-handler.js';
import { pagesRouter } from './web/pages/router.js';
import { sameOriginOnly } from './web/same-origin.js';
import { multipartBodies } from './web/uploads.js';

/** Builds the Express app (no listen: tests run it on port 0). `secret` signs session and CSRF cookies. */
export function createApp(ctx: AppContext, secret: string): Express {
  const app = express();
  app.set('view engine', 'ejs');
  app.set('views', viewsDir);
  app.set('trust proxy', ctx.config.TANDEM_TRUST_PROXY);
  app.disable('x-powered-by');

  // same-origin rather than helmet's no-referrer: under no-referrer browsers send `Origin: null` on this site's own forms.
  app.use(helmet({ contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null } }, referrerPolicy: { policy: 'same-origin' } }));
  app.use('/static', express.static(publicDir, { maxAge: '1h' }));
  // What every page (the error page too) reads, set before anything below can fail.
  app.use((req, res, next) => {
    Object.assign(res.locals, { path: req.path, principal: null, csrfToken: '' });
    next();
  });
  app.use(cookieParser(secret));
  app.use(identify(ctx));
  const csrf = createCsrf(secret);
  app.use(csrf.exposeToken);
  app.use(sameOriginOnly(ctx.logger));
  const bodyLimit = `${ctx.config.TANDEM_MAX_UPLOAD_MB + 1}mb`;
  app.use(express.json({ limit: bodyLimit }));
  app.use(express.urlencoded({ extended: false, limit: bodyLimit }));
  app.use(multipartBodies(ctx.config.TANDEM_MAX_UPLOAD_MB));
  // The one CSRF guard, after every body parser, so `_csrf` is read alike from every kind of form.
  app.use(csrf.protect);

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.use('/api/v1', apiRouter(ctx));
  app.use('/', pagesRouter(ctx, csrf));
  app.use((req, _res, next) => {
    next(Object.assign(new Error(`No route for ${req.method} ${req.path}`), { status: 404 }));
  });
  app.use(errorHandler(ctx.logger, ctx.config.TANDEM_MAX_UPLOAD_MB));
  return app;
}
