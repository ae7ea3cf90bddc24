// Opens MSAL's authorize URL in the system browser for the front doors without Electron's
// shell.openExternal (browser host, CLI). No shell is involved: the URL is one argv entry, so '&' and
// quotes in it cannot become commands. Only https URLs are accepted (the provider has already checked
// that it is the authority's authorize endpoint).
import { spawn } from 'node:child_process';

export type Spawner = (command: string, args: readonly string[]) => Promise<void>;

const detachedSpawn: Spawner = (command, args) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { stdio: 'ignore', detached: true, windowsHide: true, shell: false });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });

export function browserCommand(url: string, platform: NodeJS.Platform = process.platform): { command: string; args: string[] } {
  if (new URL(url).protocol !== 'https:') throw new Error('Only https sign-in pages are opened.');
  if (platform === 'win32') return { command: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', url] };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  return { command: 'xdg-open', args: [url] };
}

/** openBrowser for createMsalTokenProvider outside Electron. Rejects when no opener can be started. */
export function systemBrowserOpener(platform: NodeJS.Platform = process.platform, run: Spawner = detachedSpawn): (url: string) => Promise<void> {
  return async (url) => {
    const { command, args } = browserCommand(url, platform);
    await run(command, args);
  };
}
