import { describe, expect, it } from 'vitest';
import { loadRemembered, saveRemembered } from '../../../renderer/print/remembered-options';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

describe('remembered export options', () => {
  it('gives the last saved paper, orientation, split and scale back', () => {
    const s = memoryStorage();
    saveRemembered({ paper: 'Letter', orientation: 'portrait', split: 'year', scale: 3 }, s);
    expect(loadRemembered(s)).toEqual({ paper: 'Letter', orientation: 'portrait', split: 'year', scale: 3 });
  });

  it('falls back to the defaults when nothing, garbage or invalid values are stored', () => {
    const defaults = { paper: 'A4', orientation: 'landscape', split: 'fit', scale: 1 };
    const s = memoryStorage();
    expect(loadRemembered(s)).toEqual(defaults);
    s.setItem('chronolens.print-options', '{not json');
    expect(loadRemembered(s)).toEqual(defaults);
    s.setItem('chronolens.print-options', JSON.stringify({ paper: 'A3', scale: 9 }));
    expect(loadRemembered(s)).toEqual(defaults);
  });
});
