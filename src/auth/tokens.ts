import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { now } from '../db/database.js';
import type { Role } from '../db/schema.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import type { Principal } from './principal.js';
import { tokenRoles } from './permissions.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

const newTokenSchema = z.object({
  name: z.string().trim().min(1, 'token name must not be empty').max(100),
  role: z.enum(tokenRoles, { message: `role must be one of ${tokenRoles.join(', ')}` }),
});

export interface TokenInfo {
  id: number;
  name: string;
  role: Role;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Creates an API token and returns its secret once; the database keeps only a hash. `createdBy` is the user making it (null at the console). */
export async function createToken(db: Db, input: { name: string; role: string }, createdBy: number | null = null): Promise<TokenInfo & { token: string }> {
  const parsed = newTokenSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues.map((i) => i.message).join('; '));
  const token = `tdm_${randomBytes(32).toString('base64url')}`;
  const row = await db
    .insertInto('api_tokens')
    .values({
      name: parsed.data.name,
      role: parsed.data.role,
      token_hash: sha256(token),
      created_at: now(),
      last_used_at: null,
      revoked_at: null,
      created_by: createdBy,
    })
    .returning(['id', 'name', 'role', 'created_at', 'last_used_at', 'revoked_at'])
    .executeTakeFirstOrThrow();
  return { ...row, token };
}

export async function principalForToken(db: Db, token: string): Promise<Principal | null> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'role', 'revoked_at', 'last_used_at'])
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.revoked_at) return null;
  const stamp = now();
  // Recording use once a minute is enough for an audit and spares a write per request.
  if (!row.last_used_at || Date.parse(stamp) - Date.parse(row.last_used_at) > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: stamp }).where('id', '=', row.id).execute();
  }
  return { kind: 'token', userId: null, name: row.name, role: row.role };
}

/** Every token, with the name of the user who made it (null when made with the CLI). */
export function listTokens(db: Db): Promise<(TokenInfo & { created_by_name: string | null })[]> {
  return db
    .selectFrom('api_tokens')
    .leftJoin('users', 'users.id', 'api_tokens.created_by')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.role',
      'api_tokens.created_at',
      'api_tokens.last_used_at',
      'api_tokens.revoked_at',
      'users.username as created_by_name',
    ])
    .orderBy('api_tokens.id')
    .execute();
}

/** Revokes every active token a user created; returns how many. */
export async function revokeTokensCreatedBy(db: Db, userId: number): Promise<number> {
  const result = await db.updateTable('api_tokens').set({ revoked_at: now() }).where('created_by', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function revokeToken(db: Db, id: number): Promise<void> {
  const result = await db.updateTable('api_tokens').set({ revoked_at: now() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new NotFoundError(`Active token ${id}`);
}
