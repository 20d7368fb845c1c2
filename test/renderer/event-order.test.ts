import { describe, expect, it } from 'vitest';
import { sortEventsByTime, stepSelection } from '../../renderer/event-pane/event-order';
import { event } from './fixtures';

describe('sortEventsByTime', () => {
  it('orders by first day, a day before the month that contains it, undated last', () => {
    const ordered = sortEventsByTime([
      event('undated', { value: 'XXXX-05' }),
      event('month', { value: '2018-06' }),
      event('day', { value: '2018-06-01' }),
      event('early', { value: '2016' }),
    ]);
    expect(ordered.map((e) => e.id)).toEqual(['early', 'day', 'month', 'undated']);
  });

  it('keeps document order for events on the same day', () => {
    const ordered = sortEventsByTime([event('b', { value: '2018-06-08' }, { start: 50 }), event('a', { value: '2018-06-08' }, { start: 5 })]);
    expect(ordered.map((e) => e.id)).toEqual(['a', 'b']);
  });
});

describe('stepSelection', () => {
  const list = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('moves to the next and previous event', () => {
    expect(stepSelection(list, 'b', 1)).toBe('c');
    expect(stepSelection(list, 'b', -1)).toBe('a');
  });
  it('stops at the ends', () => {
    expect(stepSelection(list, 'c', 1)).toBe('c');
    expect(stepSelection(list, 'a', -1)).toBe('a');
  });
  it('starts from the first (right) or last (left) when nothing is selected', () => {
    expect(stepSelection(list, null, 1)).toBe('a');
    expect(stepSelection(list, 'gone', -1)).toBe('c');
    expect(stepSelection([], null, 1)).toBeNull();
  });
});
