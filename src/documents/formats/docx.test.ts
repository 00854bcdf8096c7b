import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../errors.js';
import { docxFormat } from './docx.js';

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

async function extractError(bytes: Buffer): Promise<InvalidInputError> {
  const error: unknown = await docxFormat.extract(bytes).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (error instanceof InvalidInputError) return error;
  throw new Error(`expected InvalidInputError, got ${String(error)}`);
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
});
