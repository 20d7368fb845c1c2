import { describe, expect, it } from 'vitest';
import { filterEvents, hasFilters, pageSizePx, parsePrintOptions, parsePrintQuery, printQuery } from '../../shared/print-options';
import { normalizeText } from '../../renderer/search/normalize-text';
import { event } from '../renderer/fixtures';

describe('print options', () => {
  it('fills defaults: A4 landscape, fit to page, scale 1', () => {
    expect(parsePrintQuery('')).toEqual({ ok: true, value: { paper: 'A4', orientation: 'landscape', split: 'fit', scale: 1 } });
  });

  it('round-trips through the URL query, ignoring the bridge token', () => {
    const parsed = parsePrintOptions({ from: '2016-01-01', to: '2018-12-31', paper: 'Letter', orientation: 'portrait', split: 'year', scale: 2, q: 'Ant Financial', docs: ['a', 'b'], langs: ['ar', 'de'] });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsePrintQuery(`token=abc&${printQuery(parsed.value)}`)).toEqual(parsed);
  });

  it('refuses impossible dates, reversed ranges, unknown papers and scales outside 1–4', () => {
    expect(parsePrintQuery('from=2018-02-30').ok).toBe(false);
    expect(parsePrintQuery('from=2019-01-01&to=2018-01-01').ok).toBe(false);
    expect(parsePrintQuery('paper=A3').ok).toBe(false);
    expect(parsePrintQuery('scale=5').ok).toBe(false);
    expect(parsePrintQuery('scale=0.5').ok).toBe(false);
    expect(parsePrintQuery('scale=big').ok).toBe(false);
    expect(parsePrintQuery('langs=xx').ok).toBe(false);
  });

  it('filters like the search box: folded text, documents, languages, and a date range that drops undated events', () => {
    const events = [
      event('de', { value: '2018-09-20' }, { doc: 'd1', text: 'Die Ankündigung wurde gestern gemacht.' }),
      event('ar', { value: '2018-05' }, { doc: 'd2', text: 'في شهر مايو من العام الجاري تحدث ما في مؤتمر' }),
      event('x', { value: 'XXXX-11', certainty: 'uncertain' }, { doc: 'd1' }),
    ];
    const langs = new Map([
      ['d1', 'de' as const],
      ['d2', 'ar' as const],
    ]);
    const ids = (f: Parameters<typeof filterEvents>[2]): string[] => filterEvents(events, langs, f, normalizeText).map((e) => e.id);
    expect(ids({})).toEqual(['de', 'ar', 'x']);
    expect(ids({ q: 'ANKUNDIGUNG' })).toEqual(['de']);
    expect(ids({ langs: ['ar'] })).toEqual(['ar']);
    expect(ids({ docs: ['d1'] })).toEqual(['de', 'x']);
    expect(ids({ from: '2018-05-31' })).toEqual(['de', 'ar']);
    expect(ids({ to: '2018-04-30' })).toEqual([]);
  });

  it('sizes the printable area from the paper and the margins', () => {
    expect(pageSizePx('A4', 'landscape')).toMatchObject({ width: 1123, height: 794, contentWidth: 1046 });
    expect(pageSizePx('Letter', 'portrait').width).toBe(816);
  });
});

describe('export filters by entity and certainty', () => {
  const ev = (id: string, entities: string[], certainty: 'stated' | 'inferred' | 'uncertain') => ({ id, doc: 'd', label: id, text: id, entities, date: { value: '2018-06', certainty } });
  const events = [ev('a', ['jack-ma'], 'stated'), ev('b', ['alipay'], 'inferred'), ev('c', [], 'uncertain')];
  const fold = (s: string) => s.toLowerCase();

  it('keeps events naming any of the chosen entities', () => {
    expect(filterEvents(events, new Map(), { entities: ['jack-ma', 'alipay'] }, fold).map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('keeps events of the chosen certainties, and says the filter is set', () => {
    expect(filterEvents(events, new Map(), { certainty: ['uncertain'] }, fold).map((e) => e.id)).toEqual(['c']);
    expect(hasFilters({ certainty: ['uncertain'] })).toBe(true);
  });

  it('round-trips both through the print URL', () => {
    const options = parsePrintOptions({ entities: ['jack-ma'], certainty: ['stated', 'inferred'] });
    if (!options.ok) throw new Error(options.message);
    const parsed = parsePrintQuery(printQuery(options.value));
    expect(parsed).toMatchObject({ ok: true, value: { entities: ['jack-ma'], certainty: ['stated', 'inferred'] } });
  });
});
