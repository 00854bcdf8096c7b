import type { Kysely } from 'kysely';

/** Cost control for machine translation: a cache of engine output, usage records, and per-job counters. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mt_cache')
    // sha256 of engine id, engine options, glossary revision, source and its terms (src/jobs/cache.ts).
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('engine', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('mt_usage')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('job_id', 'integer', (c) => c.references('jobs.id').onDelete('set null'))
    .addColumn('document_id', 'integer', (c) => c.references('documents.id').onDelete('set null'))
    .addColumn('engine', 'text', (c) => c.notNull())
    .addColumn('characters', 'integer', (c) => c.notNull())
    .addColumn('segments', 'integer', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mt_usage_month').on('mt_usage').columns(['month', 'engine']).execute();
  await db.schema.createIndex('mt_usage_document').on('mt_usage').column('document_id').execute();

  for (const column of ['billed_characters', 'cached_segments', 'memory_segments']) {
    await db.schema
      .alterTable('jobs')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }

  // The translation memory looks approved targets up by their exact source.
  await db.schema.createIndex('version_segments_source').on('version_segments').column('source').execute();
}
