/**
 * `export:print` in the desktop app: the print view loaded in a hidden window from app://, then Electron's
 * printToPDF or capturePage, written where the user chooses. Part of the thin shell (it needs Electron); the layout,
 * options and filters are the same modules the CLI export uses (renderer/print, shared/print-options).
 * Not runnable here (no Electron binary): type-checked against Electron's typings only.
 */
import { writeFile } from 'node:fs/promises';
// eslint-disable-next-line no-restricted-imports -- this file is part of the thin Electron shell, like main.ts and window.ts
import { BrowserWindow, dialog } from 'electron';
import type { CallArgs, CallResult } from '../shared/ipc/contract';
import { PAGE_MARGIN_MM, pageSizePx, printQuery, RENDER_ALL_QUERY } from '../shared/print-options';
import { allowNavigation, APP_ORIGIN_URL } from './security/policy';

const READY_TIMEOUT_MS = 180_000;
const MM_PER_INCH = 25.4;

async function waitForPrintReady(win: BrowserWindow): Promise<void> {
  const until = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const state = (await win.webContents.executeJavaScript("document.body.dataset.printReady === '1' ? '1' : (document.body.dataset.printError || '')")) as string;
    if (state === '1') return;
    if (state) throw new Error(`the print view failed: ${state}`);
    if (Date.now() > until) throw new Error('the print view did not finish its layout in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function createPrintExporter(preloadPath: string, parent: () => BrowserWindow | null): (args: CallArgs<'export:print'>) => Promise<CallResult<'export:print'>> {
  return async ({ format, options }) => {
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
      await win.loadURL(`${APP_ORIGIN_URL}print.html?${printQuery(options)}${format === 'png' ? `&${RENDER_ALL_QUERY}` : ''}`);
      await waitForPrintReady(win);
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
        // The whole page, not the window: grow the window to the content, zoom for the scale, then capture.
        const height = Math.ceil((await win.webContents.executeJavaScript('document.documentElement.scrollHeight')) as number);
        win.webContents.setZoomFactor(options.scale);
        win.setContentSize(Math.round(size.width * options.scale), Math.round(height * options.scale));
        await new Promise((r) => setTimeout(r, 200));
        const image = await win.webContents.capturePage();
        const wanted = Math.round(size.width * options.scale);
        data = (image.getSize().width === wanted ? image : image.resize({ width: wanted, quality: 'best' })).toPNG();
      }
      await writeFile(target.filePath, data);
      return { fileName: target.filePath, bytes: data.length };
    } finally {
      win.destroy();
    }
  };
}
