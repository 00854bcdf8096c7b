import { describe, expect, it } from 'vitest';
import { makeExportedVersion } from '../../tests/fixtures/exported-version.js';
import { txtExporter } from './txt.js';

describe('txtExporter', () => {
  it('when rendered, then the headline, a blank line and space-joined paragraphs follow exactly', () => {
    expect(txtExporter.render(makeExportedVersion(5))).toBe(
      [
        'City council approves bridge repairs',
        '',
        'TVER, March 4 — The city council considered item No. 2 on the agenda at an open session. ' +
          "According to the mayor's office, repairs to bridge No. 3 on Sadovaya Street will be finished by the end of the quarter.",
        '',
        'A ministry spokesperson said the programme would also include School No. 4.',
        '',
      ].join('\n'),
    );
  });

  it('when a target is empty, then it is skipped without leaving a double space', () => {
    const version = makeExportedVersion(4);
    version.paragraphs[1]!.segments[1]!.target = '';
    const [, body] = txtExporter.render(version).split('\n\n');
    expect(body).toBe("TVER, March 4 — According to the mayor's office, repairs to bridge No. 3 on Sadovaya Street will be finished by the end of the quarter.\n");
  });

  it('when a whole paragraph has empty targets, then no extra blank lines appear', () => {
    const version = makeExportedVersion(8);
    for (const segment of version.paragraphs[1]!.segments) segment.target = '';
    expect(txtExporter.render(version)).not.toMatch(/\n{3,}/);
  });

  it('when a target contains a line break, then the paragraph stays on one line', () => {
    const version = makeExportedVersion(3);
    version.paragraphs[1]!.segments[1]!.target = 'First half,\n  second half.';
    expect(txtExporter.render(version)).toContain('TVER, March 4 — First half, second half.\n');
  });

  it('when the headline is not the first paragraph, then it still comes first', () => {
    const version = makeExportedVersion(3);
    version.paragraphs.reverse();
    expect(txtExporter.render(version).split('\n')[0]).toBe('City council approves bridge repairs');
  });
});
