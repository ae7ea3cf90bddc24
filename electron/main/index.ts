// Electron main entry: everything happens in lifecycle.ts, so it can be tested with a fake Electron.
import { runApp } from './lifecycle';

void runApp();
