import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { decodeText, looksGarbled } from './decode.js';

/** A single-byte encoder built by inverting the decoder over 0x80–0xFF; characters it lacks become "?". */
function encoderFor(encoding: string): (text: string) => Buffer {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return (text) => Buffer.from([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : table.get(ch) ?? 0x3f)));
}
const cp1251 = encoderFor('windows-1251');
const koi8r = encoderFor('koi8-r');

const russian =
  'Правительство утвердило программу развития северных портов. Строительство начнётся весной, ' +
  'а первые причалы примут суда через два года, сообщили в министерстве транспорта.';

function decodeError(bytes: Uint8Array, encoding?: 'utf-8' | 'windows-1251'): InvalidInputError {
  try {
    decodeText(bytes, encoding);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('decodeText did not throw');
}

describe('decodeText', () => {
  it('when the bytes are UTF-8, then they decode as UTF-8', () => {
    expect(decodeText(Buffer.from(russian, 'utf8'))).toBe(russian);
  });

  it('when UTF-8 starts with a BOM, then the BOM is stripped', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(russian)]))).toBe(russian);
  });

  it('when the text is UTF-16 LE with a BOM, then it decodes without the BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(russian, 'utf16le')]))).toBe(russian);
  });

  it('when the text is UTF-16 BE with a BOM, then it decodes without the BOM', () => {
    const le = Buffer.from(`\ufeff${russian}`, 'utf16le');
    expect(decodeText(Buffer.from(le).swap16())).toBe(russian);
  });

  it('when the bytes are Windows-1251, then they decode as Windows-1251', () => {
    // "Привет, мир" written out byte by byte, to check the encoder used below.
    expect(cp1251('Привет, мир')).toEqual(Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xec, 0xe8, 0xf0]));
    expect(decodeText(cp1251(russian))).toBe(russian);
  });

  it('when the uploader names Windows-1251 for a UTF-8 file, then it is used, and the garbled result is undecodable', () => {
    expect(decodeError(Buffer.from(russian, 'utf8'), 'windows-1251').code).toBe('undecodable');
  });

  it('when the uploader names Windows-1251 for a Windows-1251 file, then it decodes', () => {
    expect(decodeText(cp1251(russian), 'windows-1251')).toBe(russian);
  });

  it('when the uploader names UTF-8 but the bytes are Windows-1251, then it is undecodable', () => {
    expect(decodeError(cp1251(russian), 'utf-8').code).toBe('undecodable');
  });

  it('when the bytes contain NUL, then they are binary data', () => {
    const error = decodeError(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    expect(error.code).toBe('binary_data');
    expect(error.status).toBe(422);
  });

  it('when the text is full of control characters, then it is binary data', () => {
    const bytes = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 5 === 0 ? 0x03 : 0x41 + (i % 26))));
    expect(decodeError(bytes).code).toBe('binary_data');
  });

  it('when a long text has one stray control character, then it still decodes', () => {
    expect(decodeText(Buffer.from(`${russian}\u0007`, 'utf8'))).toContain('Правительство');
  });

  it('when the bytes are KOI8-R (read as Windows-1251), then it is undecodable with advice to save as UTF-8', () => {
    const error = decodeError(koi8r(russian));
    expect(error.code).toBe('undecodable');
    expect(error.message).toContain('UTF-8');
  });

  it('when UTF-8 was read as Windows-1251 and saved again (double-encoded), then it is undecodable', () => {
    const doubleEncoded = new TextDecoder('windows-1251').decode(Buffer.from(russian, 'utf8'));
    expect(decodeError(Buffer.from(doubleEncoded, 'utf8')).code).toBe('undecodable');
  });

  it('when the text is short KOI8-R, then its case-swapped words give it away', () => {
    expect(looksGarbled(new TextDecoder('windows-1251').decode(koi8r('Москва Казань Самара Тверь Омск Пермь Уфа Сочи')))).toBe(true);
  });

  it('when the text is an ordinary Russian one in capitals or with brand names, then it is not garbled', () => {
    expect(looksGarbled(russian.toUpperCase())).toBe(false);
    expect(looksGarbled(`${russian} МосГорТранс и СберБанк подписали соглашение.`)).toBe(false);
  });

  it('when the text is mostly English, then the garbling check leaves it to the language check', () => {
    expect(looksGarbled(`The minister said the ports would reopen. ${'Ъ'.repeat(5)} Щукин and Жуков agreed.`)).toBe(false);
  });
});
