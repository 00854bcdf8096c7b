import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'tandem-cli-terms-'));
const env = { ...process.env, TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'error' };

/** Runs the CLI from source (tsx), as `npx tandem` runs the compiled one. */
function tandem(...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', join(projectRoot, 'src', 'cli.ts'), ...args], { env, cwd: projectRoot });
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const article = join(dataDir, 'article.txt');

/** Windows-1251 bytes, as older Russian files come (Cyrillic А..я and ASCII only). */
const cp1251 = (s: string) => new Uint8Array([...s].map((c) => (c >= 'А' && c <= 'я' ? c.charCodeAt(0) - 0x410 + 0xc0 : c.charCodeAt(0))));

const text = 'Генерал армии Валерий Герасимов встретился с Садыковым.\nГерасимова проводили в Баку.';

describe('tandem terms', () => {
  it('when asked for JSON, then it prints every match with offsets into the file text', async () => {
    writeFileSync(article, text);
    const { stdout } = await tandem('terms', article, '--json');
    const { matches } = JSON.parse(stdout) as { matches: { start: number; end: number; surface: string; entryId: string; target: string; ambiguous: boolean }[] };
    expect(matches.map((m) => [m.surface, m.entryId, m.ambiguous])).toEqual([
      ['Генерал армии', 'general-armii', false],
      ['Валерий Герасимов', 'valeriy-gerasimov', false],
      ['Садыковым', 'nadzhmeddin-sadykov', false],
      ['Герасимова', 'valeriy-gerasimov', true],
      ['Баку', 'baku', false],
    ]);
    for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.surface);
  }, 60_000);

  it('when asked without --json, then it prints a readable table with a summary; a Windows-1251 file is decoded first', async () => {
    writeFileSync(article, cp1251(text));
    const { stdout } = await tandem('terms', article);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^start\s+end\s+found\s+official English\s+entry$/);
    expect(lines[2]).toMatch(/^\s*14\s+31\s+Валерий Герасимов\s+Valery Gerasimov\s+valeriy-gerasimov$/);
    expect(lines).toContainEqual(expect.stringMatching(/Герасимова\s+Valery Gerasimov \?\s+valeriy-gerasimov$/));
    expect(lines.at(-1)).toBe('5 terms, 1 flagged "?" for the reviewer (could be someone else)');
  }, 60_000);

  it('when the file is missing, then it says so and exits non-zero', async () => {
    await expect(tandem('terms')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('missing FILE') });
    await expect(tandem('terms', join(dataDir, 'nope.txt'))).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('nope.txt') });
  }, 60_000);
});
