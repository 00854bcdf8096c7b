import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { configuredEngines, createEngineRegistry } from './registry.js';

const all = {
  DEEPL_AUTH_KEY: 'k:fx',
  GOOGLE_PROJECT_ID: 'newsroom',
  GOOGLE_API_KEY: 'g',
  GOOGLE_API_ENDPOINT: 'http://127.0.0.1:9',
  LLM_BASE_URL: 'http://127.0.0.1:9',
  LLM_MODEL: 'qwen',
};

describe('provider engines from the settings', () => {
  it('when no provider is configured, then only the offline engine is registered', () => {
    expect(configuredEngines(loadConfig({}))).toEqual([]);
    expect(createEngineRegistry({ engines: configuredEngines(loadConfig({})) }).list().map((e) => e.id)).toEqual(['offline']);
  });

  it('when every provider is configured, then each engine is registered after the offline one', () => {
    const registry = createEngineRegistry({ engines: configuredEngines(loadConfig(all)) });
    expect(registry.list().map((e) => e.id)).toEqual(['offline', 'deepl', 'google', 'google-v2', 'llm']);
    expect(registry.get('llm').label).toBe('Self-hosted model (qwen)');
    expect(registry.list().filter((e) => e.sendsDataToThirdParty).map((e) => e.id)).toEqual(['deepl', 'google', 'google-v2']);
  });

  it('when the timeout and retries are unset, then they default to 30 s and 4', () => {
    expect(loadConfig({})).toMatchObject({ TANDEM_MT_TIMEOUT_MS: 30_000, TANDEM_MT_RETRIES: 4, GOOGLE_LOCATION: 'global', TANDEM_SPELLING: 'american' });
  });

  it.each([
    [{ LLM_BASE_URL: 'http://127.0.0.1:8080' }, 'LLM_MODEL is not set: LLM_BASE_URL is set, so the llm engine needs a model name'],
    [{ GOOGLE_GLOSSARY_ID: 'g' }, 'GOOGLE_PROJECT_ID is not set'],
    [{ DEEPL_SERVER_URL: 'localhost:3000' }, 'DEEPL_SERVER_URL="localhost:3000": must be an http:// or https:// URL'],
    [{ TANDEM_MT_RETRIES: '-1' }, 'TANDEM_MT_RETRIES'],
    [{ TANDEM_MT_TIMEOUT_MS: 'soon' }, 'TANDEM_MT_TIMEOUT_MS="soon": must be a number'],
  ])('when the settings are %j, then start-up stops with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
