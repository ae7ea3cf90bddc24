// Debian's Chromium and the flags this machine needs (ARCHITECTURE.md, "This machine"): never a
// Playwright-downloaded browser, and no background networking on a closed network.
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The same, plus a fake webcam that plays a Y4M file. */
export function fakeCameraFlags(y4mPath: string): string[] {
  return [...CHROMIUM_FLAGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4mPath}`];
}
