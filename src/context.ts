import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { EngineRegistry } from './engines/registry.js';
import type { Glossary } from './glossary/glossary.js';
import type { JobRunner } from './jobs/runner.js';
import type { Logger } from './logger.js';
import type { WorkPool } from './workers/pool.js';

/** Everything a service needs, built once at boot (src/boot.ts) and passed down; no globals. */
export interface AppContext {
  config: Config;
  db: Db;
  logger: Logger;
  engines: EngineRegistry;
  /** The active glossary, compiled; rebuilt only after a change. */
  glossary(): Promise<Glossary>;
  /** Bumped with every glossary change: a key for caches built from the glossary (MT cache, provider glossaries). */
  glossaryRevision(): Promise<number>;
  jobs: JobRunner;
  /** Worker threads for upload parsing and the offline engine. */
  pool: WorkPool;
  /** Stops the worker threads and closes the database. */
  close(): Promise<void>;
}
