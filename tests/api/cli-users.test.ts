import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../src/auth/users.js';
import { createContext } from '../../src/boot.js';
import { loadConfig } from '../../src/config.js';
import { projectRoot } from '../../src/paths.js';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'tandem-cli-users-'));
const env = { ...process.env, TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'error', TANDEM_IMPORT_SAMPLE: 'false' };

function tandem(...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', join(projectRoot, 'src', 'cli.ts'), ...args], { env, cwd: projectRoot });
}

/** Whether a name and password sign in, checked against the same database the CLI wrote. */
async function signsIn(username: string, password: string): Promise<boolean> {
  const ctx = await createContext(loadConfig({ TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'error' }));
  try {
    return (await authenticate(ctx.db, username, password)) !== null;
  } finally {
    await ctx.db.destroy();
  }
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('tandem user passwd, disable and enable', () => {
  it('when an operator resets a password, disables and enables a user, then sign-in follows each step', async () => {
    await tandem('user', 'add', 'boss', '--role', 'admin', '--password', 'boss-password-1');
    await tandem('user', 'add', 'maria', '--role', 'editor', '--password', 'maria-password-1');

    expect((await tandem('user', 'passwd', 'maria', '--password', 'maria-password-2')).stdout).toContain('set a new password for maria');
    expect(await signsIn('maria', 'maria-password-1')).toBe(false);
    expect(await signsIn('maria', 'maria-password-2')).toBe(true);

    const generated = (await tandem('user', 'passwd', 'maria')).stdout;
    const password = /new password for maria: (\S{20})/.exec(generated)?.[1];
    expect(password).toBeDefined();
    expect(await signsIn('maria', password!)).toBe(true);

    expect((await tandem('user', 'disable', 'maria')).stdout).toContain('disabled maria');
    expect(await signsIn('maria', password!)).toBe(false);
    expect((await tandem('user', 'list')).stdout).toMatch(/maria\teditor\tdisabled/);

    expect((await tandem('user', 'enable', 'maria')).stdout).toContain('enabled maria');
    expect(await signsIn('maria', password!)).toBe(true);
  }, 180_000);

  it('when the last active admin would be disabled, or the user does not exist, then it says why and exits non-zero', async () => {
    await expect(tandem('user', 'disable', 'boss')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('boss is the last active admin; enable or add another admin first'),
    });
    expect(await signsIn('boss', 'boss-password-1')).toBe(true);
    await expect(tandem('user', 'enable', 'nobody')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('User "nobody" not found') });
    await expect(tandem('user', 'passwd', 'boss', '--password', 'short')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('password must have at least 10 characters'),
    });
    await expect(tandem('user', 'disable')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('missing NAME') });
  }, 180_000);

  it('when an id is written loosely, then the CLI refuses it instead of reading it as a number', async () => {
    await expect(tandem('token', 'revoke', '0x1')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('ID must be a positive whole number, not "0x1"') });
  }, 60_000);
});
