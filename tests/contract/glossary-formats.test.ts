import { glossaryFormats } from '../../src/glossary/formats/registry.js';
import { runGlossaryFormatContract } from './glossary-format.contract.js';

runGlossaryFormatContract(glossaryFormats.tbx);
runGlossaryFormatContract(glossaryFormats.csv);
runGlossaryFormatContract(glossaryFormats.tsv);
runGlossaryFormatContract(glossaryFormats.deepl);
runGlossaryFormatContract(glossaryFormats.google);
