import { describe, expect, it } from 'vitest';
import { buildItem, buildItems, localDay, shortLabel } from '../../renderer/timeline/build-items';
import { event, summary } from './fixtures';

const ymd = (d: Date | undefined): string => (d ? `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}` : 'none');

describe('buildItem', () => {
  it('draws a day as a point at local midnight of that day', () => {
    const item = buildItem(event('e1', { value: '2018-06-08' }), 'Doc', 'doc-c0')!;
    expect(item.type).toBe('point');
    expect(ymd(item.start)).toBe('2018-6-8');
    expect(item.start.getHours()).toBe(0);
    expect(item.end).toBeUndefined();
  });

  it('draws a month as a range over all its days, ending the day after the last', () => {
    const item = buildItem(event('e1', { value: '2020-02' }), 'Doc', 'doc-c0')!;
    expect(item.type).toBe('range');
    expect(ymd(item.start)).toBe('2020-2-1');
    expect(ymd(item.end)).toBe('2020-3-1');
    expect(item.precision).toBe('month');
  });

  it('draws an ISO week from Monday to the following Monday', () => {
    const item = buildItem(event('e1', { value: '2018-W32' }), 'Doc', 'doc-c0')!;
    expect(ymd(item.start)).toBe('2018-8-6');
    expect(ymd(item.end)).toBe('2018-8-13');
  });

  it('draws a quarter, a winter season and a year over their exact days', () => {
    expect(ymd(buildItem(event('q', { value: '2018-Q1' }), 'D', 'c')!.end)).toBe('2018-4-1');
    const winter = buildItem(event('w', { value: '2016-WI' }), 'D', 'c')!;
    expect([ymd(winter.start), ymd(winter.end)]).toEqual(['2016-12-1', '2017-3-1']);
    const year = buildItem(event('y', { value: '2017' }), 'D', 'c')!;
    expect([ymd(year.start), ymd(year.end)]).toEqual(['2017-1-1', '2018-1-1']);
  });

  it('narrows "early 2019" (START) to the first third of the year', () => {
    const item = buildItem(event('e', { value: '2019', mod: 'START' }), 'D', 'c')!;
    expect(ymd(item.start)).toBe('2019-1-1');
    expect(ymd(item.end)).toBe('2019-5-2');
  });

  it('does not draw dates with unknown parts or vague references', () => {
    expect(buildItem(event('x', { value: 'XXXX-11' }), 'D', 'c')).toBeNull();
    expect(buildItem(event('p', { value: 'PRESENT_REF' }), 'D', 'c')).toBeNull();
  });

  it('carries certainty into the class and the tooltip, with the formatted date and the full sentence', () => {
    const item = buildItem(event('e', { value: '2018-06', certainty: 'uncertain' }, { text: 'Die   Firma\nwuchs.' }), 'Doc title', 'doc-c3')!;
    expect(item.className.split(' ')).toEqual(expect.arrayContaining(['ev', 'cert-uncertain', 'prec-month', 'doc-c3']));
    expect(item.title).toBe('Jun 2018 · uncertain\nDie Firma wuchs.\n— Doc title');
    expect(item.certainty).toBe('uncertain');
  });

  it('falls back to the sentence when the label is empty, and shortens long labels', () => {
    expect(buildItem(event('e', { value: '2018' }, { label: '' }), 'D', 'c')!.label).toBe('Sentence of e.');
    const long = 'x'.repeat(100);
    expect(shortLabel(long)).toHaveLength(60);
    expect(shortLabel(long).endsWith('…')).toBe(true);
  });
});

describe('buildItems', () => {
  it('groups items by document and skips undrawable events', () => {
    const items = buildItems(
      [event('a', { value: '2018-06-08' }), event('b', { value: 'XXXX-05-26' }), event('c', { value: '2020' }, { doc: 'd2' })],
      [summary('d1'), summary('d2')],
      new Map([['d1', 'doc-c0'], ['d2', 'doc-c1']]),
    );
    expect(items.map((i) => [i.id, i.group])).toEqual([['a', 'd1'], ['c', 'd2']]);
    expect(items[1]!.className).toContain('doc-c1');
  });
});

describe('localDay', () => {
  it('builds the date from its parts, so it never shifts with the time zone', () => {
    const d = localDay('2018-01-01');
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()]).toEqual([2018, 0, 1, 0]);
    expect(ymd(localDay('2018-12-31', 1))).toBe('2019-1-1');
  });
});

describe('range dates', () => {
  it('draws "from May to July 2018" from the first of May to the end of July', () => {
    const e = event('r', { value: '2018-05' });
    (e.date as { to?: string }).to = '2018-07';
    const item = buildItem(e, 'D', 'c')!;
    expect([item.type, ymd(item.start), ymd(item.end)]).toEqual(['range', '2018-5-1', '2018-8-1']);
  });

  it('draws a day-to-day range as a range, not a point', () => {
    const e = event('r', { value: '2018-05-03' });
    (e.date as { to?: string }).to = '2018-05-06';
    const item = buildItem(e, 'D', 'c')!;
    expect([item.type, ymd(item.start), ymd(item.end)]).toEqual(['range', '2018-5-3', '2018-5-7']);
  });
});
