import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, settingDocs } from './config.js';
import { projectRoot } from './paths.js';

describe('config', () => {
  it('when nothing is set, then the documented defaults apply', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, TANDEM_DEFAULT_ENGINE: 'offline', TANDEM_MAX_UPLOAD_MB: 2, TANDEM_IMPORT_SAMPLE: true });
    expect(c.dataDir).toBe(join(projectRoot, 'data'));
  });

  it.each([
    ['PORT', 'abc', /PORT="abc": must be a number/],
    ['PORT', '70000', /PORT/],
    ['TANDEM_TRUST_PROXY', 'maybe', /TANDEM_TRUST_PROXY="maybe": must be true or false/],
    ['SESSION_SECRET', 'short', /SESSION_SECRET.*at least 32/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL.*postgres/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
  ])('when %s=%s, then start-up stops with one line naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('when .env.example is read, then it documents every setting', () => {
    const example = readFileSync(join(projectRoot, '.env.example'), 'utf8');
    for (const { name } of settingDocs) expect(example, name).toContain(name);
  });
});

describe('engine setting', () => {
  it('when the default engine is not configured, then the context refuses to start naming the variable', async () => {
    const { createContext } = await import('./boot.js');
    const config = loadConfig({ TANDEM_DEFAULT_ENGINE: 'nonexistent', TANDEM_DATA_DIR: ':memory:' });
    await expect(createContext(config, { databaseFile: ':memory:' })).rejects.toThrow(/TANDEM_DEFAULT_ENGINE="nonexistent": not a configured engine/);
  });
});
