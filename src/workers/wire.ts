/** What crosses from a worker back to the main thread. */
export type TaskReply = { ok: true; value: unknown } | { ok: false; error: WireError };

export type WireError =
  | { kind: 'app'; name: string; status: number; code: string; message: string; details?: unknown }
  | { kind: 'stack'; message: string }
  | { kind: 'other'; message: string };
