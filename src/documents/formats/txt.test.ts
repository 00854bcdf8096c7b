import { describe, expect, it } from 'vitest';
import { txtFormat } from './txt.js';

describe('txt format', () => {
  it('when a text file has a headline line and paragraphs, then it gives a heading and paragraph blocks', async () => {
    const file = Buffer.from('Порт принял рекордный груз\r\n\r\nМУРМАНСК, 2 фев — РИА Новости. Порт обработал уголь.\r\nСуда ждут у причала.\r\n');
    expect(await txtFormat.extract(file)).toEqual({
      blocks: [
        { role: 'heading', text: 'Порт принял рекордный груз' },
        { role: 'paragraph', text: 'МУРМАНСК, 2 фев — РИА Новости. Порт обработал уголь.' },
        { role: 'paragraph', text: 'Суда ждут у причала.' },
      ],
    });
  });

  it('when the file is Windows-1251 and the uploader says so, then it decodes', async () => {
    const file = Buffer.from([0xcf, 0xee, 0xf0, 0xf2, 0x2e]); // "Порт."
    expect(await txtFormat.extract(file, { encoding: 'windows-1251' })).toEqual({ blocks: [{ role: 'paragraph', text: 'Порт.' }] });
  });
});
