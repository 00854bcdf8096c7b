import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../src/documents/segmentation.js';
import { samplesDir } from '../src/paths.js';

/** A long article made by repeating the sample paragraphs until it has at least `segments` sentences. */
export function longArticle(segments: number): Buffer {
  const files = ['baku-defence-talks.ru.txt', 'caspian-exercise.ru.txt', 'budget-session.ru.txt']
    .map((f) => join(samplesDir, f))
    .filter(existsSync);
  const bodies = files.map((f) => readFileSync(f, 'utf8').split(/\n\s*\n/).slice(1).join('\n\n'));
  const parts: string[] = ['Длинный материал для замера скорости'];
  let sentences = 0;
  for (let i = 0; sentences < segments; i++) {
    const body = bodies[i % bodies.length]!;
    parts.push(body);
    sentences += body.split(/\n\s*\n/).reduce((n, paragraph) => n + splitSentences(paragraph).length, 0);
  }
  return Buffer.from(parts.join('\n\n'));
}

