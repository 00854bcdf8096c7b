import type { RequestHandler } from 'express';
import multer from 'multer';
import { PayloadTooLargeError } from '../errors.js';

const MB = 1024 * 1024;

const messages = {
  tooLarge: (mb: number) => `The file is larger than ${mb} MB`,
};

/**
 * Parses every multipart body up front, like the JSON and form parsers, so the CSRF guard reads `_csrf`
 * from an upload form the same way as from any other form. One file, in the field `file`, kept in memory;
 * routes that take uploads read `req.file`. A larger file is refused as 413 payload_too_large.
 */
export function multipartBodies(maxUploadMb: number): RequestHandler {
  const parse = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxUploadMb * MB, files: 1, fields: 50 } }).single('file');
  // The whole body may hold the file plus a few small fields; anything declaring more is refused
  // before a byte is buffered, now that bodies are parsed before anyone is known to be signed in.
  const maxBodyMb = maxUploadMb + 1;
  return (req, res, next) => {
    if (req.is('multipart/form-data') && Number(req.get('content-length') ?? 0) > maxBodyMb * MB) throw new PayloadTooLargeError(messages.tooLarge(maxUploadMb));
    parse(req, res, next);
  };
}
