import { describe, expect, it } from 'vitest';
import type { Check, CheckInput } from '../../src/checks/check.js';
import { checks } from '../../src/checks/registry.js';
import { checkInput, entries } from '../fixtures/check-input.js';

/** A faithful translation every check must accept: terms official, numbers carried, no Russian left. */
const faithful = () =>
  checkInput(
    'Генерал армии Валерий Герасимов 3 марта провел на Каспии совещание, в котором участвовали 1 500 военных и 12 кораблей.',
    'On March 3, General of the Army Valery Gerasimov held a meeting in the Caspian attended by 1,500 troops and 12 ships.',
    [
      { surface: 'Генерал армии', entry: entries.generalOfArmy },
      { surface: 'Валерий Герасимов', entry: entries.gerasimov },
      { surface: 'Каспии', entry: entries.caspian },
    ],
  );

/** Inputs that have broken naive code: markup, emoji, empty source, long text, odd spaces; each check must flag at least one. */
const awkward = (): CheckInput[] => [
  checkInput('', ''),
  checkInput('', 'Text without a source'),
  checkInput('Москва 🌷 <b>весна</b>', 'Moscow 🌷 <b>spring</b>'),
  checkInput('Цена\u00A0— 10\u00A0000\u202Fруб.', 'Price\u00A0— 10,000 roubles'),
  checkInput('Совещание. '.repeat(600), 'Meeting. '.repeat(600)),
  checkInput('Генерал армии', 'Генерал армии', [{ surface: 'Генерал армии', entry: entries.generalOfArmy }]),
  checkInput('🌷 Цена\u00A0— 10\u00A0000\u202Fруб., а 🚀 — 1,5 млн.', '🌷 The price is in roubles, and 🚀 costs 1.5 million.'),
];

/**
 * The suite every QA check must pass: add one `runCheckContract(checks.<id>)` line to
 * tests/contract/checks.test.ts.
 */
export function runCheckContract(check: Check): void {
  describe(`check contract: ${check.id}`, () => {
    it('when its metadata is read, then id, label and severity are declared and the registry knows it by its id', () => {
      expect(check.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(check.label.trim()).not.toBe('');
      expect(['error', 'warning']).toContain(check.severity);
      expect((checks as Record<string, Check>)[check.id]).toBe(check);
    });

    it('when the translation is faithful, then it reports nothing', () => {
      expect(check.run(faithful())).toEqual([]);
    });

    it('when the target is empty or blank, then it reports nothing (an untranslated segment is not a QA issue)', () => {
      const input = faithful();
      expect(check.run({ ...input, target: '' })).toEqual([]);
      expect(check.run({ ...input, target: '  \n' })).toEqual([]);
    });

    it('when inputs are awkward, then every issue is well-formed: code, message, severity, spans inside the text, JSON details', () => {
      let reported = 0;
      for (const input of awkward()) {
        for (const issue of check.run(input)) {
          reported++;
          expect(issue.code).toMatch(/^[a-z][a-z_]*$/);
          expect(issue.message.trim()).not.toBe('');
          if (issue.severity) expect(['error', 'warning']).toContain(issue.severity);
          for (const span of issue.spans ?? []) {
            const text = span.side === 'source' ? input.source : input.target;
            expect(span.start).toBeGreaterThanOrEqual(0);
            expect(span.end).toBeGreaterThan(span.start);
            expect(span.end).toBeLessThanOrEqual(text.length);
          }
          expect(JSON.parse(JSON.stringify(issue.details ?? {}))).toEqual(issue.details ?? {});
        }
      }
      // Without an issue to inspect the checks above prove nothing: add an awkward input this check flags.
      expect(reported, `issues ${check.id} reported on the awkward inputs`).toBeGreaterThan(0);
    });

    it('when the same input is checked twice, then the results are identical', () => {
      const input = checkInput('Генерал армии провел 2 совещания.', 'Army General held meetings.', [{ surface: 'Генерал армии', entry: entries.generalOfArmy }]);
      expect(check.run(input)).toEqual(check.run(input));
    });

    it('when it runs, then it leaves its input unmodified', () => {
      const input = deepFreeze(faithful());
      expect(() => check.run(input)).not.toThrow();
      expect(input).toEqual(faithful());
    });
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof Map)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
