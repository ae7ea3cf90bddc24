import type { DocksideBridge } from '../../shared/contract/bridge';

declare global {
  interface Window {
    /** The Electron preload bridge; absent when the renderer runs in a browser against the host. */
    dockside?: DocksideBridge;
  }
}
