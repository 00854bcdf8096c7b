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

/** Builds the Express app (no listen: tests run it on port 0). `secret` signs session and CSRF cookies. */
export function createApp(ctx: AppContext, secret: string): Express {
  const app = express();
  app.set('view engine', 'ejs');
  app.set('views', viewsDir);
  app.set('trust proxy', ctx.config.TANDEM_TRUST_PROXY);
  app.disable('x-powered-by');

  app.use(helmet({ contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null } } }));
  app.use('/static', express.static(publicDir, { maxAge: '1h' }));
  const bodyLimit = `${ctx.config.TANDEM_MAX_UPLOAD_MB + 1}mb`;
  app.use(express.json({ limit: bodyLimit }));
  app.use(express.urlencoded({ extended: false, limit: bodyLimit }));
  app.use(cookieParser(secret));
  app.use(identify(ctx));

  const csrf = createCsrf(secret);
  app.use(csrf.protect);
  app.use((req, res, next) => {
    res.locals.csrfToken = req.sessionId ? csrf.token(req, res) : '';
    res.locals.path = req.path;
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.use('/api/v1', apiRouter(ctx, csrf));
  app.use('/', pagesRouter(ctx, csrf));
  app.use((req, _res, next) => {
    next(Object.assign(new Error(`No route for ${req.method} ${req.path}`), { status: 404 }));
  });
  app.use(errorHandler(ctx.logger, ctx.config.TANDEM_MAX_UPLOAD_MB));
  return app;
}
