import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../errors.js';
import type { Logger } from '../logger.js';
import { errorHandler } from './error-handler.js';

let views: string;
let server: Server;
let url: string;
const logged: string[] = [];
const logger: Logger = { error: (m) => logged.push(m), warn: () => {}, info: () => {}, debug: () => {} };

beforeAll(async () => {
  views = mkdtempSync(join(tmpdir(), 'tandem-views-'));
  // An error page that fails while rendering, as the real one did when a local was missing.
  writeFileSync(join(views, 'error.ejs'), '<p><%= notPassedToTheView.name %></p>');
  const app = express();
  app.set('env', 'development');
  app.set('view engine', 'ejs');
  app.set('views', views);
  app.post('/approve', () => {
    throw new ForbiddenError();
  });
  app.use(errorHandler(logger, 2));
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(views, { recursive: true, force: true });
});

describe('the error handler', () => {
  it('when the error page itself fails to render, then the message goes out as plain text with the original status and no stack', async () => {
    const res = await fetch(`${url}/approve`, { method: 'POST', headers: { accept: 'text/html' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const body = await res.text();
    expect(body).toBe('Your role does not allow this\n');
    expect(logged).toEqual(['The error page for POST /approve failed to render']);
  });
});
