import type { DocumentSummary } from '../../shared/ipc/contract';
import type { ChronoEvent, EventDate } from '../../shared/model';

export function event(id: string, date: Partial<EventDate> & { value: string }, extra: Partial<ChronoEvent> = {}): ChronoEvent {
  return {
    id,
    doc: 'd1',
    start: 0,
    end: 10,
    text: `Sentence of ${id}.`,
    label: `Label ${id}`,
    date: { certainty: 'stated', ...date },
    entities: [],
    amounts: [],
    edited: false,
    ...extra,
  };
}

export function summary(id: string, title = `Doc ${id}`): DocumentSummary {
  return {
    id,
    file: `${id}.txt`,
    lang: 'de',
    title,
    published: { value: '2018-09-21', source: 'manifest', certainty: 'stated', evidence: 'manifest.csv' },
    eventCount: 0,
    problems: [],
  };
}
