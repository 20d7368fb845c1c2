import { describe, expect, it } from 'vitest';
import { printData } from '../../../electron/export/print-data';
import type { EditedEvent } from '../../../shared/edits';
import { event, summary } from '../../renderer/fixtures';

describe('export:print-data', () => {
  const docs = [summary('d1'), { ...summary('d2'), lang: 'ar' as const }];
  const events: EditedEvent[] = [
    event('a', { value: '2018-06-08' }, { doc: 'd1', text: 'Ant Financial raised money.', links: [{ id: 'b', score: 1, reasons: [] }] as never }),
    { ...event('h', { value: '2018-06-09' }, { doc: 'd1' }), hidden: true },
    event('b', { value: '2019-01-02' }, { doc: 'd2', text: 'جمعت آنت المالية' }),
  ];

  it('drops events the researcher hid and counts the rest, with only what a report prints', () => {
    const r = printData({ documents: docs, events }, {});
    expect(r.events.map((e) => e.id)).toEqual(['a', 'b']);
    expect(r.totalEvents).toBe(2);
    expect(r.documents).toHaveLength(2);
    expect(Object.keys(r.events[0]!).sort()).toEqual(['date', 'doc', 'edited', 'end', 'id', 'label', 'start', 'text']);
  });

  it('applies the export filters (text, language, date range) like export:data', () => {
    expect(printData({ documents: docs, events }, { q: 'ant financial' }).events.map((e) => e.id)).toEqual(['a']);
    expect(printData({ documents: docs, events }, { langs: ['ar'] }).events.map((e) => e.id)).toEqual(['b']);
    expect(printData({ documents: docs, events }, { from: '2019-01-01' }).events.map((e) => e.id)).toEqual(['b']);
  });
});
