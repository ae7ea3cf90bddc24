// The camera the operator picked, remembered on this machine (device ids are per machine anyway).
const KEY = 'dockside.scan.camera';

export function rememberedCamera(storage: Pick<Storage, 'getItem'> | null = safeLocalStorage()): string | null {
  try {
    return storage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

export function rememberCamera(deviceId: string, storage: Pick<Storage, 'setItem'> | null = safeLocalStorage()): void {
  try {
    storage?.setItem(KEY, deviceId);
  } catch {
    // Storage full or blocked: the choice lasts until the page closes.
  }
}

/** The remembered camera if it is still plugged in, else the first one. */
export function pickCamera(cameras: readonly { readonly deviceId: string }[], remembered: string | null): string | undefined {
  return cameras.find((c) => c.deviceId === remembered)?.deviceId ?? cameras[0]?.deviceId;
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
