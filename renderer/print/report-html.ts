/**
 * The report as one HTML string, built in a single pass from the layout (no React tree: at 5,000 events that was
 * ~80,000 nodes reconciled for a page that never changes). Article text is escaped everywhere it appears.
 *
 * Shapes that keep Chromium's PDF writer fast: the timeline is inline SVG (one per block of rows) instead of
 * thousands of absolutely positioned boxes — each positioned box is a paint layer that Chromium fragments and
 * walks for every printed page — and each source note is a few plain blocks (no flex, no per-note badges).
 * No inline `style` attributes: the page's CSP forbids them; SVG geometry is given as attributes.
 */
import { escapeUTF8 as esc } from 'entities';
import { hasFilters } from '../../shared/print-options';
import { publishedLabel } from '../timeline/timeline-dom';
import { formatDay, LABEL_GAP, POINT_RADIUS, UNCERTAIN_BADGE, type Lane, type Note, type PlacedItem, type Section, type Tick } from './print-layout';
import { publishedSuffix, type Prepared } from './prepare';

/** Height of one stacked row of items, in CSS pixels. */
export const ROW_HEIGHT = 18;
/**
 * Rows per SVG block. A page can break only between blocks, so this bounds the space left blank at the foot of a
 * page (6 rows ≈ 110 px) while keeping the number of SVG elements low.
 */
export const ROWS_PER_BLOCK = 6;
const BLOCK_PAD_TOP = 1;
const BLOCK_PAD_BOTTOM = 3;
const AXIS_HEIGHT = 20;
const BADGE_HEIGHT = 11;
/**
 * Notes per list (one two-column grid each in landscape). Chromium lays out and fragments one grid of 5,000 items
 * over 290 pages markedly slower than 125 grids of 40 (renderer CPU while printing 8.1 s → 5.6 s, measured).
 */
export const NOTES_PER_LIST = 40;
/** Past this many documents the legend names none: every lane is titled anyway, and 300 names would fill a page. */
export const LEGEND_MAX_DOCS = 24;

/** Coordinates with at most two decimals: shorter markup, same drawing. */
const n2 = (v: number): string => String(Math.round(v * 100) / 100);
const plural = (k: number, word: string): string => `${k} ${word}${k === 1 ? '' : 's'}`;

/** True when the first strong character is right-to-left (what `dir="auto"` decides for HTML text). */
export function isRtl(text: string): boolean {
  const m = /[\p{L}]/u.exec(text);
  return m !== null && /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u.test(m[0]);
}

function gridPath(ticks: readonly Tick[], major: boolean, y0: number, y1: number): string {
  return ticks
    .filter((t) => t.major === major)
    .map((t) => `M${n2(t.x)} ${y0}V${y1}`)
    .join('');
}

function axisSvg(ticks: readonly Tick[], width: number): string {
  const minor = gridPath(ticks, false, AXIS_HEIGHT - 6, AXIS_HEIGHT);
  const major = gridPath(ticks, true, AXIS_HEIGHT - 12, AXIS_HEIGHT);
  const labels = ticks
    .filter((t) => t.label)
    .map((t) => `<text x="${n2(t.x + 3)}" y="${AXIS_HEIGHT - 5}"${t.major ? ' class="major"' : ''}>${esc(t.label!)}</text>`)
    .join('');
  return (
    `<svg class="axis" width="${n2(width)}" height="${AXIS_HEIGHT}" viewBox="0 0 ${n2(width)} ${AXIS_HEIGHT}" aria-hidden="true">` +
    `<path class="base" d="M0 ${AXIS_HEIGHT - 0.5}H${n2(width)}"/>` +
    (minor ? `<path class="tick" d="${minor}"/>` : '') +
    (major ? `<path class="tick major" d="${major}"/>` : '') +
    `${labels}</svg>`
  );
}

