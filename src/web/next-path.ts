const base = new URL('http://tandem.invalid/');

/** Whitespace, controls and backslashes: browsers drop or rewrite them, turning `/\host` or `/<tab>/host` into `//host`. */
const risky = /[\s\u0000-\u001f\u007f\\]/;

/**
 * Where to go after sign-in: `next` when it is a path on this site, `/` otherwise. A path must
 * start with one slash and hold nothing a browser could read as another host, even once decoded.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || risky.test(next)) return '/';
  const path = next.split(/[?#]/, 1)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return '/';
  }
  // A proxy or another app that decodes before redirecting would otherwise see `//host` or `/\host`.
  if (decoded.includes('//') || risky.test(decoded)) return '/';
  return new URL(next, base).origin === base.origin ? next : '/';
}
