import mammoth from 'mammoth';
import { AppError, InvalidInputError } from '../../errors.js';
import { openDocx } from './docx-zip.js';
import type { ExtractedDocument, ImportFormat } from './format.js';
import { htmlDocument } from './html.js';

const messages = {
  oldWord: 'This is an old Word .doc file, not .docx. Open it in Word or LibreOffice, save it as .docx (or .txt) and upload it again.',
  broken: 'This .docx file is damaged or is not a Word document. Open it in Word or LibreOffice, save it again as .docx and re-upload it, or paste the text.',
};

// Mammoth's defaults map Heading 1–6; a Title paragraph is the headline too. Style IDs cover files without styles.xml.
const styleMap = ["p[style-name='Title'] => h1:fresh", 'p.Title => h1:fresh'];
const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Mammoth's own input types name only path, buffer and arrayBuffer; `file` takes the opened archive. */
type MammothInput = Parameters<typeof mammoth.convertToHtml>[0];

const options = {
  styleMap,
  // Images would be read and inlined as base64 data: URIs, only for the HTML reader to drop them. This never reads them.
  convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
  // Linked (not embedded) images would be read from the server's disk or network; off by default, and must stay off.
  externalFileAccess: false,
};

export const docxFormat = {
  id: 'docx',
  label: 'Word document (.docx)',
  extensions: ['docx'],
  contentTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  /** Throws InvalidInputError `broken_docx`, or PayloadTooLargeError `zip_…` for a zip bomb (see docx-zip.ts). */
  async extract(bytes: Buffer): Promise<ExtractedDocument> {
    if (bytes.subarray(0, 4).equals(OLE_MAGIC)) throw new InvalidInputError(messages.oldWord, 'broken_docx');
    if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) throw new InvalidInputError(messages.broken, 'broken_docx');
    let html: string;
    try {
      const file = await openDocx(bytes);
      ({ value: html } = await mammoth.convertToHtml({ file } as unknown as MammothInput, options));
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new InvalidInputError(messages.broken, 'broken_docx', { cause: String(error) });
    }
    return { blocks: htmlDocument(html).blocks };
  },
} satisfies ImportFormat;