/** One item: its mark (bar or point), the note-number badge, the label and, for a partly guessed date, a "?". */
function itemSvg(it: PlacedItem, top: number, width: number): string {
  const mid = top + ROW_HEIGHT / 2;
  let mark: string;
  if (it.kind === 'point') {
    // A dashed ring is drawn inside the dot's outline so every point has the same outer size.
    const r = it.certainty === 'uncertain' ? POINT_RADIUS - 0.75 : POINT_RADIUS;
    mark = `<circle class="pt" cx="${n2(it.x1)}" cy="${mid}" r="${r}"/>`;
  } else {
    // A bar that continues past the section's edge runs under the block's clip, so it shows no closing edge there.
    const x1 = it.clippedStart ? -4 : it.x1;
    const x2 = it.clippedEnd ? width + 4 : it.x2;
    mark = `<rect class="bar" x="${n2(x1)}" y="${top + 2.75}" width="${n2(x2 - x1)}" height="12.5" rx="3"/>`;
  }
  const by = mid - BADGE_HEIGHT / 2;
  const badge = `<rect class="nb" x="${n2(it.labelX)}" y="${by}" width="${it.badgeWidth}" height="${BADGE_HEIGHT}" rx="2.5"/><text class="nt" x="${n2(it.labelX + it.badgeWidth / 2)}" y="${mid + 3}">${it.note}</text>`;
  const textX = it.labelX + it.badgeWidth + LABEL_GAP;
  // Right-to-left labels (Arabic) get their own base direction; anchored at their end, they still start right
  // after the badge, as the HTML labels with `unicode-bidi: plaintext` did.
  const rtl = isRtl(it.text);
  const text = it.text ? `<text class="lt" x="${n2(textX)}" y="${mid + 4}"${rtl ? ' direction="rtl" text-anchor="end"' : ''}>${esc(it.text)}</text>` : '';
  let q = '';
  if (it.certainty === 'uncertain') {
    const cx = it.labelX + it.labelWidth - 2 - UNCERTAIN_BADGE / 2;
    q = `<circle class="qb" cx="${n2(cx)}" cy="${mid}" r="${UNCERTAIN_BADGE / 2}"/><text class="qt" x="${n2(cx)}" y="${mid + 3}">?</text>`;
  }
  return `<g class="cert-${it.certainty}${it.framing ? ' role-context' : ''}" data-note="${it.note}">${mark}${badge}${text}${q}</g>`;
}

function laneBlocks(lane: Lane, ticks: readonly Tick[], width: number): string {
  const byRow: PlacedItem[][] = Array.from({ length: lane.rows }, () => []);
  for (const it of lane.items) byRow[it.row]!.push(it);
  let out = '';
  for (let r0 = 0; r0 < lane.rows; r0 += ROWS_PER_BLOCK) {
    const rows = byRow.slice(r0, r0 + ROWS_PER_BLOCK);
    // Blocks of one lane join without a seam: padding only above the first row and below the last.
    const padTop = r0 === 0 ? BLOCK_PAD_TOP : 0;
    const h = padTop + rows.length * ROW_HEIGHT + (r0 + ROWS_PER_BLOCK >= lane.rows ? BLOCK_PAD_BOTTOM : 0);
    const minor = gridPath(ticks, false, 0, h);
    const major = gridPath(ticks, true, 0, h);
    let items = '';
    rows.forEach((list, i) => {
      for (const it of list) items += itemSvg(it, padTop + i * ROW_HEIGHT, width);
    });
    out +=
      `<svg class="rows" width="${n2(width)}" height="${h}" viewBox="0 0 ${n2(width)} ${h}">` +
      (minor ? `<path class="grid" d="${minor}"/>` : '') +
      (major ? `<path class="grid major" d="${major}"/>` : '') +
      `${items}</svg>`;
  }
  return out;
}

function laneHtml(lane: Lane, ticks: readonly Tick[], width: number, color: string): string {
  const d = lane.doc;
  return (
    `<div class="lane ${color}" data-doc-id="${esc(d.id)}">` +
    `<div class="lane-head"><span class="swatch"></span><bdi class="lane-title">${esc(d.title || d.file)}</bdi>` +
    `<span class="lang-badge">${esc(d.lang.toUpperCase())}</span>` +
    `<span class="muted">published ${esc(publishedLabel(d))} · ${plural(lane.items.length, 'event')}</span></div>` +
    `${laneBlocks(lane, ticks, width)}</div>`
  );
}

