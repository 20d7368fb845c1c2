import { describe, expect, it } from 'vitest';
import type { DocumentView } from '../../shared/ipc/contract';
import { documentMarks } from '../../renderer/source/document-marks';
import { event } from './fixtures';

const text = 'Am 8. Juni sammelte Ant 14 Mrd. ein. Gestern folgte mehr.';
const e1 = event('e1', { value: '2018-06-08' }, { start: 0, end: 36 });
const e2 = event('e2', { value: '2018-06' }, { start: 0, end: 36 });
const e3 = event('e3', { value: '2018-09-20' }, { start: 37, end: text.length });

const view: DocumentView = {
  document: {
    id: 'd1', file: 'a.txt', lang: 'de', title: 'T', text, hash: 'h', sentences: [],
    published: { value: '2018-09-21', source: 'manifest', certainty: 'stated', evidence: '' },
  },
  timexes: [{ doc: 'd1', start: 3, end: 10, text: '8. Juni', type: 'DATE', value: '2018-06-08' }],
  amounts: [{ doc: 'd1', start: 24, end: 31, text: '14 Mrd.', value: 14e9, currency: 'USD' }],
  mentions: [{ doc: 'd1', start: 20, end: 23, text: 'Ant', entity: 'org:ant' }],
  events: [e1, e2, e3],
};

describe('documentMarks', () => {
  it('makes the selected sentence the outermost span and does not repeat it as a plain event sentence', () => {
    const spans = documentMarks(view, e2, new Map());
    const active = spans.filter((s) => s.data.kind === 'active-sentence');
    expect(active).toEqual([{ start: 0, end: 36, rank: 0, data: { kind: 'active-sentence', eventId: 'e2' } }]);
    const others = spans.filter((s) => s.data.kind === 'event-sentence');
    expect(others.map((s) => s.data)).toEqual([{ kind: 'event-sentence', eventId: 'e3' }]);
  });

  it('titles marks with their normalised values', () => {
    const spans = documentMarks(view, null, new Map([['org:ant', 'Ant Group']]));
    const title = (kind: string) => spans.find((s) => s.data.kind === kind)?.data;
    expect(title('timex')).toEqual({ kind: 'timex', title: '2018-06-08 — 8 Jun 2018 · click to go to its event', eventId: 'e1' });
    expect(title('amount')).toEqual({ kind: 'amount', title: '14,000,000,000 USD' });
    expect(title('entity')).toEqual({ kind: 'entity', title: 'Ant Group' });
  });

  it('links a date to the event whose sentence holds it, the selected one first', () => {
    const spans = documentMarks(view, e2, new Map());
    expect(spans.find((s) => s.data.kind === 'timex')?.data).toEqual({ kind: 'timex', title: '2018-06-08 — 8 Jun 2018', eventId: 'e2' });
  });

  it('links each date of a two-statement sentence to its own statement, whichever is selected', () => {
    // "Im Sommer 2016 startete Ant …, und im Folgejahr wurden Experten eingestellt.": two events, one sentence.
    const t2 = 'Im Sommer 2016 startete Ant eine Plattform, und im Folgejahr wurden Experten eingestellt.';
    const first = event('s1', { value: '2016-SU' }, { start: 0, end: t2.length, timex: 0 });
    const second = event('s2', { value: '2017' }, { start: 0, end: t2.length, timex: 1, part: 51 });
    const v: DocumentView = {
      ...view,
      document: { ...view.document, text: t2 },
      timexes: [
        { doc: 'd1', start: 3, end: 14, text: 'Sommer 2016', type: 'DATE', value: '2016-SU' },
        { doc: 'd1', start: 51, end: 60, text: 'Folgejahr', type: 'DATE', value: '2017' },
      ],
      amounts: [],
      mentions: [],
      events: [first, second],
    };
    for (const active of [first, second, null]) {
      const owners = documentMarks(v, active, new Map()).filter((s) => s.data.kind === 'timex').map((s) => (s.data as { eventId: string | null }).eventId);
      expect(owners).toEqual(['s1', 's2']);
    }
  });

  it('ignores a selected event from another document', () => {
    const spans = documentMarks(view, event('x', { value: '2018' }, { doc: 'other' }), new Map());
    expect(spans.some((s) => s.data.kind === 'active-sentence')).toBe(false);
  });
});
