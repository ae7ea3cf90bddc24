// `npm run emulator -- --port 4010 --seed electron/practice/emulator/seeds/demo.json`
// Prints the URL and the usable tokens, then serves until SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { startEmulator } from '../../electron/practice/emulator/index';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    seed: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log('Usage: tsx test/emulator/cli.ts [--port N] [--seed FILE.json]');
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid --port ${values.port ?? ''}`);
  process.exit(2);
}

const emulator = await startEmulator({ port, seedFile: values.seed });
const stats = emulator.control.stats();
console.log(`Partner Center emulator listening on ${emulator.url} (API: ${emulator.url}/v1, control: ${emulator.url}/_emulator)`);
console.log(`customers: ${stats.customers}, registry devices: ${emulator.control.registry().length}`);
console.log('tokens (Authorization: Bearer <token>):');
for (const t of emulator.control.tokens()) {
  const note = t.tokenClass === 'app+user' && t.role === 'admin_agent' ? '  <- valid' : '';
  console.log(`  ${t.token.padEnd(30)} ${t.tokenClass}${t.role === 'sales_agent' ? ', sales_agent' : ''}${note}`);
}

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping emulator`);
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
