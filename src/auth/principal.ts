import type { Role } from '../db/schema.js';

/** Who is making a request: a signed-in person, or a system holding an API token. */
export interface Principal {
  kind: 'user' | 'token';
  /** User id for people; null for tokens, whose actions are not attributed to a person. */
  userId: number | null;
  name: string;
  role: Role;
}
