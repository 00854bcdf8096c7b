import type { SegmentKind } from '../db/schema.js';

/** An article ready to store: recognised structure, split into segments. The output of documents/prepare.ts. */
export interface PreparedDocument {
  title: string;
  /** The import format's id ('text' for pasted text). */
  format: string;
  paragraphs: PreparedParagraph[];
}

export interface PreparedParagraph {
  kind: 'headline' | 'body';
  segments: PreparedSegment[];
}

export interface PreparedSegment {
  kind: SegmentKind;
  source: string;
}
