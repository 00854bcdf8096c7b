import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type Config } from './config.js';
import type { AppContext } from './context.js';
import { openDatabase } from './db/database.js';
import { configuredEngines, createEngineRegistry } from './engines/registry.js';
import { liveGlossary, seedGlossaryFromFile } from './glossary/load.js';
import { createJobRunner } from './jobs/runner.js';
import { createLogger, type Logger } from './logger.js';
import { createOfflineEngine } from './engines/offline/index.js';
import { createWorkPool } from './workers/pool.js';

/** Opens the database and wires the services; shared by the server, the CLI, tests and benchmarks. */
export async function createContext(config: Config, options: { logger?: Logger; databaseFile?: string } = {}): Promise<AppContext> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const db = await openDatabase(config, options.databaseFile);
  const pool = createWorkPool({
    threads: config.TANDEM_WORKERS,
    memoryMb: config.TANDEM_WORKER_MEMORY_MB,
    timeoutMs: config.TANDEM_WORKER_TIMEOUT_MS,
    maxQueue: config.TANDEM_WORKER_QUEUE,
  });
  // The offline engine always (on the pool), plus every provider whose settings are present (DeepL, Google, a model server).
  const offline = createOfflineEngine((batch, signal) => pool.run('translateOffline', { batch: [...batch] }, { signal }));
  const engines = createEngineRegistry({ offline, engines: configuredEngines(config) });
  // Fails at boot, not in the middle of a request, when the default engine is unknown.
  if (!engines.has(config.TANDEM_DEFAULT_ENGINE)) {
    const known = engines.list().map((e) => e.id).join(', ');
    await pool.close();
    await db.destroy();
    throw new ConfigError(`TANDEM_DEFAULT_ENGINE="${config.TANDEM_DEFAULT_ENGINE}": not a configured engine (configured: ${known})`);
  }
  // The glossary lives in the database; glossary/terms.tsv seeds an empty one.
  const seeded = await seedGlossaryFromFile(db);
  if (seeded > 0) logger.info(`glossary: imported ${seeded} entries from glossary/terms.tsv`);
  const glossary = liveGlossary(db, { spelling: config.TANDEM_SPELLING });
  // Compiled now, before any request: the first build loads az's dictionaries on this thread (about 200 ms).
  await glossary.glossary();
  const jobs = createJobRunner(logger);
  return {
    config,
    db,
    logger,
    engines,
    glossary: glossary.glossary,
    glossaryRevision: glossary.revision,
    jobs,
    pool,
    async close() {
      await jobs.idle();
      await pool.close();
      await db.destroy();
    },
  };
}

/** SESSION_SECRET, or one generated on first start and kept in the data folder so sessions survive restarts. */
export function sessionSecret(config: Config): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  const file = join(config.dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
