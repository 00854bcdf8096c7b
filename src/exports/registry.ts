import { BadRequestError } from '../errors.js';
import type { Exporter } from './exporter.js';
import { htmlExporter } from './html.js';
import { jsonExporter } from './json.js';
import { txtExporter } from './txt.js';
import { xliff21Exporter } from './xliff21.js';

const messages = {
  unknownFormat: (id: string, known: readonly string[]) =>
    `Unknown export format "${id}". Known formats: ${known.join(', ')}.`,
};

/** Every export format, keyed by its id. Adding a format means one import and one line here. */
export const exporters = {
  json: jsonExporter,
  html: htmlExporter,
  txt: txtExporter,
  xliff: xliff21Exporter,
} as const satisfies Record<string, Exporter>;

export type ExporterId = keyof typeof exporters;

export function isExporterId(id: string): id is ExporterId {
  return Object.hasOwn(exporters, id);
}

/** Throws BadRequestError naming the known formats when `id` is not one of them. */
export function getExporter(id: string): Exporter {
  if (!isExporterId(id)) throw new BadRequestError(messages.unknownFormat(id, Object.keys(exporters)), 'unknown_export_format');
  return exporters[id];
}

/** All exporters, in registry order, for menus and the API's format list. */
export function listExporters(): Exporter[] {
  return Object.values(exporters);
}
