// Reads drizzle-kit's output (journal + SQL files) into a list the migrator can apply and hash.
// drizzle's own migrator only keeps a high-water mark and never compares hashes, so an edited or
// reordered migration would be silently skipped; ours hashes every file (see migrate.ts).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const journalSchema = z.object({
  entries: z.array(z.object({ idx: z.number(), tag: z.string(), when: z.number() })),
});

export interface Migration {
  readonly idx: number;
  readonly tag: string;
  readonly hash: string;
  readonly statements: readonly string[];
}

export const defaultMigrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function loadMigrations(dir: string = defaultMigrationsDir): Migration[] {
  const journal = journalSchema.parse(JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')));
  return journal.entries
    .toSorted((a, b) => a.idx - b.idx)
    .map((entry) => {
      const text = readFileSync(join(dir, `${entry.tag}.sql`), 'utf8');
      const statements = text
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      return { idx: entry.idx, tag: entry.tag, hash: sha256(text), statements };
    });
}
