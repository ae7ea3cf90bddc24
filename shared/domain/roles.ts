// Who may do what. Channels name a permission; roles grant sets of permissions. The UI reads the
// same table to hide what a role cannot do, but the core is what enforces it.
export const roles = ['operator', 'lead', 'admin'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'public',
  'station:use',
  'batches:review',
  'batches:approve',
  'partner:manage',
  'audit:read',
  // Support bundles and on-demand backups: what a lead or admin needs when something goes wrong.
  'station:maintain',
  'operators:manage',
  'settings:manage',
] as const;
export type Permission = (typeof permissions)[number];

const operatorGrants: readonly Permission[] = ['public', 'station:use'];
const leadGrants: readonly Permission[] = [...operatorGrants, 'batches:review', 'batches:approve', 'partner:manage', 'audit:read', 'station:maintain'];
const adminGrants: readonly Permission[] = [...leadGrants, 'operators:manage', 'settings:manage'];

const grants: Record<Role, ReadonlySet<Permission>> = {
  operator: new Set(operatorGrants),
  lead: new Set(leadGrants),
  admin: new Set(adminGrants),
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return grants[role].has(permission);
}

export const roleLabels: Record<Role, string> = { operator: 'Operator', lead: 'Shift lead', admin: 'Station admin' };
