import type { TestServer } from '../api/harness.js';
import { probeHealthWhile } from '../fixtures/health-probe.js';

/** What must be unchanged after a refused request: nothing stored, nothing queued. */
export async function storedCounts(t: TestServer): Promise<Record<string, number>> {
  const tables = ['documents', 'segments', 'jobs', 'glossary_entries', 'glossary_history'] as const;
  const out: Record<string, number> = {};
  for (const table of tables) {
    const row = await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

/**
 * Sends a request while probing GET /healthz every 20 ms until its answer is read; returns the
 * response and the longest any probe waited (see probeHealthWhile for how waits are counted).
 */
export async function sendWhileProbing(t: TestServer, send: () => Promise<Response>): Promise<{ res: Response; body: unknown; slowestProbeMs: number; probes: number }> {
  const answered = (async () => {
    const res = await send();
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // A page, not JSON: the caller checks the status.
    }
    return { res, body };
  })();
  const waits = await probeHealthWhile(t.url, answered);
  return { ...(await answered), slowestProbeMs: Math.max(0, ...waits), probes: waits.length };
}

export function multipart(field: string, bytes: Buffer, filename: string, extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  form.set(field, new Blob([new Uint8Array(bytes)]), filename);
  return form;
}
