import mammoth from 'mammoth';
import { InvalidInputError } from '../../errors.js';
import type { ExtractedDocument, ImportFormat } from './format.js';
import { htmlDocument } from './html.js';
import { assertSafeZip } from './zip-guard.js';

const messages = {
  oldWord: 'This is an old Word .doc file, not .docx. Open it in Word or LibreOffice, save it as .docx (or .txt) and upload it again.',
  broken: 'This .docx file is damaged or is not a Word document. Open it in Word or LibreOffice, save it again as .docx and re-upload it, or paste the text.',
};

// Mammoth's defaults map Heading 1–6; a Title paragraph is the headline too. Style IDs cover files without styles.xml.
const styleMap = ["p[style-name='Title'] => h1:fresh", 'p.Title => h1:fresh'];
const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

// Images are never read or inlined as data: URLs; an article's text is all Tandem imports.
const dropImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

export const docxFormat = {
  id: 'docx',
  label: 'Word document (.docx)',
  extensions: ['docx'],
  contentTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  async extract(bytes: Buffer): Promise<ExtractedDocument> {
    if (bytes.subarray(0, 4).equals(OLE_MAGIC)) throw new InvalidInputError(messages.oldWord, 'broken_docx');
    if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) throw new InvalidInputError(messages.broken, 'broken_docx');
    await assertSafeZip(bytes);
    let html: string;
    try {
      ({ value: html } = await mammoth.convertToHtml({ buffer: bytes }, { styleMap, convertImage: dropImages }));
    } catch (error) {
      throw new InvalidInputError(messages.broken, 'broken_docx', { cause: String(error) });
    }
    return { blocks: htmlDocument(html).blocks };
  },
} satisfies ImportFormat;
