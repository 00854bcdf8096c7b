import { sql, type Kysely } from 'kysely';

/**
 * The glossary in the database: entries (never deleted, only retired, so history and old checks
 * keep their meaning), the history of every change, and a revision counter bumped with each change
 * so caches (the matcher, the MT cache, provider glossaries) know when to rebuild.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('glossary_entries')
    // The slug of ru (src/glossary/terms-file.ts): stable, referenced by matches and checks.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ru', 'text', (c) => c.notNull())
    // ru folded (lower case, ё → е): two spellings the matcher cannot tell apart are one term.
    .addColumn('ru_key', 'text', (c) => c.notNull().unique())
    .addColumn('en', 'text', (c) => c.notNull())
    .addColumn('en_gb', 'text')
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('person','rank','title','organisation','place','other')`))
    .addColumn('gender', 'text', (c) => c.check(sql`gender in ('male','female')`))
    .addColumn('forbidden', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull())
    // ru, en, en_gb and note folded like ru_key, for substring search (SQLite's LIKE folds only ASCII).
    .addColumn('search', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active','retired')`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('glossary_entries_status').on('glossary_entries').column('status').execute();

  await db.schema
    .createTable('glossary_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('glossary_entries.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('created','updated','retired','restored','imported')`))
    .addColumn('before', 'text')
    .addColumn('after', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // Who acted, as shown: a username, or the name of an API token (tokens have no user id).
    .addColumn('user_name', 'text')
    .addColumn('detail', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('glossary_history_entry').on('glossary_history').column('entry_id').execute();

  await db.schema
    .createTable('glossary_meta')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text')
    .execute();
  await sql`insert into glossary_meta (id, revision) values (1, 0)`.execute(db);
}
