import type { Request } from 'express';
import { BadRequestError } from '../errors.js';

/** A positive integer route parameter, or 400 naming it. */
export function idParam(req: Request, name: string): number {
  const raw = req.params[name];
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new BadRequestError(`${name} must be a positive whole number, not "${String(raw)}"`);
  return value;
}
