import { describe, expect, it } from 'vitest';
import {
  AppError,
  BadRequestError,
  InvalidInputError,
  PayloadTooLargeError,
  UnsupportedFormatError,
} from '../errors.js';
import { prepareDocument, type PrepareInput } from './prepare.js';

const limits = { maxBytes: 64 * 1024 };

const article = [
  'Порт Мурманска принял рекордный груз',
  '',
  'МУРМАНСК, 2 фев — РИА Новости. Порт впервые обработал миллион тонн угля за месяц, сообщил ген. директор В. П. Сомов.',
  'По его словам, к 2026 г. объём вырастет ещё на треть.',
].join('\n');

async function rejection(input: PrepareInput, maxBytes = limits.maxBytes): Promise<AppError> {
  const error: unknown = await prepareDocument(input, { maxBytes }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (error instanceof AppError) return error;
  throw new Error(`expected an AppError, got ${String(error)}`);
}

describe('prepareDocument', () => {
  it('when Russian text is pasted, then it gives the headline, a dateline and sentences', async () => {
    expect(await prepareDocument({ text: article }, limits)).toEqual({
      title: 'Порт Мурманска принял рекордный груз',
      format: 'text',
      paragraphs: [
        { kind: 'headline', segments: [{ kind: 'headline', source: 'Порт Мурманска принял рекордный груз' }] },
        {
          kind: 'body',
          segments: [
            { kind: 'dateline', source: 'МУРМАНСК, 2 фев — РИА Новости.' },
            {
              kind: 'sentence',
              source: 'Порт впервые обработал миллион тонн угля за месяц, сообщил ген. директор В. П. Сомов.',
            },
          ],
        },
        { kind: 'body', segments: [{ kind: 'sentence', source: 'По его словам, к 2026 г. объём вырастет ещё на треть.' }] },
      ],
    });
  });

  it('when a file is uploaded, then the format is its id', async () => {
    const prepared = await prepareDocument({ bytes: Buffer.from(article), filename: 'port.txt' }, limits);
    expect(prepared.format).toBe('txt');
    expect(prepared.paragraphs).toHaveLength(3);
  });

  it('when a Windows-1251 file is uploaded, with or without naming the encoding, then it decodes', async () => {
    const bytes = encodeSingleByte(article, 'windows-1251');
    for (const encoding of [undefined, 'windows-1251'] as const) {
      const prepared = await prepareDocument({ bytes, filename: 'port.txt', encoding }, limits);
      expect(prepared.title).toBe('Порт Мурманска принял рекордный груз');
    }
  });

  it('when a form sends an empty text box along with the file, then the file is used', async () => {
    const prepared = await prepareDocument({ text: '', bytes: Buffer.from(article), filename: 'port.md' }, limits);
    expect(prepared.format).toBe('md');
  });

  describe('title', () => {
    it('when a title is given, then it wins over the headline', async () => {
      expect((await prepareDocument({ text: article, title: '  Свой   заголовок ' }, limits)).title).toBe('Свой заголовок');
    });

    it('when there is no headline, then the format title is used', async () => {
      const page = Buffer.from('<title>Порт и уголь</title><p>Порт обработал миллион тонн угля.</p>');
      expect((await prepareDocument({ bytes: page, filename: 'page.html' }, limits)).title).toBe('Порт и уголь');
    });

    it('when there is neither, then the title is the first sentence without its period', async () => {
      expect((await prepareDocument({ text: 'Порт обработал уголь. Суда ждут.' }, limits)).title).toBe('Порт обработал уголь');
    });

    it('when the first sentence is long, then the title is cut at a word boundary with "…"', async () => {
      const sentence =
        'БАКУ, 26 ноя — Sputnik. Правительство северного региона утвердило долгосрочную программу развития морских портов и железных дорог до конца десятилетия.';
      const { title } = await prepareDocument({ text: sentence }, limits);
      expect(title).toBe('Правительство северного региона утвердило долгосрочную программу развития…');
      expect(title.length).toBeLessThanOrEqual(81);
    });
  });

  describe('bad input', () => {
    it('when both text and a file are sent, then it is a bad request', async () => {
      const error = await rejection({ text: article, bytes: Buffer.from(article), filename: 'a.txt' });
      expect(error).toBeInstanceOf(BadRequestError);
    });

    it('when neither text nor a file is sent, then it is a bad request', async () => {
      expect(await rejection({})).toBeInstanceOf(BadRequestError);
    });

    it.each([
      ['pasted text', { text: article }],
      ['a file', { bytes: Buffer.from(article), filename: 'a.txt' }],
    ])('when %s is larger than the limit, then it is too large', async (_what, input) => {
      const error = await rejection(input, 100);
      expect(error).toBeInstanceOf(PayloadTooLargeError);
      expect(error.status).toBe(413);
      expect(error.message).toContain('KB');
    });

    it.each([
      ['the pasted text is empty', { text: '' }],
      ['the pasted text is whitespace only', { text: ' \n\t\u00a0\n ' }],
      ['the file is empty', { bytes: Buffer.alloc(0), filename: 'a.txt' }],
      ['the file holds only a BOM and blank lines', { bytes: Buffer.from('\ufeff\r\n\r\n'), filename: 'a.txt' }],
      ['the web page has no article text', { bytes: Buffer.from('<nav>Меню</nav><script>x()</script>'), filename: 'a.html' }],
      ['the text has only punctuation', { text: '… — …' }],
    ])('when %s, then it is empty_text', async (_what, input) => {
      const error = await rejection(input);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error.code).toBe('empty_text');
      expect(error.status).toBe(422);
    });

    it('when a binary file is uploaded as .txt, then it is binary_data', async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
      expect((await rejection({ bytes: png, filename: 'photo.txt' })).code).toBe('binary_data');
    });

    it('when pasted text is full of control characters, then it is binary_data', async () => {
      const text = Array.from({ length: 100 }, (_, i) => (i % 4 === 0 ? '\u0002' : 'ж')).join('');
      expect((await rejection({ text })).code).toBe('binary_data');
    });

    it('when the article is in English, then it is not_russian', async () => {
      const text =
        'MOSCOW, March 3 (Reuters) - The Russian government approved a plan to expand northern ports, ' +
        'the transport ministry said on Tuesday. Строительство начнётся весной.';
      const error = await rejection({ text });
      expect(error.code).toBe('not_russian');
      expect(error.message).toContain('Russian');
    });

    it('when the article is in Ukrainian, then it is not_russian', async () => {
      const text = 'Уряд затвердив програму розвитку північних портів. Будівництво розпочнеться навесні, повідомили в міністерстві.';
      expect((await rejection({ text })).code).toBe('not_russian');
    });

    it('when a file was saved in KOI8-R, then it is undecodable', async () => {
      const koi8 = encodeSingleByte(article, 'koi8-r');
      const error = await rejection({ bytes: koi8, filename: 'port.txt' });
      expect(error.code).toBe('undecodable');
      expect(error.message).toContain('UTF-8');
    });

    it('when a .docx is broken, then it is broken_docx', async () => {
      const error = await rejection({ bytes: Buffer.from('PK\u0003\u0004 обрывок архива'), filename: 'port.docx' });
      expect(error.code).toBe('broken_docx');
    });

    it('when the file ending is unknown, then the format is unsupported and the accepted endings are named', async () => {
      const error = await rejection({ bytes: Buffer.from('%PDF-1.7'), filename: 'port.pdf', contentType: 'application/pdf' });
      expect(error).toBeInstanceOf(UnsupportedFormatError);
      expect(error.message).toContain('.txt .md .html .htm .docx');
    });
  });
});

/** A single-byte encoder built by inverting the decoder over 0x80–0xFF; characters it lacks become "?". */
function encodeSingleByte(text: string, encoding: string): Buffer {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : table.get(ch) ?? 0x3f)));
}
