// Node side of the camera harness: bundles harness.mts (and the real renderer scanner code it
// imports) with esbuild in memory, and serves it with index.html on 127.0.0.1, which Chromium
// treats as a secure context, so navigator.mediaDevices exists.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface HarnessServer {
  readonly url: string;
  close(): Promise<void>;
}

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

export interface HarnessFile {
  readonly type: string;
  readonly body: Uint8Array;
}

/** `files` are served at /files/<name> (the photo comparison loads its images from there). */
export async function serveCameraHarness(files: ReadonlyMap<string, HarnessFile> = new Map()): Promise<HarnessServer> {
  const bundle = await build({
    entryPoints: [here('./harness.mts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.contents;
  if (script === undefined) throw new Error('esbuild produced no output for the camera harness');
  const page = readFileSync(here('./index.html'));
  const server = createServer((request, response) => {
    const file = request.url?.startsWith('/files/') ? files.get(decodeURIComponent(request.url.slice('/files/'.length))) : undefined;
    const [type, body] =
      request.url === '/harness.js' ? ['text/javascript', script] : request.url === '/' ? ['text/html', page] : file !== undefined ? [file.type, file.body] : [];
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': type ?? 'text/plain' });
    response.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('camera harness server has no TCP port');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
