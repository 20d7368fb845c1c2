/**
 * Proleptic Gregorian arithmetic on plain numbers (UTC, never the machine clock) and TIMEX3 value formatting.
 */
import type { Season, Unit } from './types';

export interface Ymd { y: number; m: number; d: number }

const DAY_MS = 86400000;

/** Plain-integer days since 1970-01-01 for year, month 1-12 and any day offset (Hinnant's days_from_civil). */
function civilDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** Same as Math.floor(Date.UTC(y, m - 1, d) / day) (years 0-99 mean 1900-1999, months and days roll over), without Date. */
export function toDays(y: number, m: number, d: number): number {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || Math.abs(y) > 200000 || Math.abs(m) > 1e6 || Math.abs(d) > 1e7) {
    return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
  }
  const yr = y >= 0 && y <= 99 ? 1900 + y : y;
  const m0 = m - 1;
  const ym = yr + Math.floor(m0 / 12);
  const mm = m0 - Math.floor(m0 / 12) * 12 + 1;
  return civilDays(ym, mm, d);
}

/** Same as the UTC date of `n` days after 1970-01-01 (Hinnant's civil_from_days), without Date. */
export function fromDays(n: number): Ymd {
  if (!Number.isInteger(n) || Math.abs(n) > 1e8) {
    const dt = new Date(n * DAY_MS);
    return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
  }
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400;
  return { y: m <= 2 ? y + 1 : y, m, d };
}

export function daysInMonth(y: number, m: number): number {
  return fromDays(toDays(y, m + 1, 0)).d;
}

export function validDay(y: number | null, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= (y === null ? [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]! : daysInMonth(y, m));
}

/** ISO weekday: 1 = Monday .. 7 = Sunday. */
export function weekdayOf(days: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

export function isoWeek(days: number): { y: number; w: number } {
  const thursday = days - weekdayOf(days) + 4;
  const ty = fromDays(thursday).y;
  const w = Math.floor((thursday - toDays(ty, 1, 1)) / 7) + 1;
  return { y: ty, w };
}

export function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

// News text names the same few years, months and days over and over: their value strings are made once
// (bounded caches) instead of being formatted, and allocated, for every timex.
const yearStrs: string[] = [];

export function yearStr(y: number | null): string {
  if (y === null) return 'XXXX';
  if (y >= 0 && y <= 9999 && Number.isInteger(y)) return (yearStrs[y] ??= pad(y, 4));
  return pad(y, 4);
}

const dayStrs = new Map<number, string>();

export function fmtDay(y: number | null, m: number | null, d: number | null): string {
  const cacheable = y !== null && m !== null && d !== null && y >= 0 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31 &&
    Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d);
  if (!cacheable) return `${yearStr(y)}-${m === null ? 'XX' : pad(m, 2)}-${d === null ? 'XX' : pad(d, 2)}`;
  const key = (y * 16 + m) * 32 + d;
  let v = dayStrs.get(key);
  if (v === undefined) {
    if (dayStrs.size >= 50000) dayStrs.clear();
    v = `${yearStr(y)}-${pad(m, 2)}-${pad(d, 2)}`;
    dayStrs.set(key, v);
  }
  return v;
}

export function fmtDays(days: number): string {
  const { y, m, d } = fromDays(days);
  return fmtDay(y, m, d);
}

export function fmtWeek(days: number): string {
  const { y, w } = isoWeek(days);
  return `${pad(y, 4)}-W${pad(w, 2)}`;
}

const monthStrs = new Map<number, string>();

export function fmtMonth(y: number | null, m: number): string {
  if (y === null || !(y >= 0 && y <= 9999 && m >= 1 && m <= 12 && Number.isInteger(y) && Number.isInteger(m))) return `${yearStr(y)}-${pad(m, 2)}`;
  const key = y * 16 + m;
  let v = monthStrs.get(key);
  if (v === undefined) {
    if (monthStrs.size >= 50000) monthStrs.clear();
    v = `${yearStr(y)}-${pad(m, 2)}`;
    monthStrs.set(key, v);
  }
  return v;
}

