import type { ExportedParagraph, ExportedSegment, ExportedVersion, Exporter } from './exporter.js';

const messages = {
  documentId: 'Document',
  version: 'Version',
  approvedAt: 'Approved at',
  approvedBy: 'Approved by',
  approverUnknown: 'not recorded',
  tableCaption: 'Source and approved translation, paragraph by paragraph',
};

/** Inline only: the file must open anywhere, offline, with nothing fetched. */
const css = `
  body { margin: 0; font: 16px/1.5 Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fff; }
  main { max-width: 72rem; margin: 0 auto; padding: 2rem 1rem; }
  h1 { font-size: 1.6rem; margin: 0 0 1rem; }
  dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 2rem; font: 14px/1.4 system-ui, sans-serif; color: #444; }
  dl.meta dt { font-weight: 600; }
  dl.meta dd { margin: 0; }
  table { width: 100%; border-collapse: collapse; table-layout: fixed; }
  caption { text-align: left; font: 14px/1.4 system-ui, sans-serif; color: #666; padding-bottom: 0.5rem; }
  th, td { width: 50%; vertical-align: top; text-align: left; padding: 0.6rem 0.75rem; border-top: 1px solid #ddd; }
  thead th { font: 600 14px/1.4 system-ui, sans-serif; border-top: 0; border-bottom: 2px solid #999; }
  tr.headline td { font-size: 1.25rem; font-weight: 700; }
  .dateline { font-variant: small-caps; }
  @media print { main { max-width: none; padding: 0; } tr { break-inside: avoid; } }
`;

/** A standalone bilingual page: metadata, then one table row per paragraph, source beside target. */
export const htmlExporter = {
  id: 'html',
  label: 'HTML (bilingual side by side)',
  extension: 'html',
  contentType: 'text/html; charset=utf-8',
  render(version: ExportedVersion): string {
    const title = escapeHtml(version.title);
    const sourceLang = escapeHtml(version.sourceLang);
    const targetLang = escapeHtml(version.targetLang);
    const rows = version.paragraphs.map((paragraph) => renderRow(paragraph, sourceLang, targetLang));
    return `<!DOCTYPE html>
<html lang="${targetLang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Tandem">
<title>${title}</title>
<style>${css}</style>
</head>
<body>
<main>
<h1>${title}</h1>
<dl class="meta">
<dt>${messages.documentId}</dt><dd>${version.documentId}</dd>
<dt>${messages.version}</dt><dd>${version.version}</dd>
<dt>${messages.approvedAt}</dt><dd><time datetime="${escapeHtml(version.approvedAt)}">${escapeHtml(version.approvedAt)}</time></dd>
<dt>${messages.approvedBy}</dt><dd>${escapeHtml(version.approvedBy ?? messages.approverUnknown)}</dd>
</dl>
<table>
<caption>${messages.tableCaption}</caption>
<thead><tr><th scope="col">${escapeHtml(languageName(version.sourceLang))}</th><th scope="col">${escapeHtml(languageName(version.targetLang))}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</main>
</body>
</html>
`;
  },
} satisfies Exporter;

function renderRow(paragraph: ExportedParagraph, sourceLang: string, targetLang: string): string {
  const isHeadline = paragraph.segments.some((segment) => segment.kind === 'headline');
  const attributes = `${isHeadline ? ' class="headline"' : ''} data-paragraph="${paragraph.index}"`;
  const source = paragraph.segments.map((segment) => renderSegment(segment, segment.source)).join(' ');
  const target = paragraph.segments.map((segment) => renderSegment(segment, segment.target)).join(' ');
  return `<tr${attributes}><td lang="${sourceLang}">${source}</td><td lang="${targetLang}">${target}</td></tr>`;
}

function renderSegment(segment: ExportedSegment, text: string): string {
  return `<span class="${escapeHtml(segment.kind)}" data-segment="${segment.index}">${escapeHtml(text)}</span>`;
}

/** 'ru' → 'Russian'; the code itself when the runtime does not know it. */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in text and in quoted attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEscapes[char] ?? char);
}
