import { Router } from 'express';
import type { AppContext } from '../../context.js';
import type { Csrf } from '../csrf.js';
import { signedIn } from '../authenticate.js';
import { signInLimits } from '../login-limits.js';
import { enginePages } from './engines.js';
import { glossaryPages } from './glossary.js';
import { pageHandlers } from './handlers.js';
import { userPages } from './users.js';

/** The browser pages, as a table of contents. Handlers live in handlers.ts. */
export function pagesRouter(ctx: AppContext, csrf: Csrf): Router {
  const page = pageHandlers(ctx);
  const engines = enginePages(ctx);
  const glossary = glossaryPages(ctx);
  const users = userPages(ctx);
  const limits = signInLimits();
  const router = Router();

  router.get('/login', csrf.preSession, page.loginForm);
  router.post('/login', limits.byAddress, limits.byAccount, page.login);
  router.post('/logout', page.logout);
  router.get('/account', signedIn(), users.account);
  router.post('/account/password', signedIn(), limits.passwordChange, users.changePassword);

  router.get('/', signedIn(), page.documents);
  router.post('/documents', signedIn('documents:create'), page.importDocument);
  router.get('/documents/:id', signedIn(), page.review);
  router.post('/documents/:id/translate', signedIn('documents:translate'), page.translate);
  router.post('/documents/:id/approve', signedIn('documents:approve'), page.approve);
  router.post('/documents/:id/reopen', signedIn('documents:approve'), page.reopen);
  router.get('/documents/:id/versions/:n/download', signedIn('exports:read'), page.download);

  router.get('/engines', signedIn(), engines.index);

  router.get('/glossary', signedIn(), glossary.index);
  router.post('/glossary', signedIn('glossary:manage'), glossary.create);
  router.post('/glossary/import', signedIn('glossary:manage'), glossary.import);
  router.get('/glossary/export', signedIn(), glossary.export);
  router.get('/glossary/:id', signedIn(), glossary.entry);
  router.post('/glossary/:id', signedIn('glossary:manage'), glossary.update);
  router.post('/glossary/:id/retire', signedIn('glossary:manage'), glossary.retire);
  router.post('/glossary/:id/restore', signedIn('glossary:manage'), glossary.restore);

  router.get('/admin', signedIn('users:manage'), page.admin);
  router.post('/admin/users', signedIn('users:manage'), page.addUser);
  router.post('/admin/users/:id/disable', signedIn('users:manage'), users.disable);
  router.post('/admin/users/:id/enable', signedIn('users:manage'), users.enable);
  router.post('/admin/users/:id/password', signedIn('users:manage'), users.setPassword);
  router.post('/admin/tokens', signedIn('users:manage'), page.addToken);
  router.post('/admin/tokens/:id/revoke', signedIn('users:manage'), page.revokeToken);
  return router;
}
