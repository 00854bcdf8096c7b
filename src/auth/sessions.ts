import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';
import { now } from '../db/database.js';
import type { Principal } from './principal.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Starts a session and returns the secret cookie value; only its hash is stored. */
export async function createSession(db: Db, userId: number, hours: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + hours * 3_600_000);
  await db
    .insertInto('sessions')
    .values({ id: sha256(token), user_id: userId, created_at: now(), expires_at: expiresAt.toISOString() })
    .execute();
  return { token, expiresAt };
}

/** The signed-in user for a cookie value, extending the session while it is used; `renewedUntil` is set when it was extended. */
export async function principalForSession(
  db: Db,
  token: string,
  hours: number,
): Promise<(Principal & { sessionId: string; renewedUntil: Date | null }) | null> {
  const id = sha256(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id', 'sessions.expires_at', 'users.id as user_id', 'users.username', 'users.role', 'users.disabled_at'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row || row.disabled_at || row.expires_at < now()) return null;
  const renewed = new Date(Date.now() + hours * 3_600_000);
  // Renew at most every few minutes instead of writing on every request.
  const extend = renewed.getTime() - Date.parse(row.expires_at) > 5 * 60_000;
  if (extend) await db.updateTable('sessions').set({ expires_at: renewed.toISOString() }).where('id', '=', id).execute();
  return { kind: 'user', userId: row.user_id, name: row.username, role: row.role, sessionId: id, renewedUntil: extend ? renewed : null };
}

/** Ends every session of a user but `keep` (a session id, the caller's own); returns how many ended. */
export async function endUserSessions(db: Db, userId: number, keep?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep) query = query.where('id', '!=', keep);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
}

export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now()).execute();
}
