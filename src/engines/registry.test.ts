import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../errors.js';
import type { Engine } from './engine.js';
import { createEngineRegistry, engineRegistry, getEngine, listEngines } from './registry.js';

const echo: Engine = {
  id: 'echo',
  label: 'Echo (tests)',
  sendsDataToThirdParty: false,
  maxBatch: 10,
  translate: async (batch) => batch.map((s) => ({ text: s.text })),
};

describe('engine registry', () => {
  it('when created without options, then it holds the offline engine', () => {
    const registry = createEngineRegistry();
    expect(registry.list().map((e) => e.id)).toEqual(['offline']);
    expect(registry.get('offline').label).toBe('Offline (rule-based)');
  });

  it('when an unknown id is asked for, then a BadRequestError names the known ids', () => {
    const registry = createEngineRegistry();
    expect(() => registry.get('deepl')).toThrow(BadRequestError);
    expect(() => registry.get('deepl')).toThrow('Unknown engine "deepl". Known engines: offline');
    try {
      registry.get('deepl');
    } catch (err) {
      expect(err).toMatchObject({ status: 400, code: 'unknown_engine', details: { known: ['offline'] } });
    }
  });

  it('when engines are passed or registered, then they follow the built-in ones', () => {
    const registry = createEngineRegistry({ engines: [echo] });
    expect(registry.list().map((e) => e.id)).toEqual(['offline', 'echo']);
    expect(registry.has('echo')).toBe(true);
    const other = createEngineRegistry().register(echo);
    expect(other.get('echo')).toBe(echo);
  });

  it('when an id is registered twice, then registering fails', () => {
    expect(() => createEngineRegistry({ engines: [echo, echo] })).toThrow('already registered');
  });

  it('when registries are created separately, then adding to one leaves the others alone', () => {
    createEngineRegistry().register(echo);
    expect(engineRegistry.has('echo')).toBe(false);
  });

  it('when the module-level helpers are used, then they read the default registry', () => {
    expect(getEngine('offline')).toBe(engineRegistry.get('offline'));
    expect(listEngines().map((e) => e.id)).toEqual(['offline']);
  });
});
