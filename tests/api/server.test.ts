import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-server-'));
let busy: Server;
let port: number;

beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  port = (busy.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => busy.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs the server from source (tsx) until it exits by itself. */
function serve(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'src', 'server.ts')], {
      cwd: projectRoot,
      env: { ...process.env, TANDEM_DATA_DIR: dataDir, TANDEM_IMPORT_SAMPLE: 'false', LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // A server that wrongly keeps running is stopped, and its output still checked.
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('the server process', () => {
  it('when its port is already taken, then it exits non-zero naming the port and never claims to serve', async () => {
    const { code, stdout, stderr } = await serve({ PORT: String(port) });
    expect(code).toBe(1);
    expect(stderr).toContain(`PORT=${port}`);
    expect(stderr).toMatch(/already in use/);
    expect(stdout).not.toContain('Tandem is serving');
    // Nothing was set up for a server that never ran: the one-time admin password is still to come.
    expect(stdout).not.toContain('password:');
  }, 90_000);
});
