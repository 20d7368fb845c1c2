import { describe, expect, it } from 'vitest';
import { activeEdits, anchorOf, applyEdits, type Edit, type EditOp } from '../../shared/edits';
import type { ChronoEvent } from '../../shared/model';

const TEXT = 'Ant raised $14 bn in June. Ma spoke in Tianjin in May. Regulators acted in November.';
const sentence = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length, text: s });

function ev(s: string, value: string): ChronoEvent {
  const sp = sentence(s);
  return { id: `d1-e${sp.start}`, doc: 'd1', ...sp, label: s, date: { value, certainty: 'inferred' }, entities: [], amounts: [], edited: false };
}

const machine = [ev('Ant raised $14 bn in June.', '2018-06'), ev('Ma spoke in Tianjin in May.', '2018-05'), ev('Regulators acted in November.', '2020-11')];
const texts = new Map([['d1', TEXT]]);
let seq = 0;
const edit = (op: EditOp, undone = false): Edit => ({ seq: ++seq, at: '2026-01-01T00:00:00Z', op, ...(undone ? { undone } : {}) });

describe('applyEdits', () => {
  it('fixes a date and a label, marks the event edited and computes the days the new value covers', () => {
    const { events, orphaned } = applyEdits(machine, texts, [edit({ kind: 'event.update', target: anchorOf(machine[0]!), patch: { date: { value: '2018-06-08', certainty: 'stated' }, label: 'Funding round', note: 'checked with the FT' } })]);
    const e = events.find((x) => x.id === machine[0]!.id)!;
    expect(e).toMatchObject({ label: 'Funding round', note: 'checked with the FT', edited: true, date: { value: '2018-06-08', certainty: 'stated', start: '2018-06-08', end: '2018-06-08' } });
    expect(orphaned).toEqual([]);
    expect(machine[0]!.label).toBe('Ant raised $14 bn in June.'); // the machine's events are not mutated
  });

  it('follows the sentence when the article changes around it', () => {
    const shifted = `A new first paragraph.\n\n${TEXT}`;
    const moved = machine.map((m) => ({ ...m, id: `d1-e${m.start + 24}`, start: m.start + 24, end: m.end + 24 }));
    const { events, orphaned } = applyEdits(moved, new Map([['d1', shifted]]), [edit({ kind: 'event.update', target: anchorOf(machine[1]!), patch: { hidden: true } })]);
    expect(orphaned).toEqual([]);
    expect(events.find((e) => e.text.startsWith('Ma spoke'))!.hidden).toBe(true);
  });

  it('tells the statements of one sentence apart, also after the article moved', () => {
    const both = 'Ma spoke in Tianjin in May, and met regulators in June.';
    const t = `Intro.\n\n${both}`;
    const at = t.indexOf(both);
    const base = { doc: 'd1', start: at, end: at + both.length, text: both, entities: [], amounts: [], edited: false };
    const may: ChronoEvent = { ...base, id: `d1-e${at}`, label: 'Ma · statement', date: { value: '2018-05', certainty: 'inferred' } };
    const june: ChronoEvent = { ...base, id: `d1-e${at}-35`, part: 35, label: 'Ma · meeting', date: { value: '2018-06', certainty: 'inferred' } };
    const log = [edit({ kind: 'event.update', target: anchorOf(june), patch: { label: 'Ma meets regulators' } }), edit({ kind: 'event.delete', target: anchorOf(may) })];
    const labels = (events: ChronoEvent[]) => events.map((e) => [e.id, e.label]);
    expect(labels(applyEdits([may, june], new Map([['d1', t]]), log).events)).toEqual([[june.id, 'Ma meets regulators']]);
    // The article gains a paragraph before the sentence: both edits follow their own statement.
    const shift = 'More.\n\n';
    const moved = [may, june].map((e) => ({ ...e, id: e.id.replace(String(at), String(at + shift.length)), start: e.start + shift.length, end: e.end + shift.length }));
    const after = applyEdits(moved, new Map([['d1', shift + t]]), log);
    expect(after.orphaned).toEqual([]);
    expect(labels(after.events)).toEqual([[moved[1]!.id, 'Ma meets regulators']]);
  });

  it('keeps an edit whose sentence is gone as orphaned instead of dropping it', () => {
    const gone = machine.slice(0, 2);
    const e = edit({ kind: 'event.update', target: anchorOf(machine[2]!), patch: { label: 'x' } });
    const { orphaned } = applyEdits(gone, new Map([['d1', TEXT.replace('Regulators acted in November.', '')]]), [e]);
    expect(orphaned).toEqual([{ edit: e, reason: expect.stringMatching(/no longer/) }]);
  });

  it('adds an event from a text selection and deletes one', () => {
    const sel = { doc: 'd1', ...sentence('spoke in Tianjin') };
    const { events } = applyEdits(machine, texts, [edit({ kind: 'event.add', anchor: sel, date: { value: '2018-05', certainty: 'inferred' }, label: 'Ma in Tianjin' }), edit({ kind: 'event.delete', target: anchorOf(machine[2]!) })]);
    expect(events.map((e) => e.label)).toEqual(['Ant raised $14 bn in June.', 'Ma spoke in Tianjin in May.', 'Ma in Tianjin']);
    expect(events[2]).toMatchObject({ text: 'spoke in Tianjin', edited: true, date: { start: '2018-05-01', end: '2018-05-31' } });
  });

  it('merges events keeping all their sources, and a split restores them', () => {
    const merge = edit({ kind: 'event.merge', targets: [anchorOf(machine[0]!), anchorOf(machine[1]!)] });
    const merged = applyEdits(machine, texts, [merge]);
    expect(merged.events).toHaveLength(2);
    expect(merged.events[0]!.sources!.map((s) => s.text)).toEqual([machine[0]!.text, machine[1]!.text]);
    expect(merged.events[0]!.sameAs).toEqual([machine[1]!.id]);
    const split = applyEdits(machine, texts, [merge, edit({ kind: 'event.split', merge: merge.seq })]);
    expect(split.events).toHaveLength(3);
    expect(split.events.every((e) => !e.sources)).toBe(true);
  });

  it('accepts and rejects same-event suggestions on both events', () => {
    const a = anchorOf(machine[0]!);
    const b = anchorOf(machine[2]!);
    const accepted = applyEdits(machine, texts, [edit({ kind: 'link.decide', a, b, accept: true })]).events;
    expect(accepted[0]!.sameAs).toEqual([machine[2]!.id]);
    expect(accepted[2]!.sameAs).toEqual([machine[0]!.id]);
    const rejected = applyEdits(machine, texts, [edit({ kind: 'link.decide', a, b, accept: true }), edit({ kind: 'link.decide', a, b, accept: false })]).events;
    expect(rejected[0]!.sameAs).toEqual([]);
    expect(rejected[0]!.rejected).toEqual([machine[2]!.id]);
  });

  it('ignores undone edits', () => {
    const log = [edit({ kind: 'event.update', target: anchorOf(machine[0]!), patch: { label: 'kept' } }), edit({ kind: 'event.update', target: anchorOf(machine[0]!), patch: { label: 'undone' } }, true)];
    expect(activeEdits(log)).toHaveLength(1);
    expect(applyEdits(machine, texts, log).events[0]!.label).toBe('kept');
  });

  it('records accepted links, and a later decision replaces an earlier one', () => {
    const a = anchorOf(machine[0]!);
    const b = anchorOf(machine[2]!);
    const accepted = applyEdits(machine, texts, [edit({ kind: 'link.decide', a, b, accept: true })]).events;
    expect(accepted[0]!.accepted).toEqual([machine[2]!.id]);
    const flipped = applyEdits(machine, texts, [edit({ kind: 'link.decide', a, b, accept: false }), edit({ kind: 'link.decide', a, b, accept: true })]).events;
    expect(flipped[2]!).toMatchObject({ accepted: [machine[0]!.id], rejected: [], sameAs: [machine[0]!.id] });
  });

  it('edits an added event, not the machine sentence that starts at the same offset', () => {
    const sel = { doc: 'd1', ...sentence('Ant raised $14 bn') };
    const add = edit({ kind: 'event.add', anchor: sel, date: { value: '2018-06', certainty: 'stated' }, label: 'added' });
    const { events } = applyEdits(machine, texts, [add, edit({ kind: 'event.update', target: sel, patch: { label: 'renamed' } })]);
    expect(events.find((e) => e.id === `u${add.seq}`)!.label).toBe('renamed');
    expect(events.find((e) => e.id === machine[0]!.id)!.label).toBe(machine[0]!.label);
  });
});
