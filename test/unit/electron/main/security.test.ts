import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../../helpers/electron-mock')).electronModule());

import { electronMock, fakeEvent, FakeWebContents, resetElectronMock } from '../../../helpers/electron-mock';
import { isAppOrigin, originOf } from '../../../../electron/main/origin';
import { hardenApp, hardenWebContents, installPermissionHandlers } from '../../../../electron/main/security';

const foreignUrls = [
  'https://evil.example/',
  'http://localhost:5173/index.html',
  'file:///etc/passwd',
  'app://evil/index.html',
  'app://dockside.evil.example/index.html',
  'app://dockside@evil.example/index.html',
  'app://dockside:8080/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'not a url',
];
const ourUrls = ['app://dockside/index.html', 'app://dockside/', 'app://dockside/review?batch=3#top'];

describe('origin', () => {
  it('compares parsed origins, so look-alikes are not ours', () => {
    for (const url of ourUrls) expect(isAppOrigin(url), url).toBe(true);
    for (const url of foreignUrls) expect(isAppOrigin(url), url).toBe(false);
    expect(originOf('app://dockside/x')).toBe('app://dockside');
    expect(originOf('https://a.example:8443/x')).toBe('https://a.example:8443');
    expect(isAppOrigin(null)).toBe(false);
  });
});

describe('web contents hardening', () => {
  let contents: FakeWebContents;
  beforeEach(() => {
    resetElectronMock();
    contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents);
  });

  for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
    it(`${event}: foreign origins are prevented, our own allowed`, () => {
      for (const url of foreignUrls) expect(contents.attempt(event, url), url).toBe(true);
      for (const url of ourUrls) expect(contents.attempt(event, url), url).toBe(false);
    });
  }

  it('denies every window.open, even to our own origin', () => {
    expect(contents.windowOpenHandler).not.toBeNull();
    for (const url of [...foreignUrls, ...ourUrls]) expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
  });

  it('never attaches a <webview>', () => {
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'app://dockside/index.html' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('is applied to every web contents the app creates', () => {
    hardenApp(electronMock.app as never);
    const other = new FakeWebContents();
    electronMock.app.emit('web-contents-created', fakeEvent(), other);
    expect(other.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(other.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  const session = electronMock.session.defaultSession;
  const contents = new FakeWebContents();

  function request(permission: string, requestingUrl: string, mediaTypes?: string[]): boolean {
    const callback = vi.fn();
    const details = mediaTypes === undefined ? { requestingUrl, isMainFrame: true } : { requestingUrl, isMainFrame: true, mediaTypes };
    (session.permissionRequestHandler as unknown as (...a: unknown[]) => void)(contents, permission, callback, details);
    expect(callback).toHaveBeenCalledTimes(1);
    return callback.mock.calls[0]![0] as boolean;
  }

  function check(permission: string, requestingOrigin: string, details: Record<string, unknown> = {}): boolean {
    return (session.permissionCheckHandler as unknown as (...a: unknown[]) => boolean)(contents, permission, requestingOrigin, { isMainFrame: true, ...details });
  }

  beforeEach(() => {
    resetElectronMock();
    installPermissionHandlers(session as unknown as Session);
  });

  it('grants the camera to our own origin', () => {
    expect(request('media', 'app://dockside/index.html', ['video'])).toBe(true);
    expect(check('media', 'app://dockside', { mediaType: 'video', requestingUrl: 'app://dockside/index.html' })).toBe(true);
  });

  it('denies the microphone, even to our origin', () => {
    expect(request('media', 'app://dockside/index.html', ['audio'])).toBe(false);
    expect(request('media', 'app://dockside/index.html', ['video', 'audio'])).toBe(false);
    expect(request('media', 'app://dockside/index.html', [])).toBe(false);
    expect(request('media', 'app://dockside/index.html')).toBe(false);
    expect(check('media', 'app://dockside', { mediaType: 'audio' })).toBe(false);
  });

  it('denies the camera to any other origin', () => {
    for (const url of foreignUrls) expect(request('media', url, ['video']), url).toBe(false);
    expect(check('media', 'https://evil.example', { mediaType: 'video' })).toBe(false);
    expect(check('media', 'app://dockside', { mediaType: 'video', requestingUrl: 'https://evil.example/' })).toBe(false);
  });

  it('denies everything else, to everyone', () => {
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'usb', 'display-capture']) {
      expect(request(permission, 'app://dockside/index.html'), permission).toBe(false);
      expect(check(permission, 'app://dockside', { requestingUrl: 'app://dockside/index.html' }), permission).toBe(false);
    }
    expect((session.devicePermissionHandler as unknown as () => boolean)()).toBe(false);
  });
});
