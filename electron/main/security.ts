// Hardening for every web contents and for the session (Electron security checklist): no navigation
// away from app://dockside, no new windows, no <webview>, and one permission granted: the camera, to
// our own origin. Nothing here ever passes a renderer string to shell.openExternal.
import type { App, Event, Session, WebContents } from 'electron';
import { isAppOrigin } from './origin';

export function isAllowedNavigation(url: string): boolean {
  return isAppOrigin(url);
}

export function hardenWebContents(contents: WebContents): void {
  const guard = (event: Event<{ url: string }>) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  // Sub-frames too: CSP already limits frames to 'self', this closes the gap if that ever changes.
  contents.on('will-frame-navigate', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Every web contents the app ever creates gets the same guards, not only the main window's. */
export function hardenApp(app: App): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

/** The camera (video capture) only, and only for app://dockside; microphone and everything else: no. */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined, mediaTypes: readonly string[] | undefined): boolean {
  if (permission !== 'media') return false;
  if (!isAppOrigin(requestingUrl)) return false;
  return mediaTypes !== undefined && mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
}

export function installPermissionHandlers(session: Session): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(isPermissionAllowed(permission, details.requestingUrl, mediaTypes));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) => {
    // Both the origin and, when Chromium gives it, the frame URL must be ours.
    if (details.requestingUrl !== undefined && !isAppOrigin(details.requestingUrl)) return false;
    const mediaTypes = details.mediaType === undefined ? undefined : [details.mediaType];
    return isPermissionAllowed(permission, requestingOrigin, mediaTypes);
  });
  // WebHID / WebSerial / WebUSB device access: never.
  session.setDevicePermissionHandler(() => false);
}
