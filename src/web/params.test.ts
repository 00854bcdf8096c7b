import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../errors.js';
import { idParam, positiveInt } from './params.js';

const req = (id: unknown) => ({ params: { id } }) as unknown as Request;

describe('idParam', () => {
  it.each([
    ['1', 1],
    ['16', 16],
    ['9007199254740991', 9007199254740991],
  ])('when the id is %j, then it is %d', (raw, value) => {
    expect(idParam(req(raw), 'id')).toBe(value);
  });

  it.each(['0', '-1', '0x10', '1e0', ' 1', '1 ', '\t1', '1\n', '01', '+1', '1.0', '1.', '0b1', '0o1', '١', '', '9007199254740993', 'abc'])(
    'when the id is %j, then it is a 400 naming the parameter',
    (raw) => {
      expect(() => idParam(req(raw), 'id')).toThrow(BadRequestError);
      expect(() => idParam(req(raw), 'id')).toThrow(/^id must be a positive whole number/);
    },
  );
});

describe('positiveInt', () => {
  it('when a value is decimal digits or a whole number, then it is that number', () => {
    expect(positiveInt('3', 'version')).toBe(3);
    expect(positiveInt(3, 'version')).toBe(3);
  });

  it.each([['1'], undefined, null, 1.5, 0, '0x1', '1e0', ' 1'])('when a value is %j, then it is a 400 naming the field', (raw) => {
    expect(() => positiveInt(raw, 'version')).toThrow(/^version must be a positive whole number/);
  });
});
