/**
 * What a matched expression means before it is anchored to a reference date.
 */
import type { TimexMod } from '../../../shared/model';
import type { Holiday, Season, Unit, Vague } from './types';

/** Where the year comes from. */
export type YearSpec =
  | { abs: number }
  | { rel: number } // relative to the reference (publication) year
  | { anaph: number }; // relative to the last date mentioned before

/**
 * A date expression's meaning. A class with every field always present (undefined when unused), so that all
 * date meanings share one object shape: the resolver reads them with monomorphic property loads, and copies
 * are field by field instead of object spreads over many shapes (both were hot in profiles of long texts).
 */
export class DateSem {
  readonly kind = 'date' as const;
  year: YearSpec | undefined = undefined;
  month: number | undefined = undefined;
  day: number | undefined = undefined;
  /** Month/day given without a year: -1 past ("dernier", "الماضي"), +1 future, undefined = sentence tense. */
  dir: number | undefined = undefined;
  weekday: number | undefined = undefined;
  /** last/this/next with a weekday. */
  wdRel: number | undefined = undefined;
  /** Weekday inside a relative week: "Sonntag letzte Woche". */
  wdWeek: number | undefined = undefined;
  /** Days added after resolving the weekday ("lundi en huit", "Friday after next"). */
  wdPlus: number | undefined = undefined;
  season: Season | undefined = undefined;
  quarter: number | undefined = undefined;
  half: number | undefined = undefined;
  decade: number | undefined = undefined; // first three digits: 199
  century: number | undefined = undefined; // "20th century" -> 19
  /** "<n> <unit>s from ref/anchor" rendered at `grain`. */
  shift: Shift | undefined = undefined;
  /** "third Tuesday of", "last day of", "first week of" the month. n = -1 for last. */
  nth: Nth | undefined = undefined;
  /** Holiday: fixed month/day or days after Easter (Western or Orthodox). */
  holiday: Holiday | undefined = undefined;
  /** Holiday in the year of the reference shifted by this much: "Thanksgiving 3 years from now", "Easter two years ago". */
  holidayShift: { unit: Unit; n: number } | undefined = undefined;
  mod: TimexMod | undefined = undefined;
  /** Days added to the resolved day: "three days after Easter". */
  plusDays: number | undefined = undefined;

  copy(): DateSem {
    const c = new DateSem();
    c.year = this.year;
    c.month = this.month;
    c.day = this.day;
    c.dir = this.dir;
    c.weekday = this.weekday;
    c.wdRel = this.wdRel;
    c.wdWeek = this.wdWeek;
    c.wdPlus = this.wdPlus;
    c.season = this.season;
    c.quarter = this.quarter;
    c.half = this.half;
    c.decade = this.decade;
    c.century = this.century;
    c.shift = this.shift;
    c.nth = this.nth;
    c.holiday = this.holiday;
    c.holidayShift = this.holidayShift;
    c.mod = this.mod;
    c.plusDays = this.plusDays;
    return c;
  }
}

/** "<n> <unit>s from ref/anchor", rendered at `grain` (default: the unit). */
export interface Shift { unit: Unit; n: number; base: 'ref' | 'anchor'; grain?: Unit }

export interface Nth { what: 'wd' | 'day' | 'week'; n: number; wd?: number; monthShift?: number; inYear?: boolean }

export interface DurSem {
  kind: 'dur';
  n: number | null;
  unit: Unit;
  mod?: TimexMod;
}

export interface VagueSem {
  kind: 'vague';
  value: Vague;
}

export type Sem = DateSem | DurSem | VagueSem;

export interface Match {
  /** Item indices: first and one past the last. */
  from: number;
  to: number;
  sem: Sem;
}
