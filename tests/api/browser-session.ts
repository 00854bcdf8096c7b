import { expect } from 'vitest';
import type { TestServer } from './harness.js';

export interface PageResponse {
  status: number;
  html: string;
  location: string | null;
  headers: Headers;
}

type Fields = Record<string, string> | FormData;

/** A browser without a browser: keeps cookies as one would and remembers the CSRF token of the last page it loaded. */
export interface BrowserSession {
  /** The token from the last page that carried one (meta tag or hidden `_csrf` field). */
  readonly csrf: string;
  cookie(name: string): string | undefined;
  get(path: string, headers?: Record<string, string>): Promise<PageResponse>;
  /** Posts a form; `_csrf` is the remembered token unless `csrf` says otherwise (null leaves it out). */
  post(path: string, fields: Fields, options?: { csrf?: string | null; headers?: Record<string, string> }): Promise<PageResponse>;
  /** Any request with this browser's cookies, nothing added. */
  send(path: string, init: RequestInit): Promise<PageResponse>;
}

export function browserSession(t: TestServer): BrowserSession {
  const cookies = new Map<string, string>();
  let csrf = '';
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attributes] = c.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at);
      const cleared = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (cleared) cookies.delete(name);
      else cookies.set(name, pair!.slice(at + 1));
    }
  };
  const send = async (path: string, init: RequestInit): Promise<PageResponse> => {
    const headers = new Headers(init.headers);
    if (cookies.size) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(t.url + path, { ...init, headers, redirect: 'manual' });
    keep(res);
    const html = await res.text();
    csrf = /<meta name="csrf-token" content="([^"]+)"/.exec(html)?.[1] ?? /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? csrf;
    return { status: res.status, html, location: res.headers.get('location'), headers: res.headers };
  };
  return {
    get csrf() {
      return csrf;
    },
    cookie: (name) => cookies.get(name),
    get: (path, headers = {}) => send(path, { headers }),
    post(path, fields, options = {}) {
      const body = fields instanceof FormData ? fields : new URLSearchParams(fields);
      const token = options.csrf === undefined ? csrf : options.csrf;
      if (token !== null) body.set('_csrf', token);
      return send(path, { method: 'POST', body, headers: options.headers ?? {} });
    },
    send,
  };
}

/**
 * Signs in through the sign-in form, as a person would, and loads the first page so the session's
 * token is at hand. A role name signs in as the harness's user of that role with its password.
 */
export async function signIn(t: TestServer, username: string, password?: string): Promise<BrowserSession> {
  const browser = browserSession(t);
  const login = await postLoginForm(browser, { username, password: password ?? t.passwords[username as keyof TestServer['passwords']] });
  expect(login.status, `sign-in as ${username}`).toBe(302);
  await browser.get(login.location!);
  return browser;
}

/** Loads the sign-in form (for its CSRF token and pre-session cookie) and posts it, without following the redirect. */
async function postLoginForm(browser: BrowserSession, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<PageResponse> {
  await browser.get(`/login?next=${encodeURIComponent(fields.next ?? '/')}`);
  return browser.post('/login', { next: '/', ...fields }, { headers });
}

/** One sign-in attempt from a fresh browser, as the sign-in form sends it; returns the response. */
export async function postLogin(t: TestServer, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<PageResponse> {
  return postLoginForm(browserSession(t), fields, headers);
}
