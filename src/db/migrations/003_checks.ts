import type { Kysely } from 'kysely';

/** QA check results per segment, replaced on every recheck; an editor's override is kept while the issue stays the same. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('segment_issues')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('segment_id', 'integer', (c) => c.notNull().references('segments.id').onDelete('cascade'))
    .addColumn('check_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('overridden_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('override_reason', 'text')
    .addColumn('overridden_at', 'text')
    .execute();
  await db.schema.createIndex('segment_issues_segment').on('segment_issues').column('segment_id').execute();
}
