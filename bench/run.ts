import { benchWorkflow } from './workflow.js';

/** `npm run bench`: every suite in order; each prints one JSON line per figure. Add a suite with one line. */
const suites: Array<[string, () => Promise<void>]> = [['workflow', benchWorkflow]];

const only = process.argv[2];
for (const [name, suite] of suites) {
  if (only && only !== name) continue;
  await suite();
}
