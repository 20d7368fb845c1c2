/**
 * TIMEX value ⇄ calendar interval. Pure date arithmetic on ISO strings in UTC, so a date-only value never shifts
 * with the viewer's time zone.
 */

export type Precision = 'day' | 'week' | 'month' | 'quarter' | 'half' | 'season' | 'year' | 'decade';

export interface DayInterval {
  /** First day covered, YYYY-MM-DD. */
  start: string;
  /** Last day covered (inclusive), YYYY-MM-DD. */
  end: string;
  precision: Precision;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function isoDay(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Adds days to an ISO day string (UTC arithmetic). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return isoDay(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Monday of ISO week `w` of ISO year `y`. */
export function isoWeekStart(y: number, w: number): string {
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const dow = jan4.getUTCDay() || 7;
  const monday = new Date(Date.UTC(y, 0, 4 - (dow - 1) + (w - 1) * 7));
  return isoDay(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate());
}

const SEASON_MONTHS: Record<string, [number, number]> = {
  // Meteorological seasons (northern hemisphere); winter spans the year boundary into the next year.
  SP: [3, 5],
  SU: [6, 8],
  FA: [9, 11],
  WI: [12, 14],
};

function monthRange(y: number, m1: number, m2: number, precision: Precision): DayInterval {
  const endY = y + Math.floor((m2 - 1) / 12);
  const endM = ((m2 - 1) % 12) + 1;
  return { start: isoDay(y, m1, 1), end: isoDay(endY, endM, daysInMonth(endY, endM)), precision };
}

/**
 * The days a TIMEX value covers, or null when it has unknown (X) parts or is not a calendar date
 * (durations, PRESENT_REF, ...). Times of day are reduced to their day.
 */
export function timexInterval(value: string): DayInterval | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(value))) {
    const day = isoDay(+m[1]!, +m[2]!, +m[3]!);
    return { start: day, end: day, precision: 'day' };
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) {
    const start = isoWeekStart(+m[1]!, +m[2]!);
    return { start, end: addDays(start, 6), precision: 'week' };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return monthRange(+m[1]!, +m[2]!, +m[2]!, 'month');
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) {
    const q = +m[2]!;
    return monthRange(+m[1]!, q * 3 - 2, q * 3, 'quarter');
  }
  if ((m = /^(\d{4})-H([12])$/.exec(value))) {
    const h = +m[2]!;
    return monthRange(+m[1]!, h * 6 - 5, h * 6, 'half');
  }
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) {
    const [a, b] = SEASON_MONTHS[m[2]!]!;
    return monthRange(+m[1]!, a, b, 'season');
  }
  if ((m = /^(\d{4})$/.exec(value))) return monthRange(+m[1]!, 1, 12, 'year');
  if ((m = /^(\d{3})$/.exec(value))) {
    const y = +m[1]! * 10;
    return { start: isoDay(y, 1, 1), end: isoDay(y + 9, 12, 31), precision: 'decade' };
  }
  return null;
}

/** Narrows an interval for START / MID / END modifiers (first, middle, last third). */
export function applyMod(iv: DayInterval, mod: string | undefined): DayInterval {
  if (!mod || iv.precision === 'day' || !['START', 'MID', 'END'].includes(mod)) return iv;
  const a = Date.parse(iv.start);
  const b = Date.parse(iv.end);
  const days = Math.round((b - a) / 86_400_000) + 1;
  const third = Math.max(1, Math.floor(days / 3));
  const offset = mod === 'START' ? 0 : mod === 'MID' ? third : days - third;
  const start = addDays(iv.start, offset);
  return { start, end: addDays(start, third - 1), precision: iv.precision };
}

/** True when the value names a calendar date or period that can be drawn (no X, not a duration or vague ref). */
export function isDrawable(value: string): boolean {
  return timexInterval(value) !== null;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SEASON_EN: Record<string, string> = { SP: 'Spring', SU: 'Summer', FA: 'Autumn', WI: 'Winter' };
const MOD_EN: Record<string, string> = { START: 'early ', MID: 'mid-', END: 'late ', APPROX: '~', BEFORE: 'before ', AFTER: 'after ' };

/** A short human label for a value ("Jun 2018", "Summer 2016", "8 Jun 2018"), unknown parts shown as "?". */
export function formatTimex(value: string, mod?: string): string {
  const prefix = mod ? (MOD_EN[mod] ?? '') : '';
  let m: RegExpExecArray | null;
  const year = (y: string): string => (/X/.test(y) ? '?' : y);
  if ((m = /^([\dX]{4})-([\dX]{2})-([\dX]{2})/.exec(value))) {
    const mon = /X/.test(m[2]!) ? '?' : MONTHS_EN[+m[2]! - 1];
    return `${prefix}${/X/.test(m[3]!) ? '' : `${+m[3]!} `}${mon} ${year(m[1]!)}`;
  }
  if ((m = /^([\dX]{4})-W(\d{2})$/.exec(value))) return `${prefix}week ${+m[2]!} ${year(m[1]!)}`;
  if ((m = /^([\dX]{4})-([\dX]{2})$/.exec(value))) return `${prefix}${/X/.test(m[2]!) ? '?' : MONTHS_EN[+m[2]! - 1]} ${year(m[1]!)}`;
  if ((m = /^([\dX]{4})-([QH])(\d)$/.exec(value))) return `${prefix}${m[2]}${m[3]} ${year(m[1]!)}`;
  if ((m = /^([\dX]{4})-(SP|SU|FA|WI)$/.exec(value))) return `${prefix}${SEASON_EN[m[2]!]} ${year(m[1]!)}`;
  if (/^\d{4}$/.test(value)) return `${prefix}${value}`;
  if (/^\d{3}$/.test(value)) return `${prefix}${value}0s`;
  return value;
}
