import type { Role } from '../db/schema.js';

/** What each role may do. Routes ask for a permission, never for a role. */
export type Permission =
  | 'documents:read'
  | 'documents:create'
  | 'documents:translate'
  | 'segments:edit'
  | 'documents:approve'
  | 'exports:read'
  | 'glossary:manage'
  | 'users:manage';

const translator: Permission[] = ['documents:read', 'documents:create', 'documents:translate', 'segments:edit', 'exports:read'];
const editor: Permission[] = [...translator, 'documents:approve', 'glossary:manage'];

export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  translator: new Set(translator),
  editor: new Set(editor),
  admin: new Set<Permission>([...editor, 'users:manage']),
  // A publishing system pulls approved exports and nothing else.
  publisher: new Set<Permission>(['exports:read']),
};

export const userRoles = ['translator', 'editor', 'admin'] as const;
export const tokenRoles = ['publisher', 'translator', 'editor', 'admin'] as const;

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].has(permission);
}
