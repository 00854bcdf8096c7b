import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createContext } from '../../src/boot.js';
import { loadConfig } from '../../src/config.js';
import { projectRoot } from '../../src/paths.js';
import { approveDocument } from '../../src/review/approval.js';
import { sampleText } from './harness.js';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'tandem-cli-'));
const env = { ...process.env, TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'error' };

/** Runs the CLI from source (tsx), as `npx tandem` runs the compiled one. */
function tandem(...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', join(projectRoot, 'src', 'cli.ts'), ...args], { env, cwd: projectRoot });
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the tandem CLI', () => {
  it('when a file is imported and translated, a user and a publisher token are created and the version approved, then the CLI writes the export and the token pulls it through the API', async () => {
    const article = join(dataDir, 'article.txt');
    writeFileSync(article, sampleText);
    const imported = await tandem('import', article);
    expect(imported.stdout).toMatch(/imported document 1: Министр обороны/);
    expect(imported.stdout).toMatch(/translated \d+\/\d+ segments with offline/);

    const user = await tandem('user', 'add', 'maria', '--role', 'editor');
    expect(user.stdout).toMatch(/created editor maria with password \S{20}/);
    const token = (await tandem('token', 'create', '--role', 'publisher', '--name', 'cms')).stdout.trim();
    expect(token).toMatch(/^tdm_/);
    expect((await tandem('token', 'list')).stdout).toMatch(/cms\tpublisher\tactive/);

    const translated = await tandem('translate', '1');
    expect(translated.stdout).toMatch(/translated \d+\/\d+ segments/);

    await expect(tandem('export', '1', '--version', '1', '--format', 'txt')).rejects.toMatchObject({
      stderr: expect.stringContaining('Version 1 of document 1 not found'),
    });

    // Approval is an editor's act in the browser or API; here it goes through the same service.
    const ctx = await createContext(loadConfig({ TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'error' }));
    await ctx.db.updateTable('segments').set({ status: 'translated' }).execute();
    await approveDocument(ctx, 1, { kind: 'user', userId: null, name: 'test', role: 'editor' });

    // The token the CLI printed is what a publishing system would use: it must pull the approved version.
    const server = createApp(ctx, 's'.repeat(40)).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/documents/1/versions/1/export?format=txt`;
    const pulled = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    await new Promise((resolve) => server.close(resolve));
    const headline = await ctx.db.selectFrom('version_segments').select('target').orderBy('idx').executeTakeFirstOrThrow();
    await ctx.close();
    expect(pulled.status).toBe(200);
    expect(headline.target).not.toBe('');
    expect(await pulled.text()).toContain(headline.target);

    const out = join(dataDir, 'out.xlf');
    expect((await tandem('export', '1', '--version', '1', '--format', 'xliff', '--out', out)).stdout).toContain(`wrote ${out}`);
    expect(readFileSync(out, 'utf8')).toContain('<xliff');
  }, 180_000);

  it('when a command is unknown or an argument is missing, then it says so and exits non-zero', async () => {
    await expect(tandem('frobnicate')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('unknown command "frobnicate"') });
    await expect(tandem('user', 'add', 'x')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('missing --role') });
  }, 180_000);
});

