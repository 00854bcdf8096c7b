import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { requires } from '../authenticate.js';
import { checksApi } from './checks.js';
import { compareApi } from './compare.js';
import { documentsApi } from './documents.js';
import { glossaryApi } from './glossary.js';
import { glossaryMatchApi } from './glossary-match.js';
import { jobEventsApi } from './job-events.js';
import { metaApi } from './meta.js';
import { usageApi } from './usage.js';

/** API v1, as a table of contents. Handlers live in documents.ts and meta.ts. */
export function apiRouter(ctx: AppContext): Router {
  const documents = documentsApi(ctx);
  const checks = checksApi(ctx);
  const meta = metaApi(ctx);
  const compare = compareApi(ctx);
  const jobEvents = jobEventsApi(ctx);
  const usage = usageApi(ctx);
  const glossary = glossaryApi(ctx);
  const glossaryMatch = glossaryMatchApi(ctx);
  const router = Router();

  router.get('/openapi.json', meta.openapi);
  router.get('/me', requires('exports:read'), meta.me);
  router.get('/engines', requires('documents:read'), meta.engines);
  router.get('/export-formats', requires('exports:read'), meta.exportFormats);
  router.get('/usage', requires('documents:approve'), usage.usage);

  router.get('/documents', requires('documents:read'), documents.list);
  router.post('/documents', requires('documents:create'), documents.create);
  router.get('/documents/:id', requires('documents:read'), documents.get);
  router.post('/documents/:id/translate', requires('documents:translate'), documents.translate);
  router.patch('/documents/:id/segments/:segmentId', requires('segments:edit'), documents.updateSegment);
  router.post('/documents/:id/segments/:segmentId/compare', requires('documents:translate'), compare.compare);
  router.get('/documents/:id/issues', requires('documents:read'), checks.list);
  router.post('/documents/:id/issues/:issueId/override', requires('documents:approve'), checks.override);
  router.post('/documents/:id/approve', requires('documents:approve'), documents.approve);
  router.post('/documents/:id/reopen', requires('documents:approve'), documents.reopen);
  router.get('/documents/:id/versions', requires('exports:read'), documents.versions);
  router.get('/documents/:id/versions/:n/export', requires('exports:read'), documents.export);

  router.get('/jobs/:id', requires('documents:read'), documents.job);
  router.get('/jobs/:id/events', requires('documents:read'), jobEvents.events);

  router.get('/glossary', requires('documents:read'), glossary.list);
  router.post('/glossary', requires('glossary:manage'), glossary.create);
  router.post('/glossary/match', requires('documents:read'), glossaryMatch.match);
  router.post('/glossary/import', requires('glossary:manage'), glossary.import);
  router.get('/glossary/export', requires('documents:read'), glossary.export);
  router.get('/glossary/:id', requires('documents:read'), glossary.get);
  router.patch('/glossary/:id', requires('glossary:manage'), glossary.update);
  return router;
}
