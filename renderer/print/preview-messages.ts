/**
 * The print view as the export dialog's preview (`preview=1` in its query, shown in an iframe): it lays out the
 * first pages only and tells the dialog how it went with `postMessage`, which the dialog checks came from its own
 * frame.
 */
import type { MeasuredParts } from './page-estimate';

export const PREVIEW_QUERY = 'preview=1';
const MESSAGE_TYPE = 'chronolens:print-preview';

export type PreviewMessage =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  /** `pages` is an estimate (page-estimate.ts); `width`/`height`: the preview document's size in CSS px. */
  | { state: 'ready'; pages: number; events: number; width: number; height: number };

export const isPreview = (search: string): boolean => new URLSearchParams(search).get('preview') === '1';

export function postPreview(message: PreviewMessage): void {
  if (window.parent === window) return;
  // Same origin as the dialog (the app's own pages); an opaque origin ("null") can only be addressed as "*", and the
  // message holds nothing but counts and sizes.
  const origin = window.location.origin === 'null' ? '*' : window.location.origin;
  window.parent.postMessage({ type: MESSAGE_TYPE, ...message }, origin);
}

/** The message, when `data` is one of ours and well formed. */
export function readPreviewMessage(data: unknown): PreviewMessage | null {
  if (typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== MESSAGE_TYPE) return null;
  const m = data as Record<string, unknown>;
  const num = (k: string): number | null => (typeof m[k] === 'number' && Number.isFinite(m[k]) ? (m[k] as number) : null);
  if (m.state === 'loading') return { state: 'loading' };
  if (m.state === 'error') return { state: 'error', message: typeof m.message === 'string' ? m.message : 'the preview failed' };
  const [pages, events, width, height] = [num('pages'), num('events'), num('width'), num('height')];
  if (m.state === 'ready' && pages !== null && events !== null && width !== null && height !== null) return { state: 'ready', pages, events, width, height };
  return null;
}

const top = (el: Element | null | undefined): number | null => (el ? el.getBoundingClientRect().top : null);
const height = (el: Element | null | undefined): number => (el ? el.getBoundingClientRect().height : 0);

/** The heights page-estimate.ts needs, read from the laid-out preview (print.css styles and the loaded fonts). */
export function measureParts(doc: Document, page: number): MeasuredParts {
  const sheet = doc.querySelector('.sheet');
  const head = doc.querySelector('.report-head');
  const section = sheet?.querySelector('.tl-section');
  const lane = section?.querySelector('.lane');
  const rows = lane?.querySelector('.rows');
  const notes = doc.querySelector('.notes');
  const list = notes?.querySelector('.notes-list');
  const noteCount = list?.querySelectorAll('.note').length ?? 0;
  const columns = list && doc.defaultView ? doc.defaultView.getComputedStyle(list).gridTemplateColumns.split(' ').filter(Boolean).length || 1 : 1;
  const sectionTop = top(section);
  const laneTop = top(lane);
  return {
    page,
    head: sectionTop !== null && head ? sectionTop - (top(head) ?? sectionTop) : height(head) + height(doc.querySelector('.legend')),
    sectionHead: laneTop !== null && sectionTop !== null ? laneTop - sectionTop : height(section),
    laneHead: lane && rows ? (top(rows) ?? 0) - (top(lane) ?? 0) + 2 : 0,
    notesTitle: list && notes ? (top(list) ?? 0) - (top(notes) ?? 0) : 0,
    noteRow: noteCount ? height(list) / Math.ceil(noteCount / columns) : 0,
  };
}
