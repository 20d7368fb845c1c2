/**
 * The explorer's calls (`timeline:overview`, `event:get`, `events:search`) against `timeline:load`, which still
 * answers every event in full: the packed overview must say the same about every event, only less.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/app-services';
import { TimelineViews } from '../../../electron/store/timeline-views';
import { writeExplorerStore } from '../../../bench/explorer-store';
import type { TimelineData } from '../../../shared/ipc/contract';
import { filterEvents } from '../../../shared/print-options';
import { normalizeText } from '../../../renderer/search/normalize-text';
import { packEvents, timelineEvent, unpackEvents, LABEL_FROM_TEXT } from '../../../shared/timeline-pack';
import { event } from '../../renderer/fixtures';
import { sortEventsByTime } from '../../../renderer/event-pane/event-order';

describe('packEvents / unpackEvents', () => {
  it('round-trips every field the timeline uses, rare ones included', () => {
    const events = [
      event('a', { value: '2018-06', start: '2018-06-01', end: '2018-06-30', certainty: 'inferred' }, { entities: ['ant-financial', 'alipay'], edited: true }),
      event('b', { value: '2018-06-08', start: '2018-06-08', end: '2018-06-08', mod: 'START' }, { entities: ['alipay'], sameAs: ['a'] }),
      event('c', { value: '2018-05', start: '2018-05-01', end: '2018-07-31', to: '2018-07', certainty: 'uncertain' }, { doc: 'd2' }),
      event('d', { value: 'XXXX-11' }, { label: '', text: `  ${'Ein sehr langer Satz ohne Label. '.repeat(10)}` }),
      { ...event('e', { value: '2019' , start: '2019-01-01', end: '2019-12-31' }), hidden: true },
      event('f', { value: '2018-03-31', start: '2018-03-31', end: '2018-03-31' }, { role: 'context' }),
    ].map(timelineEvent);
    const wire = JSON.parse(JSON.stringify(packEvents(events))) as ReturnType<typeof packEvents>;
    expect(unpackEvents(wire)).toEqual(events);
    expect(events.map((e) => e.context ?? false)).toEqual([false, false, false, false, false, true]);
    expect(wire.docIds).toEqual(['d1', 'd2']);
    expect(wire.entitySets).toEqual([['ant-financial', 'alipay'], ['alipay'], []]);
    // Same-event links come with the event in full (event:get), not with the overview.
    expect(unpackEvents(wire)[1]).not.toHaveProperty('sameAs');
  });

  it('sends repeated labels, dates and entity sets once, and leaves out ids of the usual <doc>-e<start> form', () => {
    const events = [
      event('d1-e0', { value: '2018-06-08', start: '2018-06-08', end: '2018-06-08' }, { start: 0, label: 'Alipay · launch' }),
      event('d1-e40', { value: '2018-06-08', start: '2018-06-08', end: '2018-06-08' }, { start: 40, label: 'Alipay · launch' }),
      event('merged-7', { value: '2018-06-08', start: '2018-06-08', end: '2018-06-08', certainty: 'inferred' }, { start: 80, label: 'Alipay · launch' }),
    ].map(timelineEvent);
    const wire = JSON.parse(JSON.stringify(packEvents(events))) as ReturnType<typeof packEvents>;
    expect(wire.id).toEqual(['', '', 'merged-7']);
    expect(wire.labels).toEqual(['Alipay · launch']);
    expect(wire.dates).toHaveLength(2);
    expect(wire.entitySets).toHaveLength(1);
    const back = unpackEvents(wire);
    expect(back).toEqual(events);
    // Events with the same date share one date object.
    expect(back[0]!.date).toBe(back[1]!.date);
  });

  it('labels an event without a label by the start of its sentence, whitespace folded, at most LABEL_FROM_TEXT long', () => {
    const slim = timelineEvent(event('d', { value: '2018' }, { label: '', text: `Der\n Satz  ${'x'.repeat(400)}` }));
    expect(slim.label.startsWith('Der Satz x')).toBe(true);
    expect(slim.label).toHaveLength(LABEL_FROM_TEXT);
    expect(slim.label.endsWith('…')).toBe(true);
    expect(slim).not.toHaveProperty('text');
  });
});

describe('TimelineViews.search', () => {
  const data = { events: [
    event('de', { value: '2018-09-20' }, { label: 'Ant startet BaaS', text: 'Die Ankündigung wurde gestern gemacht.' }),
    event('ar', { value: '2018-06-08' }, { label: 'آنت تجمع ١٤ مليار', text: 'دخلت شركة آنت إنترناشيونال في اتفاقيات نهائية.' }),
  ] } as TimelineData;
  const views = new TimelineViews(() => data);

  it('searches label and sentence, ignoring case and diacritics', () => {
    expect(views.search('ANKUNDIGUNG')).toEqual(['de']);
    expect(views.search('baas')).toEqual(['de']);
  });
  it('finds Arabic without hamza on alif and with ه for ة', () => {
    expect(views.search('انترناشيونال شركه')).toEqual(['ar']);
  });
  it('answers every event for a query without terms, none when nothing matches', () => {
    expect(views.search('  ')).toEqual(['de', 'ar']);
    expect(views.search('tencent')).toEqual([]);
  });
});

describe('the explorer calls on a generated store', () => {
  let dir: string;
  let services: AppServices;
  let full: TimelineData;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'chronolens-views-'));
    const storeFile = path.join(dir, 'store.json');
    await writeExplorerStore(storeFile, { events: 3000, documents: 4, seed: 9 });
    services = await createAppServices({ storeFile });
    full = await services.handlers['timeline:load']({});
  });
  afterAll(async () => {
    await services?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('overview: the same documents and every event, slim and in time order, in a fraction of the size', async () => {
    const overview = await services.handlers['timeline:overview']({});
    expect(overview.documents).toEqual(full.documents);
    // In the explorer's time order, so its own sort and the lane index find sorted input.
    expect(unpackEvents(overview.events)).toEqual(sortEventsByTime(full.events).map(timelineEvent));
    expect(JSON.stringify(overview).length).toBeLessThan(JSON.stringify(full).length / 2);
  });

  it('event:get answers one event in full, and not-found for an unknown id', async () => {
    const e = full.events[1234]!;
    expect(await services.handlers['event:get']({ id: e.id })).toEqual(e);
    await expect(services.handlers['event:get']({ id: 'nope' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('events:search finds what the export filter `q` finds (label and sentence, folded)', async () => {
    const docLangs = new Map(full.documents.map((d) => [d.id, d.lang]));
    for (const q of ['Jack Ma', 'item 12', 'kündigte', 'KUNDIGTE', 'شراكة', 'nothing like this']) {
      const expected = filterEvents(full.events, docLangs, { q }, normalizeText).map((e) => e.id);
      expect((await services.handlers['events:search']({ query: q })).ids).toEqual(expected);
    }
  });
});
