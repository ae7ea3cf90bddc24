// `npm run db:generate -- --name what_changed`: drizzle-kit writes the migration, then its hash joins
// the lock (existing hashes are never rewritten; db:check fails if a committed migration changes).
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

execFileSync(process.execPath, [resolve('node_modules/drizzle-kit/bin.cjs'), 'generate', ...process.argv.slice(2)], { stdio: 'inherit' });
execFileSync(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), resolve('db/check-migrations.ts'), '--update-lock'], { stdio: 'inherit' });
