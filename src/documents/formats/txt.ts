import { decodeText, type DecodeOptions } from '../decode.js';
import { plainTextBlocks } from '../structure.js';
import type { ExtractedDocument, ImportFormat } from './format.js';

export const txtFormat = {
  id: 'txt',
  label: 'Plain text',
  extensions: ['txt'],
  contentTypes: ['text/plain'],
  async extract(bytes: Buffer, options?: DecodeOptions): Promise<ExtractedDocument> {
    return { blocks: plainTextBlocks(decodeText(bytes, options?.encoding)) };
  },
} satisfies ImportFormat;
