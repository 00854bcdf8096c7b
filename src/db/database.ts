import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import type { Config } from '../config.js';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

/** Opens the embedded SQLite database in the data folder (or in memory for ':memory:') and brings its schema up to date. */
export async function openDatabase(config: Pick<Config, 'dataDir' | 'DATABASE_URL'>, file = 'tandem.sqlite'): Promise<Db> {
  if (config.DATABASE_URL) {
    // The PostgreSQL dialect is a later issue; refusing here beats silently writing to SQLite.
    throw new Error('DATABASE_URL is set, but this build of Tandem supports only the embedded SQLite database; unset it.');
  }
  let path = ':memory:';
  if (file !== ':memory:') {
    mkdirSync(config.dataDir, { recursive: true });
    path = join(config.dataDir, file);
  }
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db);
  return db;
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrate(db: Db): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}

export const now = (): string => new Date().toISOString();
