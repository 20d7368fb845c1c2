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

/** The parts of a date meaning that few expressions have: one object, made only when one of them is set. */
class DateExtra {
  wdRel: number | undefined = undefined;
  wdWeek: number | undefined = undefined;
  wdPlus: number | undefined = undefined;
  season: Season | undefined = undefined;
  quarter: number | undefined = undefined;
  half: number | undefined = undefined;
  decade: number | undefined = undefined;
  century: number | undefined = undefined;
  nth: Nth | undefined = undefined;
  holiday: Holiday | undefined = undefined;
  holidayShift: { unit: Unit; n: number } | undefined = undefined;
  plusDays: number | undefined = undefined;

  copy(): DateExtra {
    const c = new DateExtra();
    c.wdRel = this.wdRel;
    c.wdWeek = this.wdWeek;
    c.wdPlus = this.wdPlus;
    c.season = this.season;
    c.quarter = this.quarter;
    c.half = this.half;
    c.decade = this.decade;
    c.century = this.century;
    c.nth = this.nth;
    c.holiday = this.holiday;
    c.holidayShift = this.holidayShift;
    c.plusDays = this.plusDays;
    return c;
  }
}

/**
 * A date expression's meaning. A class with every field always present (undefined when unused), so that all
 * date meanings share one object shape: the resolver reads them with monomorphic property loads, and copies
 * are field by field instead of object spreads over many shapes (both were hot in profiles of long texts).
 * The rarer parts live in a second object made on first use (accessors below), which keeps the many small
 * meanings small: allocation volume sets how often the young generation is collected.
 */
export class DateSem {
  readonly kind = 'date' as const;
  year: YearSpec | undefined = undefined;
  month: number | undefined = undefined;
  day: number | undefined = undefined;
  /** Month/day given without a year: -1 past ("dernier", "الماضي"), +1 future, undefined = sentence tense. */
  dir: number | undefined = undefined;
  weekday: number | undefined = undefined;
  /** "<n> <unit>s from ref/anchor" rendered at `grain`. */
  shift: Shift | undefined = undefined;
  mod: TimexMod | undefined = undefined;
  private x: DateExtra | undefined = undefined;

  private more(): DateExtra {
    return (this.x ??= new DateExtra());
  }

  /** last/this/next with a weekday. */
  get wdRel(): number | undefined { return this.x?.wdRel; }
  set wdRel(v: number | undefined) { if (v !== undefined || this.x) this.more().wdRel = v; }
  /** Weekday inside a relative week: "Sonntag letzte Woche". */
  get wdWeek(): number | undefined { return this.x?.wdWeek; }
  set wdWeek(v: number | undefined) { if (v !== undefined || this.x) this.more().wdWeek = v; }
  /** Days added after resolving the weekday ("lundi en huit", "Friday after next"). */
  get wdPlus(): number | undefined { return this.x?.wdPlus; }
  set wdPlus(v: number | undefined) { if (v !== undefined || this.x) this.more().wdPlus = v; }
  get season(): Season | undefined { return this.x?.season; }
  set season(v: Season | undefined) { if (v !== undefined || this.x) this.more().season = v; }
  get quarter(): number | undefined { return this.x?.quarter; }
  set quarter(v: number | undefined) { if (v !== undefined || this.x) this.more().quarter = v; }
  get half(): number | undefined { return this.x?.half; }
  set half(v: number | undefined) { if (v !== undefined || this.x) this.more().half = v; }
  /** First three digits: 199. */
  get decade(): number | undefined { return this.x?.decade; }
  set decade(v: number | undefined) { if (v !== undefined || this.x) this.more().decade = v; }
  /** "20th century" -> 19. */
  get century(): number | undefined { return this.x?.century; }
  set century(v: number | undefined) { if (v !== undefined || this.x) this.more().century = v; }
  /** "third Tuesday of", "last day of", "first week of" the month. n = -1 for last. */
  get nth(): Nth | undefined { return this.x?.nth; }
  set nth(v: Nth | undefined) { if (v !== undefined || this.x) this.more().nth = v; }
  /** Holiday: fixed month/day or days after Easter (Western or Orthodox). */
  get holiday(): Holiday | undefined { return this.x?.holiday; }
  set holiday(v: Holiday | undefined) { if (v !== undefined || this.x) this.more().holiday = v; }
  /** Holiday in the year of the reference shifted by this much: "Thanksgiving 3 years from now", "Easter two years ago". */
  get holidayShift(): { unit: Unit; n: number } | undefined { return this.x?.holidayShift; }
  set holidayShift(v: { unit: Unit; n: number } | undefined) { if (v !== undefined || this.x) this.more().holidayShift = v; }
  /** Days added to the resolved day: "three days after Easter". */
  get plusDays(): number | undefined { return this.x?.plusDays; }
  set plusDays(v: number | undefined) { if (v !== undefined || this.x) this.more().plusDays = v; }

  copy(): DateSem {
    const c = new DateSem();
    c.year = this.year;
    c.month = this.month;
    c.day = this.day;
    c.dir = this.dir;
    c.weekday = this.weekday;
    c.shift = this.shift;
    c.mod = this.mod;
    c.x = this.x?.copy();
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
