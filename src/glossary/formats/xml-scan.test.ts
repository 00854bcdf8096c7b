import { describe, expect, it } from 'vitest';
import { billionLaughsTbx, deepXmlTbx, externalEntityTbx } from '../../../tests/fixtures/hostile-inputs.js';
import { scanXml } from './xml-scan.js';

describe('xml scan of untrusted glossary files', () => {
  it('when a DOCTYPE declares entities (billion laughs), then line 2 is refused and nothing is expanded', () => {
    expect(scanXml(billionLaughsTbx().toString()).errors).toEqual([{ line: 2, message: expect.stringContaining('reads no DTD') }]);
  });

  it('when a DOCTYPE declares an external entity, then it is refused before any parser could resolve it', () => {
    expect(scanXml(externalEntityTbx().toString()).errors).toEqual([{ line: 2, message: expect.stringContaining('reads no DTD') }]);
  });

  it('when a DOCTYPE only names its DTD, as TBX tools write it, then the file reads on', () => {
    const tbx = '<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n<martif type="TBX-Basic"><text><body/></text></martif>\n';
    expect(scanXml(tbx).errors).toEqual([]);
  });

  it('when elements nest 500 deep, then the scan stops at the limit with the line', () => {
    expect(scanXml(deepXmlTbx(500).toString()).errors).toEqual([{ line: 2, message: expect.stringContaining('nest more than 64 deep') }]);
  });
});
