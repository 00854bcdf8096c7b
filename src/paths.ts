import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, found the same way from src/ (tsx, vitest) and dist/src/ (built). */
function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
export const viewsDir = join(projectRoot, 'views');
export const publicDir = join(projectRoot, 'public');
export const samplesDir = join(projectRoot, 'samples');
export const glossaryDir = join(projectRoot, 'glossary');
