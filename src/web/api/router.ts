import { Router } from 'express';
import multer from 'multer';
import type { AppContext } from '../../context.js';
import type { Csrf } from '../csrf.js';
import { requires } from '../authenticate.js';
import { documentsApi } from './documents.js';
import { metaApi } from './meta.js';

/** API v1, as a table of contents. Handlers live in documents.ts and meta.ts. */
export function apiRouter(ctx: AppContext, csrf: Csrf): Router {
  const documents = documentsApi(ctx);
  const meta = metaApi(ctx);
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: ctx.config.TANDEM_MAX_UPLOAD_MB * 1024 * 1024, files: 1 } });
  const router = Router();

  router.get('/openapi.json', meta.openapi);
  router.get('/me', requires('exports:read'), meta.me);
  router.get('/engines', requires('documents:read'), meta.engines);
  router.get('/export-formats', requires('exports:read'), meta.exportFormats);

  router.get('/documents', requires('documents:read'), documents.list);
  router.post('/documents', requires('documents:create'), upload.single('file'), csrf.protectUpload, documents.create);
  router.get('/documents/:id', requires('documents:read'), documents.get);
  router.post('/documents/:id/translate', requires('documents:translate'), documents.translate);
  router.patch('/documents/:id/segments/:segmentId', requires('segments:edit'), documents.updateSegment);
  router.post('/documents/:id/approve', requires('documents:approve'), documents.approve);
  router.post('/documents/:id/reopen', requires('documents:approve'), documents.reopen);
  router.get('/documents/:id/versions', requires('exports:read'), documents.versions);
  router.get('/documents/:id/versions/:n/export', requires('exports:read'), documents.export);

  router.get('/jobs/:id', requires('documents:read'), documents.job);
  return router;
}
