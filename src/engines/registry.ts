import type { Config } from '../config.js';
import { BadRequestError } from '../errors.js';
import * as deepl from './deepl.js';
import type { Engine } from './engine.js';
import * as googleV2 from './google-v2.js';
import * as google from './google.js';
import * as llm from './llm.js';
import { offlineEngine } from './offline/index.js';

const messages = {
  unknown: (id: string, known: readonly string[]) => `Unknown engine "${id}". Known engines: ${known.join(', ')}`,
  duplicate: (id: string) => `An engine with id "${id}" is already registered`,
};


/** Provider engines, each built from the settings; a factory returns null while its settings are absent. */
export const engineFactories: ReadonlyArray<(config: Config) => Engine | null> = [deepl.fromConfig, google.fromConfig, googleV2.fromConfig, llm.fromConfig];

/** Every provider engine the settings configure, in the order of engineFactories. */
export function configuredEngines(config: Config): Engine[] {
  return engineFactories.map((make) => make(config)).filter((engine): engine is Engine => engine !== null);
}

/** The engines one app instance can use, keyed by id. Adding an engine: see README.md in this folder. */
export interface EngineRegistry {
  /** The engine with this id; throws BadRequestError (400, code unknown_engine) naming the known ids. */
  get(id: string): Engine;
  has(id: string): boolean;
  /** Every engine, built-in ones first, then in the order they were added. */
  list(): Engine[];
  /** Adds an engine (e.g. one built from config with its API key); throws on a duplicate id. */
  register(engine: Engine): EngineRegistry;
}

export interface EngineRegistryOptions {
  /** The built-in offline engine as this app runs it (the server passes one on its worker pool); default: in this thread. */
  offline?: Engine;
  /** Engines to add after the built-in ones. */
  engines?: readonly Engine[];
}

export function createEngineRegistry(options: EngineRegistryOptions = {}): EngineRegistry {
  const engines = new Map<string, Engine>();
  const registry: EngineRegistry = {
    get(id) {
      const engine = engines.get(id);
      if (!engine) {
        const known = [...engines.keys()];
        throw new BadRequestError(messages.unknown(id, known), 'unknown_engine', { known });
      }
      return engine;
    },
    has: (id) => engines.has(id),
    list: () => [...engines.values()],
    register(engine) {
      if (engines.has(engine.id)) throw new Error(messages.duplicate(engine.id));
      engines.set(engine.id, engine);
      return registry;
    },
  };
  for (const engine of [options.offline ?? offlineEngine, ...(options.engines ?? [])]) registry.register(engine);
  return registry;
}

/** The default registry: built-in engines only. The app builds its own in boot.ts. */
export const engineRegistry: EngineRegistry = createEngineRegistry();

export function getEngine(id: string): Engine {
  return engineRegistry.get(id);
}

export function listEngines(): Engine[] {
  return engineRegistry.list();
}
