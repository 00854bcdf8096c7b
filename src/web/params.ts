import type { Request } from 'express';
import { BadRequestError } from '../errors.js';

/** Decimal digits without sign, spaces or leading zeros: `0x10`, `1e0` and ` 1` are not ids, though Number() reads them as numbers. */
const decimal = /^[1-9][0-9]*$/;

/** A positive whole number from a path, form field or query value (a string of decimal digits, or a number from JSON), or 400 naming it. */
export function positiveInt(raw: unknown, name: string): number {
  const value = typeof raw === 'string' && decimal.test(raw) ? Number(raw) : typeof raw === 'number' ? raw : NaN;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new BadRequestError(`${name} must be a positive whole number, not ${JSON.stringify(raw) ?? 'nothing'}`);
  }
  return value;
}

/** A positive integer route parameter, or 400 naming it. */
export function idParam(req: Request, name: string): number {
  return positiveInt(req.params[name], name);
}
