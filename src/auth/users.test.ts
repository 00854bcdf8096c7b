import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../boot.js';
import { loadConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Principal } from './principal.js';
import { createSession, principalForSession } from './sessions.js';
import { createToken, principalForToken } from './tokens.js';
import { authenticate, changeOwnPassword, createUser, disableUser, enableUser, setUserPassword } from './users.js';

let ctx: AppContext;
let logged: string[];
let ids: Record<'boss' | 'maria' | 'ivan', number>;

const asPrincipal = (name: keyof typeof ids, role: Principal['role']): Principal => ({ kind: 'user', userId: ids[name], name, role });
const cli: Principal = { kind: 'user', userId: null, name: 'cli', role: 'admin' };
const sessionCount = async (userId: number) =>
  (await ctx.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).length;

beforeEach(async () => {
  logged = [];
  const logger: Logger = { error: () => {}, warn: () => {}, debug: () => {}, info: (m) => logged.push(m) };
  const config = loadConfig({ TANDEM_DATA_DIR: ':memory:', LOG_LEVEL: 'error' });
  ctx = await createContext(config, { databaseFile: ':memory:', logger });
  ids = {
    boss: (await createUser(ctx.db, { username: 'boss', password: 'boss-password-1', role: 'admin' })).id,
    maria: (await createUser(ctx.db, { username: 'maria', password: 'maria-password-1', role: 'editor' })).id,
    ivan: (await createUser(ctx.db, { username: 'ivan', password: 'ivan-password-1', role: 'translator' })).id,
  };
  logged = [];
});
afterEach(async () => {
  await ctx.db.destroy();
});

describe('changeOwnPassword', () => {
  it('when the current password is right, then the new one works, the old one does not, and only this session survives', async () => {
    const here = await createSession(ctx.db, ids.maria, 12);
    const elsewhere = await createSession(ctx.db, ids.maria, 12);
    const others = await createSession(ctx.db, ids.ivan, 12);
    const hereId = (await principalForSession(ctx.db, here.token, 12))!.sessionId;

    await changeOwnPassword(ctx, asPrincipal('maria', 'editor'), { current: 'maria-password-1', password: 'maria-password-2' }, hereId);

    expect(await authenticate(ctx.db, 'maria', 'maria-password-1')).toBeNull();
    expect(await authenticate(ctx.db, 'maria', 'maria-password-2')).toMatchObject({ username: 'maria' });
    expect(await principalForSession(ctx.db, here.token, 12)).toMatchObject({ name: 'maria' });
    expect(await principalForSession(ctx.db, elsewhere.token, 12)).toBeNull();
    expect(await principalForSession(ctx.db, others.token, 12)).toMatchObject({ name: 'ivan' });
    expect(logged).toEqual(['users: maria changed their password; 1 other session ended']);
  });

  it('when the current password is wrong, then nothing changes and no session ends', async () => {
    await createSession(ctx.db, ids.maria, 12);
    const change = changeOwnPassword(ctx, asPrincipal('maria', 'editor'), { current: 'wrong-password', password: 'maria-password-2' }, 'none');
    await expect(change).rejects.toThrow(InvalidInputError);
    await expect(change).rejects.toThrow('The current password is wrong');
    expect(await authenticate(ctx.db, 'maria', 'maria-password-1')).not.toBeNull();
    expect(await sessionCount(ids.maria)).toBe(1);
    expect(logged).toEqual([]);
  });

  it('when the new password is too short, then it is refused before anything changes', async () => {
    await expect(changeOwnPassword(ctx, asPrincipal('maria', 'editor'), { current: 'maria-password-1', password: 'short' }, 'none')).rejects.toThrow(
      'password must have at least 10 characters',
    );
    expect(await authenticate(ctx.db, 'maria', 'maria-password-1')).not.toBeNull();
  });
});

