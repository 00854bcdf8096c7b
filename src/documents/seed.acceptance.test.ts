import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../paths.js';
import { prepareDocument } from './prepare.js';

// A real news article kept outside the repository; its text must not be copied into the project.
const seedPath = join(projectRoot, '../shared/seed/article.ru.txt');

describe('seed article', () => {
  it.skipIf(!existsSync(seedPath))('when the seed article is imported, then it gives 15–25 clean segments and opens with a dateline', async () => {
    const prepared = await prepareDocument(
      { bytes: readFileSync(seedPath), filename: 'article.ru.txt' },
      { maxBytes: 1024 * 1024 },
    );
    const segments = prepared.paragraphs.flatMap((paragraph) => paragraph.segments);

    expect(segments.length).toBeGreaterThanOrEqual(15);
    expect(segments.length).toBeLessThanOrEqual(25);
    expect(prepared.paragraphs[0]?.segments[0]?.kind).toBe('dateline');
    for (const { source } of segments) {
      expect(source).not.toMatch(/(?:^|\s)(?:ген|г|т\. ?[едп]|др|им|ст|ул)\.$/u);
      expect(source).not.toMatch(/(?:^|\s)\p{Lu}\.$/u);
      expect(source).toBe(source.trim().replace(/\s+/g, ' '));
    }
  });
});
