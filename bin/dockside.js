#!/usr/bin/env node
// The `dockside` command. It runs the TypeScript sources through tsx, so `npx dockside …` works on a
// fresh clone without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
