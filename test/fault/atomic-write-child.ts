// Child for atomic-write.test.ts: rewrites one file forever, each version complete and self-checking,
// until the parent kills it with SIGKILL at a random moment.
import { writeFileAtomic } from '../../electron/core/files/atomic-write';

const path = process.argv[2];
if (!path) throw new Error('usage: atomic-write-child FILE');
for (let version = 1; ; version++) {
  const body = `${version}\n`.repeat(200_000);
  await writeFileAtomic(path, `BEGIN ${version} ${body.length}\n${body}END ${version}\n`);
  process.stdout.write(`${version}\n`);
}
