import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { InvalidInputError, PayloadTooLargeError } from '../../errors.js';
import { limits } from '../limits.js';

const messages = {
  tooManyEntries: (max: number) => `This file is an archive of more than ${max.toLocaleString('en')} parts, which no Word document is; it was not opened.`,
  tooLarge: (mb: number) =>
    `This file unpacks to more than ${mb} MB, far more than any article: it looks like a "zip bomb" and was not opened. Save the article again from Word or paste its text.`,
  broken: 'This .docx file is damaged or is not a Word document. Open it in Word or LibreOffice, save it again as .docx and re-upload it, or paste the text.',
};

const MB = 1024 * 1024;
const tooLarge = () => new PayloadTooLargeError(messages.tooLarge(limits.zipInflatedBytes / MB), 'zip_inflated_too_large');

/**
 * Checks a zip archive before anything inflates it for real: the entry count and the declared sizes
 * and ratios first, then every entry inflated as a stream and counted, never kept, so a header that
 * lies about its size is caught at the limit instead of after gigabytes. Archives inside the
 * archive are never opened. Throws PayloadTooLargeError (zip_too_many_entries, zip_inflated_too_large)
 * or InvalidInputError (broken_docx).
 */
export async function assertSafeZip(bytes: Buffer): Promise<void> {
  const zip = await open(bytes);
  try {
    const entries = await listEntries(zip);
    for (const entry of entries) await drain(zip, entry);
  } finally {
    zip.close();
  }
}

function open(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) reject(new InvalidInputError(messages.broken, 'broken_docx', { cause: String(err) }));
      else resolve(zip);
    });
  });
}

/** The central directory, refused on count, declared sizes or ratio before any entry is inflated. */
function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    let declared = 0;
    zip.on('error', (err: Error) => reject(new InvalidInputError(messages.broken, 'broken_docx', { cause: String(err) })));
    zip.on('end', () => resolve(entries));
    zip.on('entry', (entry: Entry) => {
      if (entries.length >= limits.zipEntries) {
        reject(new PayloadTooLargeError(messages.tooManyEntries(limits.zipEntries), 'zip_too_many_entries'));
        return;
      }
      declared += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (declared > limits.zipInflatedBytes || entry.uncompressedSize > limits.zipEntryBytes || (entry.uncompressedSize > MB && ratio > limits.zipRatio)) {
        reject(tooLarge());
        return;
      }
      entries.push(entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

/** Inflates one entry into nothing, counting; yauzl stops it the moment it passes its declared size. */
function drain(zip: ZipFile, entry: Entry): Promise<void> {
  if (entry.fileName.endsWith('/')) return Promise.resolve();
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) {
        reject(new InvalidInputError(messages.broken, 'broken_docx', { cause: String(err) }));
        return;
      }
      stream.on('data', () => undefined);
      stream.on('end', () => resolve());
      stream.on('error', (streamError: Error) => {
        // "too many bytes in the stream": the entry inflates past the size its header declared.
        reject(/too many bytes/i.test(streamError.message) ? tooLarge() : new InvalidInputError(messages.broken, 'broken_docx', { cause: String(streamError) }));
      });
    });
  });
}
