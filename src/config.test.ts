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
    ['TANDEM_TRUST_PROXY', 'maybe', /TANDEM_TRUST_PROXY="maybe": "maybe" is not an IP address, a CIDR range or one of loopback, linklocal, uniquelocal/],
    ['TANDEM_TRUST_PROXY', 'true', /TANDEM_TRUST_PROXY="true": trusting every proxy lets any client choose its address; set the number of proxies in front of Tandem \(e\.g\. 1\) or their addresses \(e\.g\. loopback or 10\.0\.0\.5\)$/],
    ['TANDEM_TRUST_PROXY', 'yes', /TANDEM_TRUST_PROXY="yes": trusting every proxy/],
    ['TANDEM_TRUST_PROXY', '10.0.0.0/33', /TANDEM_TRUST_PROXY="10.0.0.0\/33": "10.0.0.0\/33" is not an IP address/],
    ['TANDEM_TRUST_PROXY', '1.5', /TANDEM_TRUST_PROXY="1.5": "1.5" is not an IP address/],
    ['SESSION_SECRET', 'short', /SESSION_SECRET.*at least 32/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL.*postgres/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
  ])('when %s=%s, then start-up stops with one line naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it.each([
    ['false', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['loopback', ['loopback']],
    [' loopback, 10.0.0.0/8 ,fd00::1 ', ['loopback', '10.0.0.0/8', 'fd00::1']],
  ])('when TANDEM_TRUST_PROXY=%j, then Express gets %j', (value, expected) => {
    expect(loadConfig({ TANDEM_TRUST_PROXY: value }).TANDEM_TRUST_PROXY).toEqual(expected);
  });

  it('when TANDEM_TRUST_PROXY is unset, then no proxy is trusted', () => {
    expect(loadConfig({}).TANDEM_TRUST_PROXY).toBe(false);
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
