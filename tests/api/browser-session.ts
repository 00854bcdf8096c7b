import { expect } from 'vitest';
import type { TestServer } from './harness.js';

export interface BrowserSession {
  cookies: Map<string, string>;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; html: string; headers: Headers; location: string | null }>;
  post(path: string, fields: Record<string, string>): Promise<{ status: number; html: string; headers: Headers; location: string | null }>;
}

/** A browser session without a browser: signs in through /login, keeps cookies and the page's CSRF token. */
export async function signIn(t: TestServer, username: string, password: string): Promise<BrowserSession> {
  const cookies = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const login = await fetch(`${t.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password, next: '/' }),
  });
  expect(login.status, `sign-in as ${username}`).toBe(302);
  keep(login);
  let csrf = '';
  const done = async (res: Response) => {
    keep(res);
    const html = await res.text();
    csrf = /<meta name="csrf-token" content="([^"]*)"/.exec(html)?.[1] ?? csrf;
    return { status: res.status, html, headers: res.headers, location: res.headers.get('location') };
  };
  const session: BrowserSession = {
    cookies,
    async get(path, headers = {}) {
      return done(await fetch(t.url + path, { headers: { cookie: header(), ...headers }, redirect: 'manual' }));
    },
    async post(path, fields) {
      if (!csrf) await session.get('/');
      const body = new URLSearchParams({ ...fields, _csrf: csrf });
      return done(await fetch(t.url + path, { method: 'POST', body, headers: { cookie: header() }, redirect: 'manual' }));
    },
  };
  return session;
}

/** Signs in with a form post and returns the response, without following the redirect. */
export function postLogin(t: TestServer, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${t.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
  });
}