function sectionHtml(s: Section, width: number, colors: ReadonlyMap<string, string>, first: boolean): string {
  const head = `<div class="section-head"><h2>${esc(s.title)}</h2><span class="muted">${plural(s.count, 'event')}</span></div>`;
  const body = s.lanes.length === 0 ? `<p class="muted empty">No events in ${esc(s.title)}.</p>` : s.lanes.map((l) => laneHtml(l, s.ticks, width, colors.get(l.doc.id) ?? 'doc-c0')).join('');
  return `<section class="tl-section${first ? '' : ' new-page'}" data-section="${esc(s.key)}">${head}${axisSvg(s.ticks, width)}${body}</section>`;
}

function legendHtml(docs: Prepared['documents'], colors: ReadonlyMap<string, string>, framing: boolean): string {
  const names =
    docs.length > LEGEND_MAX_DOCS
      ? `<li class="muted">${docs.length} documents: each lane is titled with its document, in its colour</li>`
      : docs.map((d) => `<li class="${colors.get(d.id) ?? 'doc-c0'}"><span class="swatch"></span><bdi>${esc(d.title || d.file)}</bdi></li>`).join('');
  const keys =
    '<li><span class="key point doc-c9"></span> day</li>' +
    '<li><span class="key bar doc-c9"></span> week, month, season, year</li>' +
    '<li><span class="key bar cert-stated doc-c9"></span> date stated</li>' +
    '<li><span class="key bar cert-inferred doc-c9"></span> inferred (lighter)</li>' +
    '<li><span class="key bar cert-uncertain doc-c9"></span><span class="q">?</span> uncertain: partly guessed (dashed)</li>' +
    (framing ? '<li class="role-context"><span class="key bar cert-stated doc-c9"></span> <i>frames a figure, not the statement’s date</i></li>' : '');
  return `<div class="legend"><ul class="legend-docs" aria-label="Documents">${names}</ul><ul class="legend-keys" aria-label="Styles">${keys}</ul></div>`;
}

function noteHtml(note: Note, color: string, title: string): string {
  const e = note.event;
  const d = e.date;
  const lang = note.doc?.lang && note.doc.lang !== 'und' ? ` lang="${esc(note.doc.lang)}"` : '';
  const cert = `<span class="cb cert-${d.certainty}">${d.certainty === 'uncertain' ? 'uncertain ?' : d.certainty}</span>`;
  const extra = `${note.days ? '' : ' · not on the timeline (date partly unknown)'}${e.edited ? ' · edited' : ''}`;
  return (
    `<li class="note ${color}" id="note-${note.n}">` +
    `<p class="nd"><b class="nn">${note.n}</b><strong>${esc(note.dateLabel)}</strong> <span class="mono">${esc(d.value)}</span> ${cert}${extra ? `<span class="muted">${extra}</span>` : ''}</p>` +
    `<blockquote dir="auto"${lang}>${esc(e.text.replace(/\s+/g, ' ').trim())}</blockquote>` +
    `<p class="ns"><bdi class="src-title">${esc(title)}</bdi><span class="muted">${note.doc ? esc(publishedSuffix(note.doc)) : ' · published date unknown'}</span></p></li>`
  );
}

function describeFilters(p: Prepared): string | null {
  const o = p.options;
  if (!hasFilters(o)) return null;
  const parts: string[] = [];
  if (o.q?.trim()) parts.push(`text “${o.q.trim()}”`);
  if (o.docs?.length) parts.push(`${o.docs.length} selected document${o.docs.length === 1 ? '' : 's'}`);
  if (o.langs?.length) parts.push(`languages ${o.langs.join(', ')}`);
  if (o.entities?.length) parts.push(`${o.entities.length} selected entit${o.entities.length === 1 ? 'y' : 'ies'}`);
  if (o.certainty?.length) parts.push(`dates ${o.certainty.join(' or ')}`);
  if (o.from || o.to) parts.push(`dates ${o.from ? formatDay(o.from) : '…'} – ${o.to ? formatDay(o.to) : '…'}`);
  return `Filtered: ${parts.join('; ')} (${p.layout.notes.length} of ${p.totalEvents} events).`;
}

