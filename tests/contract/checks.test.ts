import { checks } from '../../src/checks/registry.js';
import { runCheckContract } from './check.contract.js';

runCheckContract(checks.terminology);
runCheckContract(checks.numbers);
runCheckContract(checks.untranslated);
