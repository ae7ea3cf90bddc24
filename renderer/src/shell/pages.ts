// The station's pages, who may see them, and their keyboard shortcuts (Alt+1..5).
import { roleAllows, type Permission, type Role } from '../../../shared/domain/roles';

export const pageIds = ['scan', 'batches', 'upload', 'reports', 'settings'] as const;
export type PageId = (typeof pageIds)[number];

export interface PageDef {
  id: PageId;
  /** The digit pressed with Alt. */
  key: string;
  permission: Permission;
}

export const pages: readonly PageDef[] = [
  { id: 'scan', key: '1', permission: 'station:use' },
  { id: 'batches', key: '2', permission: 'station:use' },
  { id: 'upload', key: '3', permission: 'batches:approve' },
  { id: 'reports', key: '4', permission: 'audit:read' },
  { id: 'settings', key: '5', permission: 'station:use' },
];

export function pagesFor(role: Role): PageDef[] {
  return pages.filter((p) => roleAllows(role, p.permission));
}

/** The page to show: the chosen one if the role may see it, else the first it may. */
export function visiblePage(role: Role, chosen: PageId): PageId {
  const allowed = pagesFor(role);
  return allowed.some((p) => p.id === chosen) ? chosen : (allowed[0]?.id ?? 'settings');
}
