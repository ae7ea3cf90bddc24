// Support bundles live in <dataDir>/support, named so that a folder of them from several stations
// sorts by station, then time: dockside-support-<station>-<yyyymmddThhmmssZ>.zip.
import { join } from 'node:path';

export function supportDirFor(dataDir: string): string {
  return join(dataDir, 'support');
}

/** The station's name as a file-name part: lower-case letters, digits and dashes, never empty. */
export function stationSlug(name: string, id: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || `station-${id.slice(0, 8)}`;
}

export function bundleFileName(station: string, at: number, attempt = 0): string {
  const stamp = new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
  return `dockside-support-${station}-${stamp}${attempt > 0 ? `-${attempt + 1}` : ''}.zip`;
}
