// The station's pages, who may see them, and their keyboard shortcuts (Alt+1..5).
import { roleAllows, type Permission, type Role } from '../../../../shared/domain/roles';

export const pageIds = ['scan', 'batches', 'upload', 'reports', 'settings'] as const;
export type PageId = (typeof pageIds)[number];

export interface PageDef {
  id: PageId;
  label: string;
  /** The digit pressed with Alt. */
  key: string;
  permission: Permission;
}

export const pages: readonly PageDef[] = [
  { id: 'scan', label: 'Scan', key: '1', permission: 'station:use' },
  { id: 'batches', label: 'Batches', key: '2', permission: 'station:use' },
  { id: 'upload', label: 'Upload', key: '3', permission: 'batches:approve' },
  { id: 'reports', label: 'Reports', key: '4', permission: 'audit:read' },
  { id: 'settings', label: 'Settings', key: '5', permission: 'station:use' },
];

export function pagesFor(role: Role): PageDef[] {
  return pages.filter((p) => roleAllows(role, p.permission));
}

/** The page to show: the chosen one if the role may see it, else the first it may. */
export function visiblePage(role: Role, chosen: PageId): PageId {
  const allowed = pagesFor(role);
  return allowed.some((p) => p.id === chosen) ? chosen : (allowed[0]?.id ?? 'settings');
}
