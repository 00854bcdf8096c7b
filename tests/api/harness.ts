import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.js';
import { createContext } from '../../src/boot.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { createToken } from '../../src/auth/tokens.js';
import { createUser } from '../../src/auth/users.js';
import { createLogger } from '../../src/logger.js';

export interface TestServer {
  ctx: AppContext;
  /** The Express app itself, for tests that walk its routes. */
  app: Express;
  url: string;
  tokens: Record<'admin' | 'editor' | 'translator' | 'publisher', string>;
  passwords: Record<'admin' | 'editor' | 'translator', string>;
  /** fetch against the server with a role's bearer token. */
  api(role: keyof TestServer['tokens'] | null, path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

/** Starts the real app in-process on port 0 with a fresh data folder, users of each role and their tokens. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-test-'));
  const config = loadConfig({ TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'error', SESSION_SECRET: 'x'.repeat(40), ...env });
  const ctx = await createContext(config, { logger: createLogger('error') });
  const passwords = { admin: 'admin-password-1', editor: 'editor-password-1', translator: 'translator-password-1' };
  for (const role of ['admin', 'editor', 'translator'] as const) {
    await createUser(ctx.db, { username: role, password: passwords[role], role });
  }
  const tokens = {} as TestServer['tokens'];
  for (const role of ['admin', 'editor', 'translator', 'publisher'] as const) {
    tokens[role] = (await createToken(ctx.db, { name: `${role} test`, role })).token;
  }
  const app = createApp(ctx, config.SESSION_SECRET!);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ctx,
    app,
    url,
    tokens,
    passwords,
    api(role, path, init = {}) {
      const headers = new Headers(init.headers);
      if (role) headers.set('authorization', `Bearer ${tokens[role]}`);
      let body = init.body;
      if (init.json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(init.json);
      }
      return fetch(url + path, { ...init, headers, body });
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ctx.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A short Russian article written for these tests. */
export const sampleText = [
  'Министр обороны провел совещание в Москве',
  '',
  'МОСКВА, 3 марта — Tandem. Начальник Генерального штаба генерал армии Валерий Герасимов провел во вторник совещание с командующими округов.',
  '',
  'Стороны обсудили вопросы подготовки войск. По словам Герасимова, учения пройдут в апреле.',
].join('\n');
