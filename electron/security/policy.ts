/**
 * The security policy as plain data and pure functions (pitfalls.md): unit-tested here, wired by the thin shell.
 */

/** Strict CSP for the renderer: only our own bundled code, styles and fonts; no remote anything. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // No 'unsafe-inline': React and vis-timeline set styles through the CSSOM, which CSP does not block.
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  // Our own pages only: the export dialog shows the print view in a frame as its preview; no other site may frame us.
  "frame-ancestors 'self'",
].join('; ');

/** The custom scheme the packaged renderer is served from. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'chronolens';
export const APP_ORIGIN_URL = `${APP_SCHEME}://${APP_HOST}/`;

/**
 * True when `url` is our own renderer. Compare protocol and host, not origin: for custom schemes
 * `new URL(u).origin` is "null" (pitfalls.md).
 */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Navigation away from the app is always denied: article links never open inside the app window. */
export function allowNavigation(url: string): boolean {
  return isAppUrl(url);
}
