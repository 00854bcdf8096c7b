import type { Migration } from 'kysely';
import * as initial from './001_initial.js';

/** Every migration, in order. Names are permanent: add new ones, never rename or edit applied ones. */
export const migrations: Record<string, Migration> = {
  '001_initial': initial,
};
