import { describe, expect, it } from 'vitest';
import { UnsupportedFormatError } from '../../errors.js';
import { formatForUpload, importFormats } from './registry.js';

describe('import format registry', () => {
  it('when formats are registered, then each is keyed by its own id', () => {
    for (const [key, format] of Object.entries(importFormats)) expect(format.id).toBe(key);
  });

  it.each([
    ['article.txt', 'txt'],
    ['Статья.TXT', 'txt'],
    ['notes.md', 'md'],
    ['page.html', 'html'],
    ['page.htm', 'html'],
    ['report.final.docx', 'docx'],
  ])('when the file is named %s, then the format is %s', (filename, id) => {
    expect(formatForUpload(filename, 'application/octet-stream').id).toBe(id);
  });

  it('when the name ending and content type disagree, then the ending wins', () => {
    expect(formatForUpload('page.html', 'text/plain').id).toBe('html');
  });

  it.each([
    ['text/plain; charset=windows-1251', 'txt'],
    ['text/markdown', 'md'],
    ['TEXT/HTML', 'html'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  ])('when there is no known ending and the content type is %s, then the format is %s', (contentType, id) => {
    expect(formatForUpload('upload', contentType).id).toBe(id);
    expect(formatForUpload(undefined, contentType).id).toBe(id);
  });

  it('when the ending and type are unknown, then UnsupportedFormatError names the accepted endings', () => {
    expect(() => formatForUpload('scan.pdf', 'application/pdf')).toThrow(UnsupportedFormatError);
    try {
      formatForUpload('scan.pdf', 'application/pdf');
    } catch (error) {
      expect((error as UnsupportedFormatError).status).toBe(415);
      expect((error as Error).message).toContain('.pdf');
      for (const ending of ['.txt', '.md', '.html', '.htm', '.docx']) expect((error as Error).message).toContain(ending);
    }
  });

  it('when nothing identifies the file, then it is unsupported', () => {
    expect(() => formatForUpload()).toThrow(UnsupportedFormatError);
  });
});
