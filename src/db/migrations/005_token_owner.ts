import type { Kysely } from 'kysely';

/** Who created each API token, so disabling that user revokes the tokens (null: made at the console, or before this migration). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('api_tokens')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
}
