import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron's binary is not available here (pitfalls.md): mock the module once and observe what the shell asks of it.
const created: Array<{ options: Record<string, unknown>; handlers: Map<string, (...a: unknown[]) => unknown>; openHandler?: () => unknown; loaded?: string }> = [];
const permission: { request?: (...a: unknown[]) => void; check?: () => boolean } = {};

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const rec: (typeof created)[number] = { options, handlers: new Map() };
      created.push(rec);
      this.webContents = {
        setWindowOpenHandler: (h: () => unknown) => (rec.openHandler = h),
        on: (ev: string, h: (...a: unknown[]) => unknown) => rec.handlers.set(ev, h),
      };
      this.loadURL = (u: string) => {
        rec.loaded = u;
        return Promise.resolve();
      };
    }
    loadURL: (u: string) => Promise<void>;
    once(): void {}
    show(): void {}
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (h: (...a: unknown[]) => void) => (permission.request = h),
      setPermissionCheckHandler: (h: () => boolean) => (permission.check = h),
    },
  };
  return { BrowserWindow, session, default: { BrowserWindow, session } };
});

const { createMainWindow, denyAllPermissions } = await import('../../electron/window');

describe('the main window', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('isolates the renderer: context isolation, sandbox, no Node, no webview', () => {
    createMainWindow('/app/preload.cjs');
    expect(created[0]!.options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('loads the app from its own scheme, denies new windows, navigation away and webviews', () => {
    createMainWindow('/p.cjs');
    const w = created[0]!;
    expect(w.loaded).toBe('app://chronolens/index.html');
    expect(w.openHandler?.()).toEqual({ action: 'deny' });
    for (const ev of ['will-navigate', 'will-redirect']) {
      const prevent = vi.fn();
      w.handlers.get(ev)!({ preventDefault: prevent }, 'https://example.com/');
      expect(prevent).toHaveBeenCalled();
      const keep = vi.fn();
      w.handlers.get(ev)!({ preventDefault: keep }, 'app://chronolens/index.html');
      expect(keep).not.toHaveBeenCalled();
    }
    const prevent = vi.fn();
    w.handlers.get('will-attach-webview')!({ preventDefault: prevent });
    expect(prevent).toHaveBeenCalled();
  });

  it('denies every permission request', () => {
    denyAllPermissions();
    const cb = vi.fn();
    permission.request!({}, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(permission.check!()).toBe(false);
  });
});