describe('setUserPassword', () => {
  it('when an admin sets a user a new password, then it works and every session of that user ends', async () => {
    await createSession(ctx.db, ids.ivan, 12);
    await createSession(ctx.db, ids.ivan, 12);
    await setUserPassword(ctx, { username: 'ivan' }, 'ivan-password-2', asPrincipal('boss', 'admin'));
    expect(await authenticate(ctx.db, 'ivan', 'ivan-password-2')).not.toBeNull();
    expect(await authenticate(ctx.db, 'ivan', 'ivan-password-1')).toBeNull();
    expect(await sessionCount(ids.ivan)).toBe(0);
    expect(logged).toEqual(['users: boss set a new password for ivan; 2 sessions ended']);
  });

  it('when the user does not exist, then it is not found', async () => {
    await expect(setUserPassword(ctx, { username: 'nobody' }, 'some-password-1', cli)).rejects.toThrow(NotFoundError);
    await expect(setUserPassword(ctx, { username: 'nobody' }, 'some-password-1', cli)).rejects.toThrow('User "nobody" not found');
  });
});

describe('disableUser and enableUser', () => {
  it('when a user is disabled, then they cannot sign in, their sessions end and the API tokens they created stop working', async () => {
    const session = await createSession(ctx.db, ids.boss, 12);
    const theirs = await createToken(ctx.db, { name: 'made by boss', role: 'editor' }, ids.boss);
    const someoneElses = await createToken(ctx.db, { name: 'made by maria', role: 'publisher' }, ids.maria);
    const console_ = await createToken(ctx.db, { name: 'made at the console', role: 'publisher' });
    // Two active admins, so one may go.
    await createUser(ctx.db, { username: 'deputy', password: 'deputy-password-1', role: 'admin' });
    logged = [];

    const user = await disableUser(ctx, { id: ids.boss }, cli);

    expect(user.disabled_at).not.toBeNull();
    expect(await authenticate(ctx.db, 'boss', 'boss-password-1')).toBeNull();
    expect(await principalForSession(ctx.db, session.token, 12)).toBeNull();
    expect(await sessionCount(ids.boss)).toBe(0);
    expect(await principalForToken(ctx.db, theirs.token)).toBeNull();
    expect(await principalForToken(ctx.db, someoneElses.token)).toMatchObject({ name: 'made by maria' });
    expect(await principalForToken(ctx.db, console_.token)).toMatchObject({ name: 'made at the console' });
    expect(logged).toEqual(['users: cli disabled boss; 1 session ended, 1 API token revoked']);

    await enableUser(ctx, { id: ids.boss }, cli);
    expect(await authenticate(ctx.db, 'boss', 'boss-password-1')).toMatchObject({ username: 'boss', disabled_at: null });
    // Re-enabling does not bring back a token that may have been made by whoever held the password.
    expect(await principalForToken(ctx.db, theirs.token)).toBeNull();
    expect(logged.at(-1)).toBe('users: cli enabled boss');
  });

  it('when an admin tries to disable themselves, then it is refused', async () => {
    await createUser(ctx.db, { username: 'deputy', password: 'deputy-password-1', role: 'admin' });
    const attempt = disableUser(ctx, { id: ids.boss }, asPrincipal('boss', 'admin'));
    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(attempt).rejects.toThrow('You cannot disable your own account');
    expect(await authenticate(ctx.db, 'boss', 'boss-password-1')).not.toBeNull();
  });

  it('when the user is the last active admin, then disabling is refused', async () => {
    const deputy = await createUser(ctx.db, { username: 'deputy', password: 'deputy-password-1', role: 'admin' });
    await disableUser(ctx, { id: deputy.id }, cli);
    const attempt = disableUser(ctx, { username: 'boss' }, cli);
    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(attempt).rejects.toThrow('boss is the last active admin; enable or add another admin first');
    expect(await authenticate(ctx.db, 'boss', 'boss-password-1')).not.toBeNull();
  });

  it('when a user who is not an admin is disabled, then the admins do not matter', async () => {
    await expect(disableUser(ctx, { username: 'ivan' }, asPrincipal('boss', 'admin'))).resolves.toMatchObject({ username: 'ivan' });
    expect(await authenticate(ctx.db, 'ivan', 'ivan-password-1')).toBeNull();
  });
});
