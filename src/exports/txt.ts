import type { ExportedSegment, ExportedVersion, Exporter } from './exporter.js';

/** The English text only: headline, blank line, then one paragraph per block separated by blank lines. */
export const txtExporter = {
  id: 'txt',
  label: 'Plain text (English)',
  extension: 'txt',
  contentType: 'text/plain; charset=utf-8',
  render(version: ExportedVersion): string {
    const headline = joinTargets(
      version.paragraphs.flatMap((paragraph) => paragraph.segments.filter((segment) => segment.kind === 'headline')),
    );
    const body = version.paragraphs.map((paragraph) =>
      joinTargets(paragraph.segments.filter((segment) => segment.kind !== 'headline')),
    );
    const blocks = [headline, ...body].filter((block) => block !== '');
    return `${blocks.join('\n\n')}\n`;
  },
} satisfies Exporter;

/** One line per block: a line break inside a target would read as a paragraph break. */
function joinTargets(segments: readonly ExportedSegment[]): string {
  return segments
    .map((segment) => segment.target.replace(/[ \t]*[\r\n]+[ \t]*/g, ' ').trim())
    .filter((text) => text !== '')
    .join(' ');
}
