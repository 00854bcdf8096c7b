import { describe, expect, it } from 'vitest';
import { honestDocx, manyEntriesDocx, nestedZipDocx, zipBombDocx } from '../../../tests/fixtures/hostile-inputs.js';
import { limits } from '../limits.js';
import { assertSafeZip } from './zip-guard.js';

describe('zip guard', () => {
  it('when a small honest .docx is checked, then it passes', async () => {
    await expect(assertSafeZip(honestDocx())).resolves.toBeUndefined();
  });

  it('when the headers declare more than the inflated limit, then 413 zip_inflated_too_large before inflating', async () => {
    await expect(assertSafeZip(zipBombDocx(400))).rejects.toMatchObject({ status: 413, code: 'zip_inflated_too_large' });
  });

  it('when the headers claim 1 KB but the entry inflates to 400 MB, then the stream is stopped as zip_inflated_too_large', async () => {
    await expect(assertSafeZip(zipBombDocx(400, 'lying'))).rejects.toMatchObject({ status: 413, code: 'zip_inflated_too_large' });
  });

  it('when one entry inflates a thousandfold past 1 MB, then the ratio alone refuses it', async () => {
    // 8 MB inflated stays under the size limits; its ratio does not.
    await expect(assertSafeZip(zipBombDocx(8))).rejects.toMatchObject({ code: 'zip_inflated_too_large' });
  });

  it('when the archive has more entries than the limit, then 413 zip_too_many_entries', async () => {
    await expect(assertSafeZip(manyEntriesDocx(limits.zipEntries))).rejects.toMatchObject({ status: 413, code: 'zip_too_many_entries' });
    await expect(assertSafeZip(manyEntriesDocx(limits.zipEntries - 10))).resolves.toBeUndefined();
  });

  it('when an archive holds another archive, then the inner one is never opened', async () => {
    await expect(assertSafeZip(nestedZipDocx(100))).resolves.toBeUndefined();
  });

  it('when the bytes are not a zip, then 422 broken_docx', async () => {
    await expect(assertSafeZip(Buffer.from('PK\u0003\u0004 not a zip at all'))).rejects.toMatchObject({ status: 422, code: 'broken_docx' });
  });
});
