import JSZip from 'jszip';
import { constants, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppError, InvalidInputError, PayloadTooLargeError } from '../../errors.js';
import { ZIP_MAX_ENTRIES, ZIP_MAX_ENTRY_BYTES, ZIP_MAX_INFLATED_BYTES } from '../limits.js';
import { docxFormat } from './docx.js';
import { buildZip } from '../../../tests/fixtures/zip.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A minimal .docx: each paragraph is [style id or '', text]. */
async function buildDocx(paragraphs: Array<[style: string, text: string]>): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`,
  );
  const body = paragraphs
    .map(([style, text]) => {
      const properties = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
      return `<w:p>${properties}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
    })
    .join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function extractError(bytes: Buffer): Promise<AppError> {
  const error: unknown = await docxFormat.extract(bytes).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (error instanceof AppError) return error;
  throw new Error(`expected an AppError, got ${String(error)}`);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** One file of a hand-built zip: the bytes as stored, and the unpacked size its headers claim (which may lie). */
interface RawEntry {
  name: string;
  data: Buffer;
  method: 0 | 8;
  claimedSize: number;
}

/**
 * A zip written by the tests' own writer, for archives JSZip will not write: sizes that lie, data never
 * meant to be unpacked. Deflated entries carry CRC 0; yauzl does not check it and nothing here reaches mammoth.
 */
function rawZip(entries: RawEntry[]): Buffer {
  return buildZip(
    entries.map(({ name, data, method, claimedSize }) =>
      method === 0 ? { name, data, store: true, declaredSize: claimedSize } : { name, deflated: data, crc: 0, size: claimedSize },
    ),
  );
}

const stored = (name: string, text: string): RawEntry => ({ name, data: Buffer.from(text), method: 0, claimedSize: Buffer.byteLength(text) });

/**
 * A word/document.xml of about `megabytes` MB of repeated paragraphs, deflated without ever holding it:
 * one 1 MB block compressed with a full flush (so it stands alone) and repeated, then a final block.
 */
function bombDocument(megabytes: number): { data: Buffer; size: number } {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>`);
  const tail = Buffer.from('</w:body></w:document>');
  const paragraph = '<w:p><w:r><w:t>Порт принял груз.</w:t></w:r></w:p>';
  const block = Buffer.from(paragraph.repeat(Math.floor((1024 * 1024) / Buffer.byteLength(paragraph))));
  const deflatedBlock = deflateRawSync(block, flush);
  const data = Buffer.concat([deflateRawSync(head, flush), ...Array<Buffer>(megabytes).fill(deflatedBlock), deflateRawSync(tail)]);
  return { data, size: head.length + megabytes * block.length + tail.length };
}

function docxAround(document: RawEntry, ...more: RawEntry[]): Buffer {
  return rawZip([stored('[Content_Types].xml', CONTENT_TYPES), stored('_rels/.rels', RELS), document, ...more]);
}

describe('docx format', () => {
  it('when a paragraph is styled Title, then it is the heading and the rest are paragraphs', async () => {
    const file = await buildDocx([
      ['Title', 'Порт принял рекордный груз'],
      ['', 'МУРМАНСК, 2 фев — РИА Новости. Порт обработал уголь &amp; руду.'],
      ['Heading2', 'Подробности'],
      ['', 'Суда ждут у причала.'],
    ]);
    expect(await docxFormat.extract(file)).toEqual({
      blocks: [
        { role: 'heading', text: 'Порт принял рекордный груз' },
        { role: 'paragraph', text: 'МУРМАНСК, 2 фев — РИА Новости. Порт обработал уголь & руду.' },
        { role: 'paragraph', text: 'Подробности' },
        { role: 'paragraph', text: 'Суда ждут у причала.' },
      ],
    });
  });

  it('when a paragraph is styled Heading 1, then it is a heading', async () => {
    const { blocks } = await docxFormat.extract(await buildDocx([['Heading1', 'Заголовок'], ['', 'Текст.']]));
    expect(blocks[0]).toEqual({ role: 'heading', text: 'Заголовок' });
  });

  it('when the file is not a zip at all, then it is a broken docx with a clear message', async () => {
    const error = await extractError(Buffer.from('Это просто текст, переименованный в .docx'));
    expect(error.code).toBe('broken_docx');
    expect(error.message).toMatch(/damaged|not a Word document/);
  });

  it('when the zip is truncated, then it is a broken docx', async () => {
    const file = await buildDocx([['', 'Текст.']]);
    expect((await extractError(file.subarray(0, file.length / 2))).code).toBe('broken_docx');
  });

  it('when the zip has no Word document inside, then it is a broken docx', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'не документ');
    expect((await extractError(await zip.generateAsync({ type: 'nodebuffer' }))).code).toBe('broken_docx');
  });

  it('when the file is an old binary .doc, then the message says to save it as .docx', async () => {
    const error = await extractError(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect(error.code).toBe('broken_docx');
    expect(error.message).toContain('.doc');
  });

  it('when the file holds a picture, then its text is read and the picture left out', async () => {
    const zip = await JSZip.loadAsync(await buildDocx([['', 'Порт принял груз.']]));
    const drawing = `<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="Фото" descr="Причал"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rIdImage"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
    const document = (await zip.file('word/document.xml')!.async('string')).replace('<w:body>', `<w:body>${drawing}`);
    zip.file('word/document.xml', document);
    zip.file('word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdImage" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>`);
    zip.file('word/media/image1.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const { blocks } = await docxFormat.extract(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(blocks).toEqual([{ role: 'paragraph', text: 'Порт принял груз.' }]);
  });
});

