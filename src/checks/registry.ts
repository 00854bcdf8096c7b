import type { Check, CheckInput, Issue, Severity } from './check.js';
import { numbersCheck } from './numbers.js';
import { terminologyCheck } from './terminology.js';
import { untranslatedCheck } from './untranslated.js';

/** Every QA check, keyed by its id, in the order their issues are listed. Adding one: one import, one line. */
export const checks = {
  terminology: terminologyCheck,
  numbers: numbersCheck,
  untranslated: untranslatedCheck,
} as const satisfies Record<string, Check>;

export type CheckId = keyof typeof checks;

/** An issue with the check that raised it and its final severity. */
export interface CheckedIssue extends Issue {
  checkId: string;
  severity: Severity;
}

export function listChecks(): Check[] {
  return Object.values(checks);
}

/** Runs every registered check on one segment. */
export function runChecks(input: CheckInput, list: readonly Check[] = listChecks()): CheckedIssue[] {
  return list.flatMap((check) => check.run(input).map((issue) => ({ ...issue, checkId: check.id, severity: issue.severity ?? check.severity })));
}
