// A stand-in for libsecret's `secret-tool` (store reads the secret on stdin, lookup prints it), keeping
// secrets in a folder of the test's own, so the CLI's real keychain path runs where no desktop keyring exists.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function fakeSecretTool(dir: string): string {
  const bin = join(dir, 'bin');
  const store = join(dir, 'secrets');
  mkdirSync(bin, { recursive: true });
  mkdirSync(store, { recursive: true, mode: 0o700 });
  const script = `#!/bin/sh
verb="$1"; shift
[ "$verb" = store ] && shift
key=$(printf '%s ' "$@" | sha256sum | cut -c1-32)
case "$verb" in
  store) cat > "${store}/$key" ;;
  lookup) [ -f "${store}/$key" ] && cat "${store}/$key" || exit 1 ;;
  *) exit 2 ;;
esac
`;
  writeFileSync(join(bin, 'secret-tool'), script);
  chmodSync(join(bin, 'secret-tool'), 0o755);
  return bin;
}
