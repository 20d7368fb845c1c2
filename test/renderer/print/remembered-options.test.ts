import { describe, expect, it } from 'vitest';
import { DEFAULT_REMEMBERED, loadRemembered, saveRemembered, STORAGE_KEY, titleOf } from '../../../renderer/print/remembered-options';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

describe('remembered export options', () => {
  it('gives the last saved format, paper, orientation, split, scale and title back', () => {
    const s = memoryStorage();
    const saved = { format: 'png', paper: 'Letter', orientation: 'portrait', split: 'year', scale: 3, titleMode: 'custom', title: 'Ant Financial 2016–2020' } as const;
    saveRemembered(saved, s);
    expect(loadRemembered(s)).toEqual(saved);
    expect(titleOf(loadRemembered(s))).toBe('Ant Financial 2016–2020');
  });

  it('falls back to the defaults when nothing or garbage is stored', () => {
    const s = memoryStorage();
    expect(loadRemembered(s)).toEqual(DEFAULT_REMEMBERED);
    expect(DEFAULT_REMEMBERED).toMatchObject({ format: 'pdf', paper: 'A4', orientation: 'landscape', split: 'fit', scale: 1, titleMode: 'default' });
    for (const bad of ['{not json', 'null', '[1,2]', '"A4"', '']) {
      s.setItem(STORAGE_KEY, bad);
      expect(loadRemembered(s), bad).toEqual(DEFAULT_REMEMBERED);
    }
  });

  it('replaces only the invalid fields, keeping the valid ones', () => {
    const s = memoryStorage();
    s.setItem(STORAGE_KEY, JSON.stringify({ format: 'svg', paper: 'A3', orientation: 'portrait', split: 'year', scale: 9, titleMode: 'shout', title: 42 }));
    expect(loadRemembered(s)).toEqual({ ...DEFAULT_REMEMBERED, orientation: 'portrait', split: 'year' });
    s.setItem(STORAGE_KEY, JSON.stringify({ scale: Number.NaN, title: 'x'.repeat(500), titleMode: 'custom' }));
    const r = loadRemembered(s);
    expect(r.scale).toBe(1);
    expect(r.title).toHaveLength(200);
  });

  it('a blank custom title means the default title', () => {
    expect(titleOf({ titleMode: 'custom', title: '   ' })).toBeUndefined();
    expect(titleOf({ titleMode: 'default', title: 'kept for next time' })).toBeUndefined();
  });
});
