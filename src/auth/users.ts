import { z } from 'zod';
import type { Db } from '../db/database.js';
import { now } from '../db/database.js';
import type { UserRow } from '../db/schema.js';
import { ConflictError, InvalidInputError } from '../errors.js';
import { generatePassword, hashPassword, verifyPassword } from './passwords.js';
import { userRoles } from './permissions.js';

const messages = {
  taken: (name: string) => `A user named "${name}" already exists`,
};

export const newUserSchema = z.object({
  username: z
    .string()
    .trim()
    .min(2, 'username must have at least 2 characters')
    .max(64, 'username must have at most 64 characters')
    .regex(/^[\p{L}\p{N}._-]+$/u, 'username may contain letters, digits, dot, dash and underscore'),
  password: z.string().min(10, 'password must have at least 10 characters').max(200),
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
