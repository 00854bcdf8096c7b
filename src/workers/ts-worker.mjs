// Worker entry when Tandem runs from its TypeScript sources (tests, `npm run dev`): the compiled
// build loads worker.js directly. tsx's loader is registered in this thread before worker.ts loads.
import { register } from 'tsx/esm/api';

register();
const { default: runTask } = await import('./worker.ts');
export default runTask;
