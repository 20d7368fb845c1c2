import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { PrintData } from '../../../shared/ipc/contract';
import { DEFAULT_PRINT_OPTIONS } from '../../../shared/print-options';
import { FONT_STACK } from '../../../renderer/print/measure-text';
import { fitText } from '../../../renderer/print/print-layout';
import { prepare } from '../../../renderer/print/prepare';
import { isRtl, reportHtml, ROWS_PER_BLOCK } from '../../../renderer/print/report-html';
import { event, summary } from '../fixtures';

// 6 px per character: deterministic stand-in for the canvas measurement.
const measure = { text: (s: string): number => s.length * 6 };

function render(data: PrintData, options = DEFAULT_PRINT_OPTIONS): Document {
  return parseHTML(`<!doctype html><html><body>${reportHtml(prepare(data, options, measure))}</body></html>`).document;
}

describe('report HTML', () => {
  it('shows hostile article text as text: no element, attribute or script comes from it', () => {
    const payload = `<img src=x onerror="alert(1)"><script>alert(2)</script>" ' &amp;`;
    const data: PrintData = {
      documents: [{ ...summary('d1'), title: `<b>Title</b>${payload}` }],
      events: [event('e1', { value: '2018-06-08' }, { text: `Sentence ${payload}`, label: `Label ${payload}` })],
      totalEvents: 1,
    };
    const doc = render(data);
    expect(doc.querySelectorAll('script, img, b:not(.nn)').length).toBe(0);
    expect(doc.querySelector('[onerror]')).toBeNull();
    expect(doc.querySelector('.note blockquote')!.textContent).toBe(`Sentence ${payload}`);
    expect(doc.querySelector('.lane-title')!.textContent).toBe(`<b>Title</b>${payload}`);
    // The label is drawn in SVG as text too (cut to its width, so only its start is compared).
    const shown = doc.querySelector('g[data-note="1"] text.lt')!.textContent!;
    expect(shown.endsWith('…')).toBe(true);
    expect(`Label ${payload}`.startsWith(shown.slice(0, -1))).toBe(true);
    expect(shown.length).toBeGreaterThan(10);
  });

  it('draws every dated event once per section, numbers a note for every event, and splits tall lanes into blocks', () => {
    const events = Array.from({ length: 30 }, (_, i) => event(`e${i}`, { value: '2018-06-08', certainty: i % 3 === 0 ? 'uncertain' : 'stated' }, { label: `Event number ${i}` }));
    events.push(event('undated', { value: 'XXXX-11', certainty: 'uncertain' }));
    const doc = render({ documents: [summary('d1')], events, totalEvents: 31 });
    expect(doc.querySelectorAll('g[data-note]').length).toBe(30);
    expect(doc.querySelectorAll('.note').length).toBe(31);
    expect(doc.querySelector('#note-31 .nd')!.textContent).toContain('not on the timeline');
    // 30 events on one day need 30 rows: 5 blocks of 6, so a page can break between them.
    expect(doc.querySelectorAll('.lane svg.rows').length).toBe(Math.ceil(30 / ROWS_PER_BLOCK));
    // Partly guessed dates carry the "?" on the timeline.
    expect(doc.querySelectorAll('g.cert-uncertain text.qt').length).toBe(10);
  });

  it('prints a date that only frames a figure muted, and explains it in the legend only when there is one', () => {
    const events = [event('frame', { value: '2018-03-31' }, { role: 'context' }), event('own', { value: '2018-06-08' })];
    const doc = render({ documents: [summary('d1')], events, totalEvents: 2 });
    expect([...doc.querySelectorAll('g[data-note].role-context')].map((g) => g.getAttribute('data-note'))).toEqual(['1']);
    expect(doc.querySelector('.legend-keys')!.textContent).toContain('frames a figure');
    const plain = render({ documents: [summary('d1')], events: [events[1]!], totalEvents: 1 });
    expect(plain.querySelector('.legend-keys')!.textContent).not.toContain('frames a figure');
  });

  it('gives right-to-left labels their own direction, anchored so they start after the number', () => {
    const doc = render({ documents: [{ ...summary('d1'), lang: 'ar' }], events: [event('a', { value: '2018-06-08' }, { label: 'مجموعة آنت المالية' }), event('b', { value: '2018-07-08' }, { label: 'Ant Financial' })], totalEvents: 2 });
    const [ar, en] = [doc.querySelector('g[data-note="1"] text.lt')!, doc.querySelector('g[data-note="2"] text.lt')!];
    expect(ar.getAttribute('direction')).toBe('rtl');
    expect(ar.getAttribute('text-anchor')).toBe('end');
    expect(en.getAttribute('direction')).toBeNull();
    expect(doc.querySelector('#note-1 blockquote')!.getAttribute('lang')).toBe('ar');
    expect(isRtl('2018: مجموعة')).toBe(true);
    expect(isRtl('Ant مجموعة')).toBe(false);
  });

  it('cuts source titles so that the publication date after them always fits', () => {
    const long = 'A very long article title '.repeat(20);
    const doc = render({ documents: [{ ...summary('d1'), title: long }], events: [event('a', { value: '2018-06-08' })], totalEvents: 1 });
    const title = doc.querySelector('.ns .src-title')!.textContent!;
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThan(long.length);
    expect(doc.querySelector('.ns')!.textContent).toContain('· published 21 Sep 2018');
  });

  it('says which filters made the report and how many events they kept', () => {
    const doc = render({ documents: [summary('d1')], events: [event('a', { value: '2018-06-08' })], totalEvents: 7 }, { ...DEFAULT_PRINT_OPTIONS, langs: ['de'], q: 'Ant' });
    expect(doc.querySelector('.report-head')!.textContent).toContain('Filtered: text “Ant”; languages de (1 of 7 events).');
  });

  it('measures labels with the font stack the print view draws them in', () => {
    const css = readFileSync('renderer/print/print.css', 'utf8');
    expect(/--font: ([^;]+);/.exec(css)![1]).toBe(FONT_STACK);
  });
});

describe('fitText', () => {
  const w = (s: string): number => s.length * 6;
  it('keeps what fits, cuts the rest with an ellipsis inside the width, and never splits a surrogate pair', () => {
    expect(fitText('short', 100, w)).toBe('short');
    const cut = fitText('a much longer label than fits', 60, w);
    expect(cut).toBe('a much lo…');
    expect(w(cut)).toBeLessThanOrEqual(60);
    expect(fitText('x😀😀😀😀', 18, w)).toBe('x…');
    expect(fitText('anything', 3, w)).toBe('');
  });
});
