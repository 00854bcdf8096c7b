import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postLogin } from './browser-session.js';
import { startTestServer, type TestServer } from './harness.js';

// The test talks to the server directly from 127.0.0.1, standing in for one reverse proxy that
// appends the address it saw to X-Forwarded-For.
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ TANDEM_TRUST_PROXY: '1' });
});
afterAll(async () => {
  await t.close();
});

describe('sign-in rate limits behind a proxy', () => {
  it('when a client forges a different left-most X-Forwarded-For on every attempt, then its 21st attempt is refused and another client is not', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 21; i++) {
      // A distinct unknown user each time, so only the per-address limit can apply.
      const res = await postLogin(t, { username: `guess-${i}`, password: 'wrong-password' }, { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.9` });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses[20]).toBe(429);

    const other = await postLogin(t, { username: 'guess-x', password: 'wrong-password' }, { 'x-forwarded-for': '198.51.100.1, 203.0.113.10' });
    expect(other.status).toBe(401);
  });

  it('when one account gets 10 wrong passwords from 10 addresses, then even the right password is refused for it, while other accounts sign in', async () => {
    for (let i = 1; i <= 10; i++) {
      const res = await postLogin(t, { username: 'editor', password: 'wrong-password' }, { 'x-forwarded-for': `192.0.2.${i}` });
      expect(res.status).toBe(401);
    }
    const right = await postLogin(t, { username: 'editor', password: t.passwords.editor }, { 'x-forwarded-for': '192.0.2.50' });
    expect(right.status).toBe(429);
    // The same name with other spacing or case is the same account.
    expect((await postLogin(t, { username: ' EDITOR ', password: t.passwords.editor }, { 'x-forwarded-for': '192.0.2.51' })).status).toBe(429);

    const other = await postLogin(t, { username: 'translator', password: t.passwords.translator }, { 'x-forwarded-for': '192.0.2.50' });
    expect(other.status).toBe(302);
  });
});