describe('docx format on zip bombs', () => {
  it('when word/document.xml says it unpacks to 400 MB, then the file is refused as too large before it is unpacked', async () => {
    const bomb = bombDocument(400);
    expect(bomb.data.length).toBeLessThan(2 * 1024 * 1024);
    const error = await extractError(docxAround({ name: 'word/document.xml', data: bomb.data, method: 8, claimedSize: bomb.size }));
    expect(error).toBeInstanceOf(PayloadTooLargeError);
    expect(error.status).toBe(413);
    expect(error.code).toBe('zip_entry_too_large');
    expect(error.message).toContain(`${ZIP_MAX_ENTRY_BYTES / 1024 / 1024} MB`);
  });

  it('when the headers claim 40 KB but the data unpacks to 400 MB, then unpacking stops just past the claimed size as 413 zip_inflated_too_large', async () => {
    const bomb = bombDocument(400);
    const error = await extractError(docxAround({ name: 'word/document.xml', data: bomb.data, method: 8, claimedSize: 40_000 }));
    // Stopped just past 40 KB, long before the 32 MB entry limit: the header lied, which only a built bomb does.
    expect(error).toMatchObject({ status: 413, code: 'zip_inflated_too_large', message: expect.stringContaining('more than its header says') });
  });

  it('when the files together claim more than the total limit, then the file is refused before any is unpacked', async () => {
    // Each claims 30 MB from 200 KB (150 : 1, under the ratio limit); the bytes are not deflate data at all.
    const claim = (name: string): RawEntry => ({ name, data: Buffer.alloc(200_000), method: 8, claimedSize: 30 * 1024 * 1024 });
    const file = docxAround(stored('word/document.xml', `<w:document xmlns:w="${W}"><w:body/></w:document>`), claim('word/media/a.bmp'), claim('word/media/b.bmp'), claim('word/media/c.bmp'));
    const error = await extractError(file);
    expect(error.code).toBe('zip_inflated_too_large');
    expect(error.message).toContain(`${ZIP_MAX_INFLATED_BYTES / 1024 / 1024} MB`);
  });

  it('when a 2 MB part is compressed a thousand to one, then the file is refused for its compression ratio', async () => {
    const zeros = Buffer.alloc(2 * 1024 * 1024, 0x20);
    const error = await extractError(docxAround({ name: 'word/document.xml', data: deflateRawSync(zeros), method: 8, claimedSize: zeros.length }));
    expect(error.code).toBe('zip_ratio_too_high');
    expect(error.status).toBe(413);
  });

  it('when the archive holds more files than the limit, then it is refused without reading them', async () => {
    const zip = await JSZip.loadAsync(await buildDocx([['', 'Текст.']]));
    for (let n = 0; n < ZIP_MAX_ENTRIES; n++) zip.file(`customXml/item${n}.xml`, '<a/>');
    const error = await extractError(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(error.code).toBe('zip_too_many_entries');
    expect(error.status).toBe(413);
  });
});
