import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths.js';

/** The parallel test set of issue 4 (bench/testset/README.md): original Russian news paragraphs with reference English. */
export const TESTSET_DIR = join(projectRoot, 'bench', 'testset');

export type TestHalf = 'dev' | 'test';

export interface TestParagraph {
  /** `NN-topic`: the number decides the half (odd → dev, even → test). */
  id: string;
  ru: string;
  /** Reference English, glossary terms in their official form. */
  en: string;
}

const HEADER = 'id\tru\ten';
const ID = /^(\d{2,})-[a-z]+$/;

const messages = {
  header: (file: string, got: string) => `${file}: the first line must be "${HEADER.replaceAll('\t', '\\t')}", got "${got}"`,
  columns: (file: string, line: number, n: number) => `${file}:${line}: expected 3 tab-separated columns, got ${n}`,
  id: (file: string, line: number, id: string) => `${file}:${line}: id "${id}" is not NN-topic (e.g. 07-politics)`,
  empty: (file: string, line: number) => `${file}:${line}: empty Russian or English`,
  half: (file: string, line: number, id: string, half: TestHalf) => `${file}:${line}: ${id} belongs in ${half}.tsv (odd numbers dev, even test)`,
};

/** Which half a paragraph belongs to, by the fixed rule: odd numbers dev, even numbers test. */
export function halfOf(id: string): TestHalf {
  const number = Number(ID.exec(id)?.[1] ?? Number.NaN);
  return number % 2 === 1 ? 'dev' : 'test';
}

/** Parses one half's TSV; a malformed line or a paragraph in the wrong half throws with its line number. */
export function parseTestSet(text: string, half: TestHalf, file = `${half}.tsv`): TestParagraph[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0] !== HEADER) throw new Error(messages.header(file, lines[0] ?? ''));
  const paragraphs: TestParagraph[] = [];
  lines.slice(1).forEach((line, i) => {
    const lineNo = i + 2;
    if (!line.trim()) return;
    const cells = line.split('\t');
    if (cells.length !== 3) throw new Error(messages.columns(file, lineNo, cells.length));
    const [id, ru, en] = cells.map((c) => c.trim()) as [string, string, string];
    if (!ID.test(id)) throw new Error(messages.id(file, lineNo, id));
    if (!ru || !en) throw new Error(messages.empty(file, lineNo));
    if (halfOf(id) !== half) throw new Error(messages.half(file, lineNo, id, halfOf(id)));
    paragraphs.push({ id, ru, en });
  });
  return paragraphs;
}

/** One half of the test set. Tune on `dev` only; `test` is for the figure `npm run bench` reports. */
export function loadTestSet(half: TestHalf, dir = TESTSET_DIR): TestParagraph[] {
  return parseTestSet(readFileSync(join(dir, `${half}.tsv`), 'utf8'), half);
}
