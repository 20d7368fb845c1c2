import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, eventFilter, loadViewState, NO_FILTERS, parseViewState, saveViewState, STORAGE_KEY } from '../../renderer/filters/filter-state';
import { event } from './fixtures';

describe('parseViewState', () => {
  it('reads back what was saved', () => {
    const state = { filters: { ...NO_FILTERS, langs: ['ar' as const], from: '2018-01-01', to: '2018-12-31' }, query: 'ant', lanes: 'entity' as const, colorBy: 'entity' as const, window: { start: 1e12, end: 1.1e12 } };
    const store = new Map<string, string>();
    saveViewState({ setItem: (k, v) => store.set(k, v) }, state);
    expect(loadViewState({ getItem: (k) => store.get(k) ?? null })).toEqual(state);
  });

  it.each(['', 'not json', 'null', '[]', '42', '{"lanes": 7}', '{"filters": "x", "window": {"start": "a"}}'])('falls back to the defaults on garbage: %s', (text) => {
    expect(parseViewState(text)).toEqual(DEFAULT_VIEW);
  });

  it('keeps the good fields of a partly damaged state and drops the bad ones', () => {
    const s = parseViewState(
      JSON.stringify({ lanes: 'language', colorBy: 'rainbow', filters: { langs: ['ar', 'xx', 3], certainty: ['uncertain', 'sure'], from: '2019-13-45', to: '2018-02-01' }, window: { start: 5, end: 1 } }),
    );
    expect(s.lanes).toBe('language');
    expect(s.colorBy).toBe('document');
    expect(s.filters.langs).toEqual(['ar']);
    expect(s.filters.certainty).toEqual(['uncertain']);
    expect(s.filters.from).toBeNull();
    expect(s.filters.to).toBe('2018-02-01');
    expect(s.window).toBeNull();
  });

  it('survives storage that throws', () => {
    expect(loadViewState({ getItem: () => { throw new Error('denied'); } })).toEqual(DEFAULT_VIEW);
    expect(() => saveViewState({ setItem: () => { throw new Error('quota'); } }, DEFAULT_VIEW)).not.toThrow();
    expect(STORAGE_KEY).toMatch(/^chronolens\./);
  });
});

describe('eventFilter', () => {
  const langOf = (doc: string) => (doc === 'd1' ? ('de' as const) : ('ar' as const));
  const a = event('a', { value: '2018-06-08', certainty: 'stated' }, { entities: ['ant-financial'] });
  const b = event('b', { value: '2020-05', certainty: 'uncertain' }, { doc: 'd2', entities: ['tencent', 'china'] });
  const u = event('u', { value: 'XXXX-06-08', certainty: 'uncertain' });

  it('passes everything without filters', () => {
    expect([a, b, u].filter(eventFilter(NO_FILTERS, langOf)).map((e) => e.id)).toEqual(['a', 'b', 'u']);
  });

  it('filters by entity (any named), language, document and certainty', () => {
    expect([a, b].filter(eventFilter({ ...NO_FILTERS, entities: ['china'] }, langOf)).map((e) => e.id)).toEqual(['b']);
    expect([a, b].filter(eventFilter({ ...NO_FILTERS, langs: ['de'] }, langOf)).map((e) => e.id)).toEqual(['a']);
    expect([a, b].filter(eventFilter({ ...NO_FILTERS, docs: ['d2'] }, langOf)).map((e) => e.id)).toEqual(['b']);
    expect([a, b].filter(eventFilter({ ...NO_FILTERS, certainty: ['stated'] }, langOf)).map((e) => e.id)).toEqual(['a']);
  });

  it('keeps events whose days overlap the date range, and undated ones', () => {
    const f = eventFilter({ ...NO_FILTERS, from: '2020-05-31', to: '2021-01-01' }, langOf);
    expect([a, b, u].filter(f).map((e) => e.id)).toEqual(['b', 'u']);
  });
});
