import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { EngineRegistry } from './engines/registry.js';
import type { Glossary } from './glossary/glossary.js';
import type { JobRunner } from './jobs/runner.js';
import type { Logger } from './logger.js';

/** Everything a service needs, built once at boot (src/boot.ts) and passed down; no globals. */
export interface AppContext {
  config: Config;
  db: Db;
  logger: Logger;
  engines: EngineRegistry;
  glossary(): Promise<Glossary>;
  jobs: JobRunner;
}
