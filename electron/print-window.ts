/**
 * `export:print` in the desktop app: the print view loaded in a hidden window from app://, then Electron's
 * printToPDF or capturePage, written where the user chooses. Part of the thin shell (it needs Electron); the layout,
 * options and filters are the same modules the CLI export uses (renderer/print, shared/print-options).
 * Not runnable here (no Electron binary): type-checked against Electron's typings only.
 */
import { writeFile } from 'node:fs/promises';
// eslint-disable-next-line no-restricted-imports -- this file is part of the thin Electron shell, like main.ts and window.ts
import { BrowserWindow, dialog, screen } from 'electron';
import { PAGE_MARGIN_MM, pageSizePx, printQuery, RENDER_ALL_QUERY } from '../shared/print-options';
import { capturePng, PAGE_SIZE_SCRIPT, SCROLL_AND_SETTLE, type TileCapturer } from './export/png/capture-png';
import { PRINT_STATE_SCRIPT, waitForPrintView, type PrintExporter, type PrintViewState } from './export/print-progress';
import { allowNavigation, APP_ORIGIN_URL } from './security/policy';

const READY_TIMEOUT_MS = 180_000;
const MM_PER_INCH = 25.4;

/**
 * capturePage on the hidden window. Captures come at the display's scale factor; the zoom factor makes up the rest
 * of the requested scale, so a tile arrives at the plan's device size (resized only if Electron rounded a pixel).
 */
function electronCapturer(win: BrowserWindow): TileCapturer {
  let zoom = 1;
  let width = 0;
  return {
    pageSize: async () => (await win.webContents.executeJavaScript(PAGE_SIZE_SCRIPT)) as { width: number; height: number },
    prepare: async (plan) => {
      zoom = plan.scale / screen.getDisplayMatching(win.getBounds()).scaleFactor;
      width = plan.viewport.width;
      win.webContents.setZoomFactor(zoom);
      win.setContentSize(Math.round(plan.viewport.width * zoom), Math.round(plan.viewport.height * zoom));
    },
    capture: async (tile, size) => {
      await win.webContents.executeJavaScript(SCROLL_AND_SETTLE(tile.scrollY));
      const rect = { x: 0, y: Math.round(tile.viewportY * zoom), width: Math.round(width * zoom), height: Math.round(tile.height * zoom) };
      let image = await win.webContents.capturePage(rect, { stayHidden: true });
      const got = image.getSize();
      if (got.width !== size.width || got.height !== size.height) image = image.resize({ ...size, quality: 'best' });
      return image.toPNG();
    },
  };
}

/** Reports its steps (export:progress, through the services) from the save dialog's answer on. */
export function createPrintExporter(preloadPath: string, parent: () => BrowserWindow | null): PrintExporter {
  return async ({ format, options }, report = () => undefined) => {
    const owner = parent();
    const saveOptions = { defaultPath: `chronolens-timeline.${format}`, filters: [{ name: format.toUpperCase(), extensions: [format] }] };
    const target = owner ? await dialog.showSaveDialog(owner, saveOptions) : await dialog.showSaveDialog(saveOptions);
    if (target.canceled || !target.filePath) return { fileName: '', bytes: 0 };
    const size = pageSizePx(options.paper, options.orientation);
    const win = new BrowserWindow({
      show: false,
      width: size.width,
      height: size.height,
      enableLargerThanScreen: true,
      // Written out literally, as in window.ts, so Electronegativity's static analysis sees every flag.
      webPreferences: {
        // electronegativity-reviewed: PRELOAD_JS_CHECK — the same bundled preload as the main window: one typed API
        // (window.chronolens), every call sender-checked and schema-parsed in the main process.
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
        disableBlinkFeatures: 'Auxclick',
        spellcheck: false,
      },
    });
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    win.webContents.on('will-navigate', (event, url) => {
      if (!allowNavigation(url)) event.preventDefault();
    });
    try {
      report('open');
      await win.loadURL(`${APP_ORIGIN_URL}print.html?${printQuery(options)}${format === 'png' ? `&${RENDER_ALL_QUERY}` : ''}`);
      await waitForPrintView(() => win.webContents.executeJavaScript(PRINT_STATE_SCRIPT) as Promise<PrintViewState>, report, { timeoutMs: READY_TIMEOUT_MS });
      report('write');
      let data: Buffer;
      if (format === 'pdf') {
        const m = PAGE_MARGIN_MM;
        data = await win.webContents.printToPDF({
          pageSize: options.paper,
          landscape: options.orientation === 'landscape',
          printBackground: true,
          // Page numbers come from the view's CSS (@page margin boxes), not a footer template.
          margins: { top: m.top / MM_PER_INCH, right: m.right / MM_PER_INCH, bottom: m.bottom / MM_PER_INCH, left: m.left / MM_PER_INCH },
        });
      } else {
        // Tiled and stitched by the shared module (electron/export/png); only the capturing is Electron's.
        data = (await capturePng(electronCapturer(win), options.scale)).png;
      }
      report('save');
      await writeFile(target.filePath, data);
      return { fileName: target.filePath, bytes: data.length };
    } finally {
      win.destroy();
    }
  };
}
