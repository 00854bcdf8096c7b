import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { PayloadTooLargeError } from '../../errors.js';
import { ZIP_MAX_ENTRIES, ZIP_MAX_ENTRY_BYTES, ZIP_MAX_INFLATED_BYTES, ZIP_MAX_RATIO, ZIP_RATIO_MIN_BYTES } from '../limits.js';

const MB = 1024 * 1024;

const messages = {
  tooManyEntries: (n: number) =>
    `This .docx holds ${n} files; a Word document has a few dozen, and Tandem reads at most ${ZIP_MAX_ENTRIES}. Open it in Word or LibreOffice, save it again as .docx, or paste the text.`,
  entryTooLarge: (name: string) =>
    `The part "${name}" of this .docx unpacks to more than ${ZIP_MAX_ENTRY_BYTES / MB} MB, far more than an article needs; the file may be damaged or built to exhaust the server. Paste the text instead.`,
  inflatedTooLarge: `This .docx unpacks to more than ${ZIP_MAX_INFLATED_BYTES / MB} MB, far more than an article needs; the file may be damaged or built to exhaust the server. Remove large images and save it again, or paste the text.`,
  ratioTooHigh: (name: string) =>
    `The part "${name}" of this .docx is compressed more than ${ZIP_MAX_RATIO} to 1, as only repeated filler is: the file may be built to exhaust the server. Open it in Word, save it again, or paste the text.`,
  lyingSize: (name: string) =>
    `The part "${name}" of this .docx unpacks to more than its header says, as only a file built to exhaust the server does; it was stopped. Paste the text instead.`,
  duplicate: (name: string) => `the archive holds "${name}" twice`,
  missing: (name: string) => `the archive has no "${name}"`,
};

/** A .docx's files as mammoth reads them (its `file` input, the shape it otherwise builds with JSZip). */
export interface DocxParts {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<Uint8Array | string>;
}

/**
 * Opens a .docx (a zip) with every size checked before anything is unpacked in full: throws
 * PayloadTooLargeError (`zip_too_many_entries`, `zip_entry_too_large`, `zip_inflated_too_large`,
 * `zip_ratio_too_high`) for a zip bomb, and a plain Error for a damaged archive (sizes that lie
 * included). Every entry is then unpacked once, counted and discarded, so the sizes are known true;
 * the returned parts unpack again on demand through the same checks. Mammoth reads only through
 * them, so the archive is parsed once, by yauzl: no second zip reader can see other entries.
 */
export async function openDocx(bytes: Buffer): Promise<DocxParts> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true });
  if (zip.entryCount > ZIP_MAX_ENTRIES) throw new PayloadTooLargeError(messages.tooManyEntries(zip.entryCount), 'zip_too_many_entries');

  const entries = new Map<string, Entry>();
  let declared = 0;
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName.endsWith('/')) continue;
    checkDeclaredSize(entry);
    declared += entry.uncompressedSize;
    if (declared > ZIP_MAX_INFLATED_BYTES) throw new PayloadTooLargeError(messages.inflatedTooLarge, 'zip_inflated_too_large');
    if (entries.has(entry.fileName)) throw new Error(messages.duplicate(entry.fileName));
    entries.set(entry.fileName, entry);
  }

  // Declared sizes can lie; yauzl's validateEntrySizes stops a stream one chunk past its declared size.
  const budget = { left: ZIP_MAX_INFLATED_BYTES };
  for (const entry of entries.values()) await inflate(zip, entry, budget, false);

  return {
    exists: (name) => entries.has(name),
    async read(name, encoding) {
      const entry = entries.get(name);
      if (!entry) throw new Error(messages.missing(name));
      const data = await inflate(zip, entry, { left: ZIP_MAX_INFLATED_BYTES }, true);
      if (encoding === 'base64') return data.toString('base64');
      return encoding ? new TextDecoder(encoding).decode(data) : new Uint8Array(data);
    },
  };
}

function checkDeclaredSize(entry: Entry): void {
  const { fileName, uncompressedSize, compressedSize } = entry;
  if (uncompressedSize > ZIP_MAX_ENTRY_BYTES) throw new PayloadTooLargeError(messages.entryTooLarge(fileName), 'zip_entry_too_large');
  if (uncompressedSize > ZIP_RATIO_MIN_BYTES && uncompressedSize > compressedSize * ZIP_MAX_RATIO) {
    throw new PayloadTooLargeError(messages.ratioTooHigh(fileName), 'zip_ratio_too_high');
  }
}

/** Unpacks one entry, counting bytes against the entry limit and `budget`; keeps them only when asked. */
async function inflate(zip: ZipFile, entry: Entry, budget: { left: number }, keep: boolean): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    // Leaving the loop by a throw destroys the stream, so nothing more is unpacked.
    for await (const chunk of await zip.openReadStreamPromise(entry)) {
      const bytes = chunk as Buffer;
      size += bytes.length;
      budget.left -= bytes.length;
      if (size > ZIP_MAX_ENTRY_BYTES) throw new PayloadTooLargeError(messages.entryTooLarge(entry.fileName), 'zip_entry_too_large');
      if (budget.left < 0) throw new PayloadTooLargeError(messages.inflatedTooLarge, 'zip_inflated_too_large');
      if (keep) chunks.push(bytes);
    }
  } catch (err) {
    // yauzl's validateEntrySizes: the entry unpacks past the size its header declared, as a hand-made bomb's does.
    if (err instanceof Error && /too many bytes in the stream/i.test(err.message)) {
      throw new PayloadTooLargeError(messages.lyingSize(entry.fileName), 'zip_inflated_too_large');
    }
    throw err;
  }
  return Buffer.concat(chunks);
}
