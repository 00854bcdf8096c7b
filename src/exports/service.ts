import type { AppContext } from '../context.js';
import { loadVersion } from '../review/versions.js';
import { getExporter } from './registry.js';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string;
}

/** Renders an approved version in one export format. */
export async function exportVersion(ctx: AppContext, documentId: number, version: number, format: string): Promise<ExportFile> {
  const exporter = getExporter(format);
  const data = await loadVersion(ctx, documentId, version);
  return {
    filename: `document-${documentId}-v${version}.${exporter.extension}`,
    contentType: exporter.contentType,
    body: exporter.render(data),
  };
}
