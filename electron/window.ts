/**
 * The main window. webPreferences are written out literally (not built by a helper) so Electronegativity's static
 * analysis sees every flag; test/electron/window.test.ts asserts them through a mocked Electron.
 */
import { BrowserWindow, session } from 'electron';
import { allowNavigation, APP_ORIGIN_URL } from './security/policy';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Chronolens',
    backgroundColor: '#f7f7f5',
    webPreferences: {
      // electronegativity-reviewed: PRELOAD_JS_CHECK — our own bundled preload; it exposes one typed API
      // (window.chronolens) whose every call is sender-checked and schema-parsed in the main process.
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would open links in new windows; we open none.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, url) => {
    if (!allowNavigation(url)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!allowNavigation(url)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN_URL}index.html`);
  return win;
}

/** Camera, microphone, notifications, geolocation…: an offline reader needs none of them. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
