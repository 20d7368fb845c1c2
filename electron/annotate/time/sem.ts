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

export interface DateSem {
  kind: 'date';
  year?: YearSpec;
  month?: number;
  day?: number;
  /** Month/day given without a year: -1 past ("dernier", "الماضي"), +1 future, undefined = sentence tense. */
  dir?: number;
  weekday?: number;
  /** last/this/next with a weekday. */
  wdRel?: number;
  /** Weekday inside a relative week: "Sonntag letzte Woche". */
  wdWeek?: number;
  /** Days added after resolving the weekday ("lundi en huit", "Friday after next"). */
  wdPlus?: number;
  season?: Season;
  quarter?: number;
  half?: number;
  decade?: number; // first three digits: 199
  century?: number; // "20th century" -> 19
  /** "<n> <unit>s from ref/anchor" rendered at `grain`. */
  shift?: { unit: Unit; n: number; base: 'ref' | 'anchor'; grain?: Unit };
  /** "third Tuesday of", "last day of", "first week of" the month. n = -1 for last. */
  nth?: { what: 'wd' | 'day' | 'week'; n: number; wd?: number; monthShift?: number; inYear?: boolean };
  /** Holiday: fixed month/day or days after Easter (Western or Orthodox). */
  holiday?: Holiday;
  /** Holiday in the year of the reference shifted by this much: "Thanksgiving 3 years from now", "Easter two years ago". */
  holidayShift?: { unit: Unit; n: number };
  mod?: TimexMod;
  /** Days added to the resolved day: "three days after Easter". */
  plusDays?: number;
}

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
