import { describe, expect, it } from 'vitest';
import { safeNext } from './next-path.js';

describe('safeNext', () => {
  it.each([
    ['/', '/'],
    ['/documents/3', '/documents/3'],
    ['/documents/3?notice=approved#s4', '/documents/3?notice=approved#s4'],
    ['/glossary?q=%D0%B1%D0%B0%D0%BA%D1%83', '/glossary?q=%D0%B1%D0%B0%D0%BA%D1%83'],
  ])('when next is the same-site path %j, then it is kept as %j', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  it.each([
    '//evil.example/path',
    '/\\evil.example/path',
    '\\\\evil.example/path',
    '\\evil.example',
    '/%5Cevil.example/path',
    '/%5cevil.example',
    '/%2F/evil.example',
    'https://evil.example/',
    'HTTPS://evil.example/',
    'javascript:alert(1)',
    ' javascript:alert(1)',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    '/ /evil.example',
    '///evil.example',
    'evil.example',
    '',
    '/%0d%0aSet-Cookie:x=1',
    '/\u0000',
  ])('when next is %j, then it falls back to /', (next) => {
    expect(safeNext(next)).toBe('/');
  });

  it.each([undefined, null, ['/documents'], { a: 1 }, 3])('when next is not a string (%j), then it is /', (next) => {
    expect(safeNext(next)).toBe('/');
  });
});
