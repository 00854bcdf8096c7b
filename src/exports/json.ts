import type { ExportedVersion, Exporter } from './exporter.js';

/** Bumped only when the shape below changes in a way consumers must notice. */
export const jsonFormatVersion = 1;

/** The whole version, metadata first, keys in a fixed order so exports of the same version diff cleanly. */
export const jsonExporter = {
  id: 'json',
  label: 'JSON (bilingual, with metadata)',
  extension: 'json',
  contentType: 'application/json; charset=utf-8',
  render(version: ExportedVersion): string {
    const document = {
      format: 'tandem-export',
      formatVersion: jsonFormatVersion,
      documentId: version.documentId,
      version: version.version,
      title: version.title,
      sourceLang: version.sourceLang,
      targetLang: version.targetLang,
      approvedAt: version.approvedAt,
      approvedBy: version.approvedBy,
      paragraphs: version.paragraphs.map((paragraph) => ({
        index: paragraph.index,
        segments: paragraph.segments.map((segment) => ({
          index: segment.index,
          kind: segment.kind,
          source: segment.source,
          target: segment.target,
        })),
      })),
    };
    return `${JSON.stringify(document, null, 2)}\n`;
  },
} satisfies Exporter;
