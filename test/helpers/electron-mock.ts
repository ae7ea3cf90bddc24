// A hand-written fake of the parts of Electron that electron/main and electron/preload use, so their
// code runs in vitest without the real package (requiring it would try to download a binary). Use:
//
//   vi.mock('electron', async () => (await import('../../../helpers/electron-mock')).electronModule());
//   import { electronMock, resetElectronMock } from '../../../helpers/electron-mock';
//
// Objects are created once and reset in place, because the code under test keeps the references it
// imported. Only behaviour the tests rely on is modelled; anything else is absent on purpose.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';

type Handler = (...args: never[]) => unknown;

/** An Electron-style event: preventDefault() is remembered so tests can assert on it. */
export interface FakeEvent<T extends object = object> {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
  readonly params: T;
}

export function fakeEvent<T extends object>(params: T = {} as T): FakeEvent<T> & T {
  let prevented = false;
  return {
    ...params,
    params,
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  url = '';
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  readonly send = vi.fn<(channel: string, ...args: unknown[]) => void>();
  readonly loadURL = vi.fn(async (url: string) => {
    this.url = url;
  });

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Fires a navigation-like event ('will-navigate', 'will-redirect', …) and says whether it was blocked. */
  attempt(eventName: string, url: string): boolean {
    const event = fakeEvent({ url, isMainFrame: true, isSameDocument: false });
    this.emit(eventName, event, url);
    return event.defaultPrevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super();
    FakeBrowserWindow.instances.push(this);
    electronMock.app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.instances.find((w) => w.webContents === contents) ?? null;
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  appPath = '/opt/dockside/resources/app.asar';
  readonly setName = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly whenReady = vi.fn(() => Promise.resolve());
  readonly getAppPath = vi.fn(() => this.appPath);
  /** What getPreferredSystemLanguages() answers: on Linux, glib's POSIX names. */
  preferredSystemLanguages: string[] = ['en_US.UTF-8', 'en_US', 'en'];
  readonly getPreferredSystemLanguages = vi.fn(() => this.preferredSystemLanguages);
  readonly getLocale = vi.fn(() => 'en-US');
  readonly quit = vi.fn();
  readonly exit = vi.fn();
}

class FakeIpcMain {
  readonly handlers = new Map<string, Handler>();
  readonly handle = vi.fn((channel: string, handler: Handler) => {
    // Like Electron: a second handler for the same channel is an error.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  });
  readonly removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });
  /** Calls the registered handler as Electron would for an invoke from `event`'s sender. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return (handler as (...a: unknown[]) => unknown)(event, ...args);
  }
}

class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null }));
  readonly send = vi.fn();
  readonly sendSync = vi.fn();
}

class FakeContextBridge {
  readonly exposed = new Map<string, unknown>();
  readonly exposeInMainWorld = vi.fn((key: string, api: unknown) => {
    this.exposed.set(key, api);
  });
}

class FakeProtocol {
  readonly handlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  readonly registerSchemesAsPrivileged = vi.fn();
  readonly handle = vi.fn((scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
    this.handlers.set(scheme, handler);
  });
  readonly unhandle = vi.fn((scheme: string) => {
    this.handlers.delete(scheme);
  });
}

class FakeSession {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  devicePermissionHandler: Handler | null = null;
  readonly setPermissionRequestHandler = vi.fn((h: Handler | null) => {
    this.permissionRequestHandler = h;
  });
  readonly setPermissionCheckHandler = vi.fn((h: Handler | null) => {
    this.permissionCheckHandler = h;
  });
  readonly setDevicePermissionHandler = vi.fn((h: Handler | null) => {
    this.devicePermissionHandler = h;
  });
}

class FakeSafeStorage {
  backend = 'gnome_libsecret';
  available = true;
  readonly isAsyncEncryptionAvailable = vi.fn(async () => this.available);
  readonly getSelectedStorageBackend = vi.fn(() => this.backend);
  // Reversible but not plain text, so a test can tell encrypted bytes from the input.
  readonly encryptStringAsync = vi.fn(async (plain: string) => Buffer.from(`enc:${Buffer.from(plain).toString('base64')}`));
  readonly decryptStringAsync = vi.fn(async (data: Buffer) => {
    const text = data.toString();
    if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return { result: Buffer.from(text.slice(4), 'base64').toString(), shouldReEncrypt: false };
  });
  readonly encryptString = vi.fn(() => {
    throw new Error('sync safeStorage API used');
  });
  readonly decryptString = vi.fn(() => {
    throw new Error('sync safeStorage API used');
  });
}

function createMock() {
  const session = new FakeSession();
  return {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    ipcMain: new FakeIpcMain(),
    ipcRenderer: new FakeIpcRenderer(),
    contextBridge: new FakeContextBridge(),
    protocol: new FakeProtocol(),
    session: { defaultSession: session },
    safeStorage: new FakeSafeStorage(),
    dialog: { showErrorBox: vi.fn() },
  };
}

export type ElectronMock = ReturnType<typeof createMock>;
export const electronMock: ElectronMock = createMock();

/** The module object vi.mock('electron') should return (named exports plus a default). */
export function electronModule(): ElectronMock & { default: ElectronMock } {
  return { ...electronMock, default: electronMock };
}

function resetSpies(target: object): void {
  for (const value of Object.values(target)) if (vi.isMockFunction(value)) value.mockReset();
}

/** Puts every fake back to its initial state, keeping object identity (the code under test holds them). */
export function resetElectronMock(): void {
  const m = electronMock;
  for (const fake of [m.app, m.ipcMain, m.ipcRenderer, m.contextBridge, m.protocol, m.session.defaultSession, m.safeStorage, m.dialog]) {
    resetSpies(fake);
    if (fake instanceof EventEmitter) fake.removeAllListeners();
  }
  m.app.isPackaged = false;
  m.app.appPath = '/opt/dockside/resources/app.asar';
  m.app.preferredSystemLanguages = ['en_US.UTF-8', 'en_US', 'en'];
  m.ipcMain.handlers.clear();
  m.contextBridge.exposed.clear();
  m.protocol.handlers.clear();
  m.session.defaultSession.permissionRequestHandler = null;
  m.session.defaultSession.permissionCheckHandler = null;
  m.session.defaultSession.devicePermissionHandler = null;
  m.safeStorage.backend = 'gnome_libsecret';
  m.safeStorage.available = true;
  FakeBrowserWindow.instances.length = 0;
}
