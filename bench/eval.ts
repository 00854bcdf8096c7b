import { parseArgs } from 'node:util';
import { offlineEngine } from '../src/engines/offline/index.js';
import { glossaryFromFile } from '../src/quality/glossary.js';
import { bleu, chrF } from '../src/quality/metrics.js';
import { loadTestSet } from '../src/quality/testset.js';
import { translateParagraphs } from '../src/quality/translate.js';

/*
 * `npm run eval`: the offline engine on the DEV half, one block per paragraph, worst chrF first, then the
 * corpus figures. For tuning the engine. It reads only dev.tsv on purpose: the test half is scored by
 * `npm run bench` and must not be tuned on. `npm run eval -- --worst 10` shows the ten worst only.
 */
const { values } = parseArgs({ options: { worst: { type: 'string' } } });
const limit = values.worst ? Number(values.worst) : Number.POSITIVE_INFINITY;

const dev = loadTestSet('dev');
const glossary = await glossaryFromFile();
const hypotheses = await translateParagraphs(offlineEngine, glossary, dev.map((p) => p.ru));
const rows = dev
  .map((p, i) => ({ ...p, hyp: hypotheses[i]!, chrf: chrF([hypotheses[i]!], [p.en]) }))
  .sort((a, b) => a.chrf - b.chrf)
  .slice(0, limit);

for (const row of rows) {
  console.log(`${row.id}  chrF ${row.chrf.toFixed(1)}`);
  console.log(`  ru:  ${row.ru}`);
  console.log(`  hyp: ${row.hyp}`);
  console.log(`  ref: ${row.en}\n`);
}
const references = dev.map((p) => p.en);
console.log(`dev: ${dev.length} paragraphs, chrF ${chrF(hypotheses, references).toFixed(2)}, BLEU ${bleu(hypotheses, references).toFixed(2)}`);
