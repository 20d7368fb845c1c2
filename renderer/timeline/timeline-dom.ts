import type { DocumentSummary } from '../../shared/ipc/contract';
import { formatTimex } from '../../shared/timex';

/**
 * DOM builders for vis-timeline's `template` / `groupTemplate`. Corpus text only ever goes in through
 * `textContent`: it is untrusted, and an HTML string would also lose `data-event-id` to vis-timeline's xss filter.
 */
export function itemElement(item: { id: string; label: string; certainty: string }): HTMLElement {
  const el = document.createElement('span');
  el.dataset.eventId = item.id;
  el.className = 'ev-content';
  if (item.certainty === 'inferred') el.dataset.certainty = 'inferred';
  const label = document.createElement('span');
  label.className = 'ev-label';
  label.dir = 'auto';
  label.textContent = item.label;
  el.append(label);
  if (item.certainty === 'uncertain') {
    const q = document.createElement('span');
    q.className = 'ev-uncertain';
    q.title = 'date partly guessed';
    q.textContent = '?';
    el.append(q);
  }
  return el;
}

export function publishedLabel(doc: Pick<DocumentSummary, 'published'>): string {
  const p = doc.published;
  if (!p.value) return 'date unknown';
  return `${formatTimex(p.value)}${p.certainty === 'stated' ? '' : p.certainty === 'inferred' ? ' (inferred)' : ' (?)'}`;
}

/** A lane label's frame: colour swatch and title (text only: titles come from articles), then its meta line. */
function laneFrame(colorClass: string, titleText: string): { el: HTMLElement; meta: HTMLElement } {
  const el = document.createElement('div');
  el.className = `grp ${colorClass}`;
  const head = document.createElement('div');
  head.className = 'grp-head';
  const swatch = document.createElement('span');
  swatch.className = 'swatch';
  const title = document.createElement('span');
  title.className = 'grp-title';
  title.dir = 'auto';
  title.textContent = titleText;
  head.append(swatch, title);
  const meta = document.createElement('div');
  meta.className = 'grp-meta';
  el.append(head, meta);
  return { el, meta };
}

export function groupElement(doc: DocumentSummary, colorClass: string): HTMLElement {
  const { el, meta } = laneFrame(colorClass, doc.title || doc.file);
  el.dataset.docId = doc.id;
  const lang = document.createElement('span');
  lang.className = 'lang-badge';
  lang.textContent = doc.lang.toUpperCase();
  const date = document.createElement('span');
  date.textContent = publishedLabel(doc);
  meta.append(lang, date);
  el.title = `${doc.title}\n${doc.file}\nPublished: ${publishedLabel(doc)} — ${doc.published.evidence}`;
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * A cluster: its count and a histogram of where in its span the events fall. The histogram is one SVG path (a
 * rectangle per non-empty bin, stretched to the cluster's width) rather than an element per bin: a zoomed-out lane
 * is one cluster of ~200 bins, re-drawn on every zoom step, and hundreds of elements cost style and layout each time.
 */
export function clusterElement(item: { count: number; bins: readonly number[] }): HTMLElement {
  const el = document.createElement('span');
  el.className = 'cluster-content';
  const n = Math.max(1, item.bins.length);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'cluster-bars');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('viewBox', `0 0 ${n * 10} 100`);
  svg.setAttribute('preserveAspectRatio', 'none');
  const max = Math.max(1, ...item.bins);
  let d = '';
  item.bins.forEach((count, i) => {
    if (count === 0) return;
    // A square-root scale keeps sparse bins visible next to a very full one.
    const h = Math.max(12, Math.round(Math.sqrt(count / max) * 100));
    d += `M${i * 10 + 0.5} 100v-${h}h9v${h}z`;
  });
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  svg.append(path);
  const count = document.createElement('span');
  count.className = 'cluster-count';
  count.textContent = item.count.toLocaleString('en-US');
  el.append(svg, count);
  return el;
}

/** A lane label that is not a document (an entity, a language, everything). */
export function laneElement(lane: { id: string; title: string; meta: string; colorClass: string }): HTMLElement {
  const { el, meta } = laneFrame(lane.colorClass, lane.title);
  el.dataset.laneId = lane.id;
  meta.textContent = lane.meta;
  el.title = `${lane.title} — ${lane.meta}`;
  return el;
}
