/**
 * Desktop entry: a thin shell that wires Electron to the plain modules. Single instance; the renderer is served
 * from the app:// scheme out of dist/renderer; the store lives in the user-data folder.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, dialog, ipcMain, net, protocol, type BrowserWindow } from 'electron';
import { createAppServices, type AppServices } from './app-services';
import { registerIpc } from './ipc/register-ipc';
import { createPrintExporter } from './print-window';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security/policy';
import { createMainWindow, denyAllPermissions } from './window';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const appDir = app.getAppPath();
const rendererDir = path.join(appDir, 'dist', 'renderer');

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = path.resolve(rendererDir, `.${decodeURIComponent(url.pathname)}`);
    if (url.host !== APP_HOST || !file.startsWith(rendererDir + path.sep)) return new Response('forbidden', { status: 403 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(res.body, { status: res.status, headers });
  });
}

async function start(): Promise<void> {
  let services: AppServices;
  let win: BrowserWindow | null = null;
  const preloadPath = path.join(__dirname, 'preload.cjs');
  try {
    services = await createAppServices({
      storeFile: path.join(app.getPath('userData'), 'store.json'),
      // Packaged: electron-builder's extraResources; from a checkout: the repository's assets.
      defaultCorpusDir: app.isPackaged ? path.join(process.resourcesPath, 'corpus') : path.join(appDir, 'assets', 'corpus'),
      print: createPrintExporter(preloadPath, () => win),
    });
  } catch (e) {
    dialog.showErrorBox('Chronolens cannot open its store', (e as Error).message);
    app.exit(1);
    return;
  }
  denyAllPermissions();
  serveRenderer();
  win = createMainWindow(preloadPath);
  const unregister = registerIpc(ipcMain, services, () => win?.webContents ?? null);
  win.on('closed', () => {
    win = null;
  });
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('will-quit', () => {
    unregister();
    void services.close();
  });
  app.on('window-all-closed', () => app.quit());
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(start);
}
