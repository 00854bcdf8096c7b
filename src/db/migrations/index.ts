import type { Migration } from 'kysely';
import * as initial from './001_initial.js';
import * as glossary from './002_glossary.js';
import * as checks from './003_checks.js';
import * as mtCost from './004_mt_cost.js';
import * as tokenOwner from './005_token_owner.js';

/** Every migration, in order. Names are permanent: add new ones, never rename or edit applied ones. */
export const migrations: Record<string, Migration> = {
  '001_initial': initial,
  '002_glossary': glossary,
  '003_checks': checks,
  '004_mt_cost': mtCost,
  '005_token_owner': tokenOwner,
};
