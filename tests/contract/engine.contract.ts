import { describe, expect, it } from 'vitest';
import type { Engine, EngineSegment } from '../../src/engines/engine.js';

/**
 * The suite every machine-translation engine must pass. Engines that call a vendor run it against a
 * fake vendor; add one line to tests/contract/engines.test.ts per engine.
 */
export function runEngineContract(name: string, makeEngine: () => Engine | Promise<Engine>): void {
  const ready = async (): Promise<Engine> => {
    const engine = await makeEngine();
    await engine.warmUp?.();
    return engine;
  };
  const segment = (text: string, terms: EngineSegment['terms'] = []): EngineSegment => Object.freeze({ text, terms: Object.freeze([...terms]) });

  describe(`engine contract: ${name}`, () => {
    it('when described, then it has an id, a label, a positive whole maxBatch and says whether data leaves the machine', async () => {
      const engine = await makeEngine();
      expect(engine.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(engine.label.trim()).not.toBe('');
      expect(Number.isInteger(engine.maxBatch) && engine.maxBatch > 0).toBe(true);
      expect(typeof engine.sendsDataToThirdParty).toBe('boolean');
    });

    // Every translation job calls warmUp() again on the same engine, so a second call must be harmless.
    it('when warmed up a second time, then the call resolves and the engine translates exactly as before', async ({ skip }) => {
      const engine = await makeEngine();
      if (!engine.warmUp) return skip('this engine has no warmUp');
      const batch = [segment('Номер 101.'), segment('Министр обороны провел встречу с делегацией.')];
      await expect(engine.warmUp()).resolves.toBeUndefined();
      const before = await engine.translate(batch);
      expect(before).toHaveLength(2);
      expect(before[0]!.text).toContain('101');
      expect(before[1]!.text.trim()).not.toBe('');
      await expect(engine.warmUp()).resolves.toBeUndefined();
      expect(await engine.translate(batch)).toEqual(before);
    });

    it('when given an empty batch, then it returns an empty list', async () => {
      expect(await (await ready()).translate([])).toEqual([]);
    });

    it('when given a batch, then it returns one result per segment, in order', async () => {
      const engine = await ready();
      const numbers = [101, 202, 303, 404, 505];
      const results = await engine.translate(numbers.map((n) => segment(`Номер ${n}.`)));
      expect(results).toHaveLength(numbers.length);
      results.forEach((result, i) => expect(result.text).toContain(String(numbers[i])));
    });

    it('when a segment is not empty, then its translation is not empty', async () => {
      const [result] = await (await ready()).translate([segment('Министр обороны провел встречу с делегацией.')]);
      expect(result?.text.trim()).not.toBe('');
    });

    it('when a segment has glossary terms, then every target appears verbatim in the translation', async () => {
      const text = 'Генерал-полковник Керим Велиев встретился с Ильхамом Алиевым.';
      const first = 'Генерал-полковник Керим Велиев';
      const second = 'Ильхамом Алиевым';
      const terms = [
        { start: text.indexOf(first), end: text.indexOf(first) + first.length, target: 'Col. Gen. Karim Valiyev', entryId: 'a' },
        { start: text.indexOf(second), end: text.indexOf(second) + second.length, target: 'Ilham Aliyev', entryId: 'b' },
      ];
      const [result] = await (await ready()).translate([segment(text, terms)]);
      expect(result?.text).toContain('Col. Gen. Karim Valiyev');
      expect(result?.text).toContain('Ilham Aliyev');
    });

    it('when the batch is as large as maxBatch, then every segment is translated', async () => {
      const engine = await ready();
      const batch = Array.from({ length: engine.maxBatch }, (_, n) => segment(`Встреча ${n + 1}.`));
      const results = await engine.translate(batch);
      expect(results).toHaveLength(engine.maxBatch);
      expect(results.every((r) => r.text.trim() !== '')).toBe(true);
    });

    it('when the same batch is translated twice, then the results are the same', async () => {
      const engine = await ready();
      const batch = [segment('Стороны обсудили вопросы безопасности.'), segment('26 ноября в Москве состоялись переговоры.')];
      expect(await engine.translate(batch)).toEqual(await engine.translate(batch));
    });

    it('when unknown words are reported, then each is a word of its source segment', async () => {
      const text = 'Министр осмотрел дирижабль и квадрокоптер.';
      const [result] = await (await ready()).translate([segment(text)]);
      for (const word of result?.unknownWords ?? []) expect(text).toContain(word);
    });

    it('when the signal is already aborted, then translate rejects', async () => {
      const engine = await ready();
      const controller = new AbortController();
      controller.abort();
      await expect(engine.translate([segment('Встреча.')], { signal: controller.signal })).rejects.toThrow();
    });
  });
}
