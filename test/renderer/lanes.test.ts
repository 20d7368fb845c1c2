import { describe, expect, it } from 'vitest';
import { entityLabel, layoutLanes, MAX_LANES, NO_ENTITY_LANE, OTHER_LANE } from '../../renderer/timeline/lanes';
import { isUndated, undatedReason } from '../../renderer/timeline/undated';
import { DOC_COLOR_COUNT } from '../../renderer/timeline/doc-colors';
import { event, summary } from './fixtures';

const docs = [summary('d1', 'Erster'), { ...summary('d2', 'الثاني'), lang: 'ar' as const, published: { value: '2017-01-01', source: 'manifest' as const, certainty: 'stated' as const, evidence: '' } }];
const events = [
  event('a', { value: '2018' }, { entities: ['ant-financial', 'china'] }),
  event('b', { value: '2018' }, { entities: ['ant-financial'] }),
  event('c', { value: '2019' }, { doc: 'd2', entities: [] }),
];

describe('layoutLanes', () => {
  it('makes one lane per document in publication order', () => {
    const l = layoutLanes('document', 'document', events, docs);
    expect(l.lanes.map((x) => x.id)).toEqual(['d2', 'd1']);
    expect(l.laneOf(events[0]!)).toBe('d1');
  });

  it('puts an event in the lane of its first entity, and events without entities apart', () => {
    const l = layoutLanes('entity', 'entity', events, docs);
    expect(l.lanes.map((x) => [x.id, x.count])).toEqual([['ent:ant-financial', 2], [NO_ENTITY_LANE, 1]]);
    expect(l.lanes[0]!.title).toBe('Ant Financial');
    expect(l.laneOf(events[2]!)).toBe(NO_ENTITY_LANE);
  });

  it('makes lanes by language and a single lane for none', () => {
    expect(layoutLanes('language', 'document', events, docs).lanes.map((x) => x.id)).toEqual(['lang:ar', 'lang:de']);
    expect(layoutLanes('none', 'document', events, docs).lanes).toHaveLength(1);
  });

  it('colours by entity with a legend naming the entities', () => {
    const l = layoutLanes('document', 'entity', events, docs, new Map([['china', 'China']]));
    expect(l.colorOf(events[0]!)).toBe('doc-c0');
    expect(l.legend.map((x) => x.label)).toEqual(['Ant Financial', 'China']);
    expect(l.colorOf(events[2]!)).toBe('no-color');
  });

  it('folds the smallest documents into one lane beyond the lane limit', () => {
    const many = Array.from({ length: MAX_LANES + 5 }, (_, i) => summary(`x${i}`));
    const evs = many.map((d, i) => event(`e${i}`, { value: '2018' }, { doc: d.id }));
    const l = layoutLanes('document', 'document', evs, many);
    expect(l.lanes).toHaveLength(MAX_LANES);
    expect(l.lanes.at(-1)!.id).toBe(OTHER_LANE);
    expect(new Set(evs.map(l.laneOf)).size).toBe(MAX_LANES);
  });

  it('keeps the document colour legend to one entry per colour and a count of the rest', () => {
    const docs = Array.from({ length: 25 }, (_, i) => summary(`d${String(i).padStart(2, '0')}`));
    const legend = layoutLanes('document', 'document', [], docs).legend;
    expect(legend).toHaveLength(DOC_COLOR_COUNT + 1);
    expect(new Set(legend.slice(0, DOC_COLOR_COUNT).map((l) => l.colorClass)).size).toBe(DOC_COLOR_COUNT);
    expect(legend.at(-1)!.label).toBe(`${25 - DOC_COLOR_COUNT} more documents`);
    expect(layoutLanes('document', 'document', [], docs.slice(0, 3)).legend.map((l) => l.label)).toEqual(['Doc d00', 'Doc d01', 'Doc d02']);
  });

  it('labels entity ids it has no name for from their slug', () => {
    expect(entityLabel('bank-of-china')).toBe('Bank of China');
  });
});

describe('undated events', () => {
  it('says why an event cannot be placed', () => {
    const e = event('x', { value: 'XXXX-06-08' });
    expect(isUndated(e)).toBe(true);
    expect(undatedReason(e, { published: { value: null, source: 'none', certainty: 'uncertain', evidence: '' } })).toBe("year unknown: the article's publication date is unknown");
    expect(undatedReason(e, docs[0])).toMatch(/^year unknown: the text does not say/);
    expect(isUndated(event('y', { value: '2018-06-08', start: '2018-06-08', end: '2018-06-08' }))).toBe(false);
  });
});