export const SEASON_START: Record<Season, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
export const SEASON_END: Record<Season, number> = { SP: 5, SU: 8, FA: 11, WI: 14 };

/** Moves a (year, month) by n months. */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + n;
  return { y: Math.floor(idx / 12), m: (idx % 12) + 1 };
}

export function durationValue(n: number | null, unit: Unit): string {
  const count = n === null ? 'X' : String(n);
  if (unit === 'Q') return `P${n === null ? 'X' : String(n * 3)}M`;
  if (unit === 'H') return `P${n === null ? 'X' : String(n * 6)}M`;
  return `P${count}${unit}`;
}

/** Parses 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' (a time part after 'T' is ignored). */
export function parseRef(ref: string | null): { y: number; m: number | null; d: number | null } | null {
  if (!ref) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(ref.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : null;
  const d = m[3] ? Number(m[3]) : null;
  if (mo !== null && (mo < 1 || mo > 12)) return { y, m: null, d: null };
  if (mo !== null && d !== null && !validDay(y, mo, d)) return { y, m: mo, d: null };
  return { y, m: mo, d };
}

/** Western Easter Sunday (Anonymous Gregorian algorithm), as a day number. */
export function easterDays(y: number): number {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return toDays(y, month, day);
}

/** Orthodox Easter Sunday (Julian computus, shown in the Gregorian calendar), as a day number. */
export function orthodoxEasterDays(y: number): number {
  const a = y % 4, b = y % 7, c = y % 19, d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31), day = ((d + e + 114) % 31) + 1;
  const julianToGregorian = Math.floor(y / 100) - Math.floor(y / 400) - 2;
  return toDays(y, month, day) + julianToGregorian;
}

/**
 * Dates of other calendars, read from Intl (full ICU): for a Gregorian year, every day's month and day in
 * that calendar. Built once per calendar and year (365 format calls), then looked up.
 */
type OtherCal = 'hijri' | 'hebrew' | 'chinese';
const CAL_LOCALE: Record<OtherCal, string> = { hijri: 'en-u-ca-islamic-umalqura', hebrew: 'en-u-ca-hebrew', chinese: 'en-u-ca-chinese' };
const fmts = new Map<OtherCal, Intl.DateTimeFormat | null>();
const tables = new Map<string, Array<[string, number]> | null>();

function formatter(cal: OtherCal): Intl.DateTimeFormat | null {
  let f = fmts.get(cal);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat(CAL_LOCALE[cal], { timeZone: 'UTC', month: cal === 'hebrew' ? 'long' : 'numeric', day: 'numeric' });
      if (!f.resolvedOptions().calendar.startsWith(cal === 'hijri' ? 'islamic' : cal)) f = null;
    } catch {
      f = null;
    }
    fmts.set(cal, f);
  }
  return f;
}

function yearTable(cal: OtherCal, y: number): Array<[string, number]> | null {
  const key = `${cal}:${y}`;
  let t = tables.get(key);
  if (t !== undefined) return t;
  const f = formatter(cal);
  if (!f || y < 1000 || y > 2999) t = null;
  else {
    t = [];
    const first = toDays(y, 1, 1);
    const last = toDays(y, 12, 31);
    for (let d = first; d <= last; d++) {
      let month = '';
      let day = 0;
      for (const p of f.formatToParts(new Date(d * DAY_MS))) {
        if (p.type === 'month') month = p.value;
        else if (p.type === 'day') day = Number(p.value);
      }
      t.push([month, day]);
    }
  }
  if (tables.size > 400) tables.clear();
  tables.set(key, t);
  return t;
}

/** First day (day number) of Gregorian year y that is `day` of `month` in the calendar; NaN if none. */
export function otherCalendarDay(cal: OtherCal, y: number, month: number | string, day: number): number {
  const t = yearTable(cal, y);
  if (!t) return NaN;
  const months = String(month).split('|');
  for (let k = 0; k < t.length; k++) {
    const [m, d] = t[k]!;
    if (d === day && months.includes(m)) return toDays(y, 1, 1) + k;
  }
  return NaN;
}
