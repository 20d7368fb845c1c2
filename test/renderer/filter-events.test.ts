import { describe, expect, it } from 'vitest';
import { buildSearchIndex, matchingIds } from '../../renderer/search/filter-events';
import { event } from './fixtures';

describe('matchingIds', () => {
  const index = buildSearchIndex([
    event('de', { value: '2018-09-20' }, { label: 'Ant startet BaaS', text: 'Die Ankündigung wurde gestern gemacht.' }),
    event('ar', { value: '2018-06-08' }, { label: 'آنت تجمع ١٤ مليار', text: 'دخلت شركة آنت إنترناشيونال في اتفاقيات نهائية.' }),
  ]);

  it('returns null (show everything) for an empty query', () => {
    expect(matchingIds(index, '  ')).toBeNull();
  });

  it('searches label and sentence, ignoring case and diacritics', () => {
    expect([...matchingIds(index, 'ANKUNDIGUNG')!]).toEqual(['de']);
    expect([...matchingIds(index, 'baas')!]).toEqual(['de']);
  });

  it('finds Arabic without hamza on alif and with ه for ة', () => {
    expect([...matchingIds(index, 'انترناشيونال شركه')!]).toEqual(['ar']);
  });

  it('returns an empty set when nothing matches', () => {
    expect(matchingIds(index, 'tencent')!.size).toBe(0);
  });
});
