/**
 * Bounds on imported files (articles and glossaries), in one place. A file from the open web or an
 * e-mail attachment may be built to exhaust a parser; each reader checks its limit while reading and
 * refuses the file with a typed error and a stable code (listed in README.md, "Limits on imported files").
 */

/**
 * Deepest element nesting an HTML page (and the HTML that Markdown and .docx turn into) may have
 * (`too_deeply_nested`, 422). Real news pages stay under about 40 levels; a few hundred unclosed
 * <span>s in broken markup still fit. Deeper pages serve only to make tree walks slow or overflow the stack.
 */
export const HTML_MAX_DEPTH = 256;

/**
 * Deepest nesting of quotes and lists in a Markdown file (`too_deeply_nested`, 422): `>` markers and list
 * markers on one line, indentation counted as one level per two columns before a list marker, and a run of
 * `*`, `_` or `~` counted as one level per two characters. An article nests a quote in a list a few levels
 * deep at most; marked, the Markdown parser, recurses once per level and overflows the stack at a few thousand.
 */
export const MARKDOWN_MAX_DEPTH = 64;

/**
 * Most link addresses in a Markdown file that open with "](" and never close with ")" (`unclosed_links`,
 * 422). A finished article has none; marked's link rules slow down with each one still open (cubic when
 * they follow each other), so a 40 KB file of "[a](" repeated kept it busy for over a quarter of an hour.
 */
export const MARKDOWN_MAX_UNCLOSED_LINKS = 64;

/**
 * Deepest element nesting of a glossary XML file (TBX) (`line N: … nested more than 64 levels deep`,
 * 422 invalid_glossary). TBX needs about eight (martif/text/body/termEntry/langSet/tig/termNote) and
 * the reader walks the tree recursively.
 */
export const XML_MAX_DEPTH = 64;

/**
 * Most files a .docx archive may hold (`zip_too_many_entries`, 413). A long report with many images
 * has a few hundred parts; every entry costs a read of its header and a check of its data.
 */
export const ZIP_MAX_ENTRIES = 1_000;

/**
 * Most bytes all files of a .docx may unpack to together (`zip_inflated_too_large`, 413). An article's
 * text parts unpack to well under 1 MB and a 50 MB upload of photos (stored nearly uncompressed) to
 * about 50 MB; a zip bomb of a few megabytes unpacks to gigabytes and would exhaust memory.
 */
export const ZIP_MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/**
 * Most bytes one file inside a .docx may unpack to (`zip_entry_too_large`, 413). word/document.xml of a
 * 300-page report is about 5 MB; the converter holds the whole part and its XML tree in memory.
 */
export const ZIP_MAX_ENTRY_BYTES = 32 * 1024 * 1024;

/**
 * Highest compression ratio (unpacked : packed) a file in a .docx may have once it unpacks to more than
 * ZIP_RATIO_MIN_BYTES (`zip_ratio_too_high`, 413). Word XML compresses about 5–20 : 1, very repetitive
 * tables up to about 50 : 1, images about 1 : 1; ratios in the hundreds are repeated filler, the shape of
 * a zip bomb.
 */
export const ZIP_MAX_RATIO = 200;

/** Below this unpacked size a file's compression ratio is not checked: small parts (an empty styles.xml) compress very well and are harmless. */
export const ZIP_RATIO_MIN_BYTES = 1024 * 1024;

/**
 * Longest cell of a glossary file in CSV, TSV or TBX (`line N: a field … longer than 2000 characters`,
 * 422 invalid_glossary). The longest cell of the official glossary is under 150 characters (a note); a
 * term of megabytes would be read, stored and compiled into the matcher for nothing.
 */
export const GLOSSARY_MAX_FIELD_CHARS = 2_000;

/**
 * Longest segment (`sentence_too_long`, 422). Russian legal prose reaches about 1,500 characters a
 * sentence; a longer run has lost its punctuation or line breaks, and would be sent, shown and checked whole.
 */
export const SEGMENT_MAX_CHARS = 5_000;
