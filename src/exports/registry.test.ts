import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../errors.js';
import { exporters, getExporter, listExporters } from './registry.js';

describe('exporter registry', () => {
  it('when listed, then each exporter is registered under its own id', () => {
    for (const [key, exporter] of Object.entries(exporters)) expect(exporter.id).toBe(key);
    expect(listExporters().map((exporter) => exporter.id)).toEqual(['json', 'html', 'txt', 'xliff']);
  });

  it('when listed, then no two exporters share a file extension', () => {
    const extensions = listExporters().map((exporter) => exporter.extension);
    expect(new Set(extensions).size).toBe(extensions.length);
  });

  it('when a known id is asked for, then that exporter is returned', () => {
    expect(getExporter('xliff')).toBe(exporters.xliff);
  });

  it('when an unknown id is asked for, then a BadRequestError names the known formats', () => {
    expect(() => getExporter('docx')).toThrow(BadRequestError);
    expect(() => getExporter('docx')).toThrow('Unknown export format "docx". Known formats: json, html, txt, xliff.');
  });

  it('when an id names an Object.prototype property, then it is unknown too', () => {
    for (const id of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      expect(() => getExporter(id)).toThrow(BadRequestError);
    }
  });
});
