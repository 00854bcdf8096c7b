import { z } from 'zod';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import { now } from '../db/database.js';
import type { UserRow } from '../db/schema.js';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors.js';
import { generatePassword, hashPassword, verifyPassword } from './passwords.js';
import { userRoles } from './permissions.js';
import type { Principal } from './principal.js';
import { endUserSessions } from './sessions.js';
import { revokeTokensCreatedBy } from './tokens.js';

const messages = {
  taken: (name: string) => `A user named "${name}" already exists`,
  notFound: (ref: UserRef) => ('id' in ref ? `User ${ref.id}` : `User "${ref.username}"`),
  notAPerson: 'Only a signed-in person has a password to change',
  wrongPassword: 'The current password is wrong',
  self: 'You cannot disable your own account',
  lastAdmin: (name: string) => `${name} is the last active admin; enable or add another admin first`,
};

/** Changes to accounts go to the log, the app's record of who did what to whom. */
const log = {
  ownPassword: (name: string, ended: number) => `users: ${name} changed their password; ${count(ended, 'other session')} ended`,
  setPassword: (actor: string, name: string, ended: number) => `users: ${actor} set a new password for ${name}; ${count(ended, 'session')} ended`,
  disabled: (actor: string, name: string, ended: number, revoked: number) =>
    `users: ${actor} disabled ${name}; ${count(ended, 'session')} ended, ${count(revoked, 'API token')} revoked`,
  enabled: (actor: string, name: string) => `users: ${actor} enabled ${name}`,
};

const count = (n: number, thing: string) => `${n} ${thing}${n === 1 ? '' : 's'}`;

const passwordSchema = z.string().min(10, 'password must have at least 10 characters').max(200, 'password must have at most 200 characters');

export const newUserSchema = z.object({
  username: z
    .string()
    .trim()
    .min(2, 'username must have at least 2 characters')
    .max(64, 'username must have at most 64 characters')
    .regex(/^[\p{L}\p{N}._-]+$/u, 'username may contain letters, digits, dot, dash and underscore'),
  password: passwordSchema,
  role: z.enum(userRoles, { message: `role must be one of ${userRoles.join(', ')}` }),
});
export type NewUser = z.input<typeof newUserSchema>;

export type PublicUser = Pick<UserRow, 'id' | 'username' | 'role' | 'created_at' | 'disabled_at'>;

export async function createUser(db: Db, input: NewUser): Promise<PublicUser> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues.map((i) => i.message).join('; '));
  const { username, password, role } = parsed.data;
  const existing = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (existing) throw new ConflictError(messages.taken(username), 'username_taken');
  const row = await db
    .insertInto('users')
    .values({ username, password_hash: await hashPassword(password), role, created_at: now(), disabled_at: null })
    .returning(['id', 'username', 'role', 'created_at', 'disabled_at'])
    .executeTakeFirstOrThrow();
  return row;
}

export function listUsers(db: Db): Promise<PublicUser[]> {
  return db.selectFrom('users').select(['id', 'username', 'role', 'created_at', 'disabled_at']).orderBy('username').execute();
}

/** The user when the name and password are right and the account is active; null otherwise (never says which was wrong). */
export async function authenticate(db: Db, username: string, password: string): Promise<PublicUser | null> {
  const user = await db.selectFrom('users').selectAll().where('username', '=', username.trim()).executeTakeFirst();
  if (!user || user.disabled_at) {
    // Hash anyway so timing does not reveal whether the name exists.
    await hashPassword(password);
    return null;
  }
  if (!(await verifyPassword(password, user.password_hash))) return null;
  const { password_hash: _omit, ...rest } = user;
  return rest;
}

/** On a first start with no users, creates `admin` with a random password and returns it (shown once). */
export async function ensureInitialAdmin(db: Db): Promise<{ username: string; password: string } | null> {
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const password = generatePassword();
  await createUser(db, { username: 'admin', password, role: 'admin' });
  return { username: 'admin', password };
}

/** A user by id (pages) or by name (the CLI). */
export type UserRef = { id: number } | { username: string };

