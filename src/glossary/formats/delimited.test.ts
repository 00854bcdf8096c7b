import { describe, expect, it } from 'vitest';
import { readDelimited, writeDelimited } from './delimited.js';

describe('readDelimited (RFC 4180)', () => {
  it('when fields are quoted, then commas, doubled quotes and line breaks stay inside them', () => {
    const { records, errors } = readDelimited('a,"b, c","say ""да""","two\nlines"\r\nx,y,z,w\n');
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b, c', 'say "да"', 'two\nlines'] },
      { line: 3, cells: ['x', 'y', 'z', 'w'] },
    ]);
  });

  it('when lines are blank or the file starts with a BOM, then they are skipped and empty cells kept', () => {
    expect(readDelimited('\uFEFFa,,b\n\n\r\nc,d\r').records).toEqual([
      { line: 1, cells: ['a', '', 'b'] },
      { line: 4, cells: ['c', 'd'] },
    ]);
  });

  it('when text follows a closing quote, then that line is reported and the record dropped', () => {
    const { records, errors } = readDelimited('a,b\n"x"y,z\nc,d\n');
    expect(records.map((r) => r.line)).toEqual([1, 3]);
    expect(errors).toEqual([{ line: 2, message: expect.stringContaining('closing quote') }]);
  });

  it('when a quote is never closed, then the line where it opened is reported', () => {
    expect(readDelimited('a,b\nc,"open\nd,e\n').errors).toEqual([{ line: 2, message: 'a quoted field opened here is never closed' }]);
  });

  it('when a record is written, then only cells that need it are quoted and it reads back the same', () => {
    const cells = ['plain', 'with, comma', 'a "quote"', 'line\nbreak', ' edge ', ''];
    const line = writeDelimited(cells);
    expect(line).toBe('plain,"with, comma","a ""quote""","line\nbreak"," edge ",');
    expect(readDelimited(line).records[0]?.cells).toEqual(cells);
  });
});
