import type { SegmentKind } from '../db/schema.js';

/** An approved, immutable version of a document, as every exporter receives it. */
export interface ExportedVersion {
  documentId: number;
  version: number;
  title: string;
  sourceLang: string;
  targetLang: string;
  approvedAt: string;
  approvedBy: string | null;
  paragraphs: ExportedParagraph[];
}

export interface ExportedParagraph {
  index: number;
  segments: ExportedSegment[];
}

export interface ExportedSegment {
  /** Position in the document, 0-based, stable across versions of the same import. */
  index: number;
  kind: SegmentKind;
  source: string;
  target: string;
}

/** One export format. One module per format, registered in exports/registry.ts. */
export interface Exporter {
  readonly id: string;
  readonly label: string;
  /** File name ending without the dot. */
  readonly extension: string;
  /** Full Content-Type header value, charset included for text formats. */
  readonly contentType: string;
  render(version: ExportedVersion): string;
}