type Ctx = Pick<AppContext, 'db' | 'logger'>;

async function findUser(db: Db, ref: UserRef): Promise<UserRow> {
  const query = db.selectFrom('users').selectAll();
  const user = await ('id' in ref ? query.where('id', '=', ref.id) : query.where('username', '=', ref.username.trim())).executeTakeFirst();
  if (!user) throw new NotFoundError(messages.notFound(ref));
  return user;
}

function newPassword(password: string): Promise<string> {
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues.map((i) => i.message).join('; '), 'invalid_password');
  return hashPassword(parsed.data);
}

const publicUser = ({ password_hash: _omit, ...rest }: UserRow): PublicUser => rest;

/**
 * A signed-in person changes their own password, proving they know the current one. Their other
 * sessions end (someone else may hold one); `keepSessionId`, the session making the change, stays.
 */
export async function changeOwnPassword(ctx: Ctx, principal: Principal, input: { current: string; password: string }, keepSessionId: string): Promise<void> {
  if (principal.kind !== 'user' || principal.userId === null) throw new ForbiddenError(messages.notAPerson);
  const user = await findUser(ctx.db, { id: principal.userId });
  const hash = await newPassword(input.password);
  if (!(await verifyPassword(input.current, user.password_hash))) throw new InvalidInputError(messages.wrongPassword, 'wrong_password');
  const ended = await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', user.id).execute();
    return endUserSessions(trx, user.id, keepSessionId);
  });
  ctx.logger.info(log.ownPassword(user.username, ended));
}

/** An admin (or the console) gives a user a new password, say after it leaked: every session of that user ends but `keepSessionId`. */
export async function setUserPassword(ctx: Ctx, ref: UserRef, password: string, actor: Principal, keepSessionId?: string): Promise<PublicUser> {
  const hash = await newPassword(password);
  const { user, ended } = await ctx.db.transaction().execute(async (trx) => {
    const user = await findUser(trx, ref);
    await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', user.id).execute();
    return { user, ended: await endUserSessions(trx, user.id, keepSessionId) };
  });
  ctx.logger.info(log.setPassword(actor.name, user.username, ended));
  return publicUser(user);
}

/**
 * Cuts a user off: no sign-in, their sessions end, and the API tokens they created are revoked
 * (for good: whoever held the password may have made them). Nobody disables themselves, and the
 * last active admin stays, so someone can always manage users.
 */
export async function disableUser(ctx: Ctx, ref: UserRef, actor: Principal): Promise<PublicUser> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const user = await findUser(trx, ref);
    if (actor.kind === 'user' && actor.userId === user.id) throw new ConflictError(messages.self, 'cannot_disable_self');
    if (user.disabled_at) return { user, changed: false, ended: 0, revoked: 0 };
    if (user.role === 'admin') {
      const other = await trx
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .where('disabled_at', 'is', null)
        .where('id', '!=', user.id)
        .executeTakeFirst();
      if (!other) throw new ConflictError(messages.lastAdmin(user.username), 'last_admin');
    }
    const disabled_at = now();
    await trx.updateTable('users').set({ disabled_at }).where('id', '=', user.id).execute();
    const ended = await endUserSessions(trx, user.id);
    const revoked = await revokeTokensCreatedBy(trx, user.id);
    return { user: { ...user, disabled_at }, changed: true, ended, revoked };
  });
  if (result.changed) ctx.logger.info(log.disabled(actor.name, result.user.username, result.ended, result.revoked));
  return publicUser(result.user);
}

/** Lets a disabled user sign in again; the tokens revoked when they were disabled stay revoked. */
export async function enableUser(ctx: Ctx, ref: UserRef, actor: Principal): Promise<PublicUser> {
  const user = await findUser(ctx.db, ref);
  if (!user.disabled_at) return publicUser(user);
  await ctx.db.updateTable('users').set({ disabled_at: null }).where('id', '=', user.id).execute();
  ctx.logger.info(log.enabled(actor.name, user.username));
  return publicUser({ ...user, disabled_at: null });
}
