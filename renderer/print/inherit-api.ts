/**
 * The print view inside the export dialog (its preview frame) has no preload of its own in the desktop app
 * (Electron runs preloads in the main frame only: nodeIntegrationInSubFrames is off). It uses the dialog's API, which
 * is same-origin; its calls leave from the main frame, so the main process's sender check sees our own renderer.
 * Imported before anything that reads `window.chronolens` (renderer/ipc/api.ts resolves it once, on import).
 */
if (!window.chronolens && window.parent !== window) {
  try {
    const parentApi = window.parent.chronolens;
    if (parentApi) window.chronolens = parentApi;
  } catch {
    // A foreign parent (it cannot be: frame-ancestors 'self'): the view falls back to the loopback bridge.
  }
}
export {};
