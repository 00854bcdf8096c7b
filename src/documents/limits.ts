/**
 * Every limit on untrusted input in one place, each with what it bounds and why the number.
 * The README's "Limits on imported files" lists them with the error code a client gets.
 * (Upload size, worker time and worker memory are settings: TANDEM_MAX_UPLOAD_MB, TANDEM_WORKER_*.)
 */
export const limits = {
  /** Open HTML elements at once. News pages nest 20–40 deep; beyond this a page is an attack or broken (422 too_deeply_nested). */
  htmlNesting: 256,
  /** Blockquote and list levels in Markdown; real articles use two or three (422 too_deeply_nested). */
  markdownNesting: 32,
  /** Element nesting in a TBX glossary file; an entry needs about eight levels (422 invalid_glossary, by line). */
  xmlNesting: 64,
  /** Entries in a .docx archive; Word writes 10–40, a file with embedded media a few hundred (413 zip_too_many_entries). */
  zipEntries: 1_000,
  /** Inflated size of all entries of a .docx together, as declared and as actually inflated (413 zip_inflated_too_large). */
  zipInflatedBytes: 64 * 1024 * 1024,
  /** Inflated size of one entry, such as word/document.xml (413 zip_inflated_too_large). */
  zipEntryBytes: 32 * 1024 * 1024,
  /** Inflated/compressed ratio of one entry above 1 MB; XML compresses about 10:1, a bomb a thousandfold (413 zip_inflated_too_large). */
  zipRatio: 200,
  /** Characters in one segment; Russian legal prose reaches about 1,500 a sentence (422 sentence_too_long). */
  segmentChars: 5_000,
} as const;
