import type { ErrorRequestHandler, Response } from 'express';
import { MulterError } from 'multer';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';

interface HttpLikeError {
  status?: number;
  statusCode?: number;
  type?: string;
  code?: string;
  message?: string;
}

/** Maps any error to {status, code, message}: typed AppErrors as declared, library errors by their markers, the rest as 500. */
export function describeError(err: unknown, maxUploadMb: number): { status: number; code: string; message: string; details?: unknown } {
  if (err instanceof AppError) return { status: err.status, code: err.code, message: err.message, details: err.details };
  if (err instanceof MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE') return { status: 413, code: 'payload_too_large', message: `The file is larger than ${maxUploadMb} MB` };
    return { status: 400, code: 'bad_upload', message: `Upload rejected: ${err.message}` };
  }
  const e = (err ?? {}) as HttpLikeError;
  if (e.type === 'entity.parse.failed') return { status: 400, code: 'bad_json', message: 'The request body is not valid JSON' };
  if (e.type === 'entity.too.large') return { status: 413, code: 'payload_too_large', message: `The request is larger than ${maxUploadMb} MB` };
  const status = e.status ?? e.statusCode;
  if (status === 404) return { status, code: 'not_found', message: e.message ?? 'Not found' };
  if (status && status >= 400 && status < 500) return { status, code: 'bad_request', message: e.message ?? 'Bad request' };
  return { status: 500, code: 'internal', message: 'Something went wrong on the server; the error was logged' };
}

/**
 * The one error handler: JSON `{"error":{code,message}}` for the API, an error page for browsers.
 * Nothing reaches Express's own handler, which would show the stack outside production: when the
 * error page itself cannot be rendered, the message goes out as plain text.
 */
export function errorHandler(logger: Logger, maxUploadMb: number): ErrorRequestHandler {
  const plainText = (res: Response, status: number, message: string) => {
    if (!res.headersSent) res.status(status).type('text/plain').send(`${message}\n`);
  };
  return (err, req, res, _next) => {
    const { status, code, message, details } = describeError(err, maxUploadMb);
    if (status >= 500) logger.error(`${req.method} ${req.originalUrl} failed`, err);
    if (res.headersSent) return;
    try {
      if (req.originalUrl.startsWith('/api/') || req.accepts(['html', 'json']) === 'json') {
        res.status(status).json({ error: { code, message, ...(details === undefined ? {} : { details }) } });
        return;
      }
      res.status(status).render('error', { title: 'Error', status, message }, (renderError: Error | null, html?: string) => {
        if (!renderError) return void res.send(html);
        logger.error(`The error page for ${req.method} ${req.originalUrl} failed to render`, renderError);
        plainText(res, status, message);
      });
    } catch (failure) {
      logger.error(`The error response for ${req.method} ${req.originalUrl} failed`, failure);
      plainText(res, status, message);
    }
  };
}
