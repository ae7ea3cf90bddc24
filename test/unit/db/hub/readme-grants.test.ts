// The GRANTs the fleet tests give the station roles are the README's, line for line: an admin who
// follows the README gets a hub the tests have run against.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STATION_GRANTS } from '../../../integration/fleet/fleet-roles';

describe("the README's station GRANTs", () => {
  it('are the ones the fleet tests run with', () => {
    const readme = readFileSync('README.md', 'utf8');
    const block = /GRANT CONNECT ON DATABASE dockside_fleet[\s\S]*?\nSQL\n/.exec(readme)?.[0] ?? '';
    const grants = (text: string) => text.split('\n').filter((l) => l.startsWith('GRANT '));
    expect(grants(block)).toEqual(grants(STATION_GRANTS));
  });
});
