import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The common part of the providers' stand-ins: a node:http server on 127.0.0.1, port 0, that
 * records every request and can be told to fail the next requests in given ways.
 */

/** A failure to inject into the next request that reaches a failing route (`on`: a path prefix). */
export type Failure = { on?: string } & (
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Accepts the request and never answers: the client's timeout must fire. */
  | { kind: 'hang' }
  /** 200 with a body that is not JSON. */
  | { kind: 'malformed' }
  /** 200 with one translation fewer than asked for. */
  | { kind: 'wrong_count' }
  /** 200, but the protected term markup (and the term in it) is dropped from every translation. */
  | { kind: 'drop_markup' }
  /** 200, but a model wraps its answer in prose (chat-completions servers only). */
  | { kind: 'commentary' }
);

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What a provider's route does with a request; `failure` is an injected one it must act out (wrong_count, drop_markup). */
export type Handler = (req: RecordedRequest, failure: Failure | undefined) => Reply | undefined;

export interface FakeServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Requests whose path starts with `prefix`. */
  count(prefix: string): number;
  /** Queues failures, consumed in order by the next requests to matching routes. */
  fail(...failures: Failure[]): void;
  /** Forgets recorded requests and queued failures. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts a server; `failingRoute` is the path prefix failures apply to when they name none. */
export async function startFakeServer(handler: Handler, failingRoute: string): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  let failures: Failure[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: decodeURIComponent(url.pathname),
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const index = failures.findIndex((f) => recorded.path.startsWith(f.on ?? failingRoute));
      const failure = index >= 0 ? failures.splice(index, 1)[0] : undefined;
      if (failure?.kind === 'hang') return;
      if (failure?.kind === 'status') {
        send(res, { status: failure.status, body: failure.body ?? { message: `injected ${failure.status}` }, headers: failure.headers });
        return;
      }
      if (failure?.kind === 'malformed') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"translations": [ {"text": "cut off');
        return;
      }
      let reply: Reply | undefined;
      try {
        reply = handler(recorded, failure);
      } catch (err) {
        reply = { status: 500, body: { message: String(err) } };
      }
      send(res, reply ?? { status: 404, body: { message: `no route ${recorded.method} ${recorded.path}` } });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    count: (prefix) => requests.filter((r) => r.path.startsWith(prefix)).length,
    fail: (...more) => {
      failures.push(...more);
    },
    reset: () => {
      requests.length = 0;
      failures = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Hung requests keep their sockets open: close them, or close() waits forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, reply: Reply): void {
  const status = reply.status ?? 200;
  if (reply.body === undefined || status === 204) {
    res.writeHead(status, reply.headers).end();
    return;
  }
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers }).end(text);
}

/**
 * The stand-ins' deterministic "translation": `EN(<text>)`, leaving markup exactly as sent, as a
 * provider leaves ignored tags. With `dropMarkup` it loses the protected spans, term and all.
 */
export function fakeTranslate(text: string, options: { dropMarkup?: RegExp } = {}): string {
  const kept = options.dropMarkup ? text.replace(options.dropMarkup, '').replace(/\s{2,}/g, ' ') : text;
  return `EN(${kept})`;
}
