import { benchChecks } from './checks.js';
import { benchCost } from './cost.js';
import { benchGlossary } from './glossary.js';
import { benchGlossaryStore } from './glossary-store.js';
import { benchOffline } from './offline.js';
import { benchProviders } from './providers.js';
import { benchResponsiveness } from './responsiveness.js';
import { benchReviewPage } from './review-page.js';
import { benchWorkflow } from './workflow.js';

/** `npm run bench`: every suite in order; each prints one JSON line per figure. Add a suite with one line. */
const suites: Array<[string, () => Promise<void>]> = [['workflow', benchWorkflow], ['cost', benchCost], ['providers', benchProviders], ['checks', benchChecks], ['offline', benchOffline], ['glossary', benchGlossary], ['glossary-store', benchGlossaryStore], ['responsiveness', benchResponsiveness], ['review-page', benchReviewPage]];

const only = process.argv[2];
for (const [name, suite] of suites) {
  if (only && only !== name) continue;
  await suite();
}
