/**
 * The few error classes the app throws. The one error handler (web/error-handler.ts)
 * maps each to its HTTP status and to `{"error":{"code","message"}}`.
 */
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The request is well-formed but its content is unusable (empty text, not Russian, broken file). */
export class InvalidInputError extends AppError {
  constructor(message: string, code = 'invalid_input', details?: unknown) {
    super(message, 422, code, details);
  }
}

/** The request itself is malformed (bad JSON shape, missing field). */
export class BadRequestError extends AppError {
  constructor(message: string, code = 'bad_request', details?: unknown) {
    super(message, 400, code, details);
  }
}

/** The request, or what its file unpacks to, is larger than Tandem accepts; `code` names the limit (zip_inflated_too_large). */
export class PayloadTooLargeError extends AppError {
  constructor(message: string, code = 'payload_too_large', details?: unknown) {
    super(message, 413, code, details);
  }
}

export class UnsupportedFormatError extends AppError {
  constructor(message: string) {
    super(message, 415, 'unsupported_format');
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super(`${what} not found`, 404, 'not_found');
  }
}

/** The change collides with the current state: a stale version, an unconfirmed segment, an approved document. */
export class ConflictError extends AppError {
  constructor(message: string, code = 'conflict', details?: unknown) {
    super(message, 409, code, details);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in or send a valid API token') {
    super(message, 401, 'unauthenticated');
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Your role does not allow this') {
    super(message, 403, 'forbidden');
  }
}

/** Too much work is already waiting (the worker pool's queue is full); the client should retry later. */
export class BusyError extends AppError {
  constructor(message: string) {
    super(message, 503, 'busy');
  }
}

/** A state-changing browser request that may not come from Tandem's own pages: no valid CSRF token, or sent from another origin. */
export class ForgedRequestError extends AppError {
  constructor(message: string, code: 'csrf_invalid' | 'cross_origin') {
    super(message, 403, code);
  }
}

/** The caller tried too often in too short a time (password guessing); `Retry-After` says when to try again. */
export class TooManyRequestsError extends AppError {
  constructor(message: string) {
    super(message, 429, 'too_many_requests');
  }
}