/** What the export dialog's preview shows: the first pages only, each cut to one sheet of paper. */
export interface PreviewLimit {
  /** Sections drawn (each starts a page). */
  sections: number;
  /** Rows of items per section (the rest would run onto later pages). */
  rows: number;
  /** Source notes. */
  notes: number;
}

/** The first lanes of a section, holding at most `rows` rows of items (at least one lane). */
function firstRows(s: Section, rows: number): Section {
  const lanes: Lane[] = [];
  let used = 0;
  for (const lane of s.lanes) {
    if (lanes.length > 0 && used + lane.rows > rows) break;
    lanes.push(lane);
    used += lane.rows;
  }
  return { ...s, lanes };
}

/**
 * The whole report: head, legend, one section per page range, then the numbered source notes. With `preview`, the
 * same pieces for the first pages only, each in a `.sheet` (the dialog's preview: never the whole report, which at
 * thousands of events takes seconds to lay out in the page that shows it).
 */
export function reportHtml(prepared: Prepared, preview?: PreviewLimit): string {
  const { layout, options, colors, width } = prepared;
  const inReport = new Set(layout.notes.map((n) => n.event.doc));
  const docs = prepared.documents.filter((d) => inReport.has(d.id));
  const filters = describeFilters(prepared);
  const undated = layout.undated.length > 0 ? ` · ${layout.undated.length} with a partly unknown date (listed in the notes, not drawn)` : '';
  const head =
    `<header class="report-head"><h1>${esc(options.title ?? 'Chronolens timeline')}</h1>` +
    `<p class="range">${layout.range ? `${formatDay(layout.range.start)} – ${formatDay(layout.range.end)}` : 'No dated events'}</p>` +
    `<p class="muted">${plural(layout.notes.length, 'event')} from ${plural(docs.length, 'document')}${undated} · numbers refer to the source notes</p>` +
    `${filters ? `<p class="muted">${esc(filters)}</p>` : ''}</header>`;
  const shownNotes = preview ? layout.notes.slice(0, preview.notes) : layout.notes;
  const framing = layout.notes.some((n) => n.event.role === 'context');
  let lists = '';
  for (let i = 0; i < shownNotes.length; i += NOTES_PER_LIST) {
    const items = shownNotes.slice(i, i + NOTES_PER_LIST).map((n) => noteHtml(n, colors.get(n.event.doc) ?? 'doc-c0', prepared.sourceTitles.get(n.event.doc) ?? n.event.doc));
    lists += `<ol class="notes-list">${items.join('')}</ol>`;
  }
  const notes = layout.notes.length ? `<section class="notes new-page"><h2>Sources</h2>${lists}</section>` : '';
  const empty = layout.notes.length === 0 ? '<p class="empty">No events match these options.</p>' : '';
  const main = `<main class="report ${options.orientation}" data-paper="${options.paper}" data-split="${options.split}" data-sections="${layout.sections.length}">`;
  if (!preview) {
    const sections = layout.sections.map((s, i) => sectionHtml(s, width, colors, i === 0)).join('');
    return `${main}${head}${legendHtml(docs, colors, framing)}${empty}${sections}${notes}</main>`;
  }
  const shown = layout.sections.slice(0, preview.sections).map((s, i) => sectionHtml(firstRows(s, preview.rows), width, colors, i === 0));
  const sheets = [`${head}${legendHtml(docs, colors, framing)}${empty}${shown[0] ?? ''}`, ...shown.slice(1), ...(notes ? [notes] : [])];
  return `${main}${sheets.map((html, i) => `<div class="sheet" data-sheet="${i + 1}">${html}</div>`).join('')}</main>`;
}
