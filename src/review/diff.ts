import { diffWords } from 'diff';

/** One run of a word diff of the reviewed target against the MT draft. */
export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** Word diff from the MT draft to the current target; empty when there is no draft yet. */
export function diffAgainstMt(mt: string | null, target: string): DiffPart[] {
  if (mt === null) return [];
  return diffWords(mt, target).map((c) => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

/** Share of the MT draft's characters kept unchanged: a rough post-editing effort figure for the reviewer. */
export function keptShare(parts: DiffPart[]): number {
  const mtChars = parts.filter((p) => p.op !== 'added').reduce((n, p) => n + p.text.length, 0);
  if (mtChars === 0) return 1;
  return parts.filter((p) => p.op === 'same').reduce((n, p) => n + p.text.length, 0) / mtChars;
}
