import { describe, expect, it } from 'vitest';
import { parseDateInput } from '../../../renderer/editor/parse-date-input';

const value = (s: string): string | null => {
  const r = parseDateInput(s);
  return r.ok ? r.value : null;
};

describe('parseDateInput', () => {
  it('takes every TIMEX form of interfaces.md §3 as it is, with the precision it implies', () => {
    expect(parseDateInput('2018-06-08')).toEqual({ ok: true, value: '2018-06-08', precision: 'day' });
    expect(parseDateInput('2018-06')).toEqual({ ok: true, value: '2018-06', precision: 'month' });
    expect(parseDateInput('2018-W32')).toMatchObject({ value: '2018-W32', precision: 'week' });
    expect(parseDateInput('2018-q1')).toMatchObject({ value: '2018-Q1', precision: 'quarter' });
    expect(parseDateInput('2018-H2')).toMatchObject({ value: '2018-H2', precision: 'half' });
    expect(parseDateInput('2016-SU')).toMatchObject({ value: '2016-SU', precision: 'season' });
    expect(parseDateInput('2017')).toMatchObject({ value: '2017', precision: 'year' });
    expect(parseDateInput('201')).toMatchObject({ value: '201', precision: 'decade' });
    expect(parseDateInput('XXXX-11')).toMatchObject({ value: 'XXXX-11', precision: 'unknown' });
    expect(parseDateInput('XXXX-05-26')).toMatchObject({ value: 'XXXX-05-26', precision: 'unknown' });
    expect(parseDateInput('P5Y')).toMatchObject({ value: 'P5Y', precision: 'duration' });
    expect(parseDateInput('PAST_REF')).toMatchObject({ value: 'PAST_REF', precision: 'vague' });
  });

  it('reads month names in English, German, French and Arabic', () => {
    expect(value('June 2018')).toBe('2018-06');
    expect(value('jun 2018')).toBe('2018-06');
    expect(value('Juni 2018')).toBe('2018-06');
    expect(value('juin 2018')).toBe('2018-06');
    expect(value('März 2019')).toBe('2019-03');
    expect(value('يونيو 2018')).toBe('2018-06');
    expect(value('حزيران ٢٠١٨')).toBe('2018-06');
    expect(value('كانون الثاني 2020')).toBe('2020-01');
  });

  it('reads days written out, day first or month first', () => {
    expect(value('8 June 2018')).toBe('2018-06-08');
    expect(value('June 8, 2018')).toBe('2018-06-08');
    expect(value('June 8th, 2018')).toBe('2018-06-08');
    expect(value('8. Juni 2018')).toBe('2018-06-08');
    expect(value('1er août 2018')).toBe('2018-08-01');
    expect(value('8 juin 2018')).toBe('2018-06-08');
    expect(value('٨ يونيو ٢٠١٨')).toBe('2018-06-08');
    expect(value('08.06.2018')).toBe('2018-06-08');
    expect(value('2018/6/8')).toBe('2018-06-08');
  });

  it('reads quarters, seasons and decades in words', () => {
    expect(value('Q2 2018')).toBe('2018-Q2');
    expect(value('2018 H1')).toBe('2018-H1');
    expect(value('summer 2016')).toBe('2016-SU');
    expect(value('Sommer 2016')).toBe('2016-SU');
    expect(value('été 2016')).toBe('2016-SU');
    expect(value('2010s')).toBe('201');
  });

  it('turns early / mid / late (Anfang, Ende, début, fin, أواخر) into the modifier', () => {
    expect(parseDateInput('early 2018')).toMatchObject({ ok: true, value: '2018', mod: 'START' });
    expect(parseDateInput('mid-2018')).toMatchObject({ ok: true, value: '2018', mod: 'MID' });
    expect(parseDateInput('Ende Juni 2018')).toMatchObject({ ok: true, value: '2018-06', mod: 'END' });
    expect(parseDateInput('début 2019')).toMatchObject({ ok: true, value: '2019', mod: 'START' });
    expect(parseDateInput('أواخر 2017')).toMatchObject({ ok: true, value: '2017', mod: 'END' });
  });

  it('refuses what is impossible or ambiguous, saying why', () => {
    expect(parseDateInput('2018-13')).toMatchObject({ ok: false, error: expect.stringMatching(/month 13/) });
    expect(parseDateInput('2018-02-30')).toMatchObject({ ok: false, error: expect.stringMatching(/no day 30/) });
    expect(parseDateInput('31 June 2018')).toMatchObject({ ok: false, error: expect.stringMatching(/no day 31/) });
    expect(parseDateInput('6/8/2018')).toMatchObject({ ok: false, error: expect.stringMatching(/day\/month or month\/day/) });
    expect(value('13/6/2018')).toBe('2018-06-13');
    expect(parseDateInput('')).toMatchObject({ ok: false });
    expect(parseDateInput('next tuesday')).toMatchObject({ ok: false, error: expect.stringMatching(/not a date/) });
    expect(parseDateInput('June')).toMatchObject({ ok: false });
  });
});
