/** An import format turns the bytes of an uploaded file into blocks of plain text. */
export interface ImportFormat {
  readonly id: string;
  readonly label: string;
  /** Lower-case file name endings without the dot, e.g. ['html', 'htm']. */
  readonly extensions: readonly string[];
  readonly contentTypes: readonly string[];
  /** Throws InvalidInputError (from src/errors.ts) with a message a translator understands when the file is unusable. */
  extract(bytes: Buffer): Promise<ExtractedDocument>;
}

export interface ExtractedDocument {
  /** A title the format itself declares (<title>, docx core title), if any. */
  title?: string;
  blocks: ExtractedBlock[];
}

/** One paragraph-level block of text; `heading` when the markup says so (h1, '# ', a docx Title/Heading style). */
export interface ExtractedBlock {
  role: 'heading' | 'paragraph';
  text: string;
}
