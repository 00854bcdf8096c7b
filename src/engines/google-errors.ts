import { EngineError, type EngineFailure } from './engine.js';
import { parseRetryAfter } from './retry.js';

const messages = {
  quota: (provider: string, detail: string) => `${provider} quota used up: ${detail}`,
  rateLimited: (provider: string, detail: string) => `${provider} is rate-limiting requests: ${detail}`,
  notConfigured: (provider: string, detail: string) => `${provider} refused the credentials or project: ${detail}`,
  unavailable: (provider: string, detail: string) => `${provider} did not answer usably: ${detail}`,
  badResponse: (provider: string, detail: string) => `${provider} sent an unusable reply: ${detail}`,
  badRequest: (provider: string, detail: string) => `${provider} refused the request: ${detail}`,
};

/** gRPC status codes that gax may report instead of an HTTP status. */
const grpc = { INVALID_ARGUMENT: 3, DEADLINE_EXCEEDED: 4, NOT_FOUND: 5, PERMISSION_DENIED: 7, RESOURCE_EXHAUSTED: 8, INTERNAL: 13, UNAVAILABLE: 14, UNAUTHENTICATED: 16 };

/** Per-minute limits pass; a daily or billing limit does not, so the job must stop. */
const rateText = /rate limit|per minute|per 100 seconds|rateLimitExceeded|too many requests/i;
const quotaText = /daily limit|per day|dailyLimitExceeded|billing|quota/i;
const dailyText = /daily|per day|billing/i;

/**
 * Google's errors (v3 GaxiosError or GoogleError, v2 ApiError, network errors) as EngineErrors:
 * 403/429 quota messages ("Daily Limit Exceeded", "User Rate Limit Exceeded", RESOURCE_EXHAUSTED)
 * become quota_exceeded or rate_limited, keys and permissions not_configured, 5xx and network
 * failures unavailable, unparseable replies bad_response.
 */
export function mapGoogleError(engine: string, provider: string, err: unknown): unknown {
  if (err instanceof EngineError || !(err instanceof Error)) return err;
  if (err instanceof SyntaxError) return new EngineError(engine, 'bad_response', messages.badResponse(provider, err.message));
  const e = err as Error & { status?: unknown; code?: unknown; errors?: unknown; response?: { status?: number; headers?: unknown } };
  const httpStatus = numberOr(e.status) ?? numberOr(e.response?.status) ?? (numberOr(e.code) !== undefined && numberOr(e.code)! >= 100 ? numberOr(e.code) : undefined);
  const grpcCode = httpStatus === undefined ? numberOr(e.code) : undefined;
  const detail = describe(e);
  const retryAfterMs = parseRetryAfter(header(e.response?.headers, 'retry-after'));
  const make = (failure: EngineFailure, text: string) => new EngineError(engine, failure, text, failure === 'rate_limited' ? retryAfterMs : undefined);

  const text = `${detail} ${reasons(e)}`;
  const forbidden = httpStatus === 403 || grpcCode === grpc.PERMISSION_DENIED;
  if (httpStatus === 429 || grpcCode === grpc.RESOURCE_EXHAUSTED || (forbidden && (rateText.test(text) || quotaText.test(text)))) {
    // A daily or billing limit will not pass by retrying; a per-minute one will. A bare 403 quota error is the former.
    if (!rateText.test(text) && (dailyText.test(text) || forbidden)) return make('quota_exceeded', messages.quota(provider, detail));
    return make('rate_limited', messages.rateLimited(provider, detail));
  }
  if (httpStatus === 401 || httpStatus === 403 || httpStatus === 404 || /API key not valid/i.test(detail)) return make('not_configured', messages.notConfigured(provider, detail));
  if (grpcCode === grpc.UNAUTHENTICATED || grpcCode === grpc.PERMISSION_DENIED || grpcCode === grpc.NOT_FOUND) return make('not_configured', messages.notConfigured(provider, detail));
  if (httpStatus === 400 || grpcCode === grpc.INVALID_ARGUMENT) return make('bad_response', messages.badRequest(provider, detail));
  if (httpStatus !== undefined && httpStatus < 500 && httpStatus !== 408) return make('bad_response', messages.badResponse(provider, detail));
  // 5xx, 408, gRPC UNAVAILABLE/DEADLINE_EXCEEDED/INTERNAL, and network errors without a status.
  return make('unavailable', messages.unavailable(provider, detail));
}

/** The provider's own message: v3 sends the JSON error body as the message text, v2 lists them in `errors`. */
function describe(e: Error & { errors?: unknown }): string {
  if (e.message.startsWith('Multiple errors') && Array.isArray(e.errors)) {
    const listed = e.errors.map((x: { message?: string }) => x?.message).filter(Boolean);
    if (listed.length > 0) return listed.join('; ');
  }
  try {
    const body = JSON.parse(e.message) as { error?: { message?: string; status?: string } };
    if (body.error?.message) return [body.error.status, body.error.message].filter(Boolean).join(': ');
  } catch {
    // Not JSON: the message is already text.
  }
  return e.message.split('\n')[0]!.slice(0, 300);
}

function reasons(e: { errors?: unknown }): string {
  if (!Array.isArray(e.errors)) return '';
  return e.errors.map((x: { reason?: string; message?: string }) => `${x?.reason ?? ''} ${x?.message ?? ''}`).join(' ');
}

function header(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

function numberOr(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
