/**
 * News-mode anchoring: turns a DateSem into a TIMEX3 value using the reference date, the sentence's tense
 * and the last date mentioned (for anaphora). Unknown parts become X; the machine clock is never read.
 */
import {
  addMonths, daysInMonth, easterDays, orthodoxEasterDays, otherCalendarDay, fmtDay, fmtDays, fmtMonth, fmtWeek, fromDays, pad, SEASON_END, SEASON_START, toDays, validDay,
  weekdayOf, yearStr,
} from './calendar';
import type { DateSem, YearSpec } from './sem';

export interface RefDate { y: number; m: number | null; d: number | null }

/** The last date mentioned: as much of it as is known. */
export interface Anchor { y: number; m: number | null; d: number | null }

export interface ResolveCtx {
  ref: RefDate | null;
  anchor: Anchor | null;
  /** Tense around the expression: +1 future, -1 past, 0 unknown. */
  tense: number;
}

export interface Resolved {
  value: string;
  /** What later anaphora may use; null when the value has unknown parts. */
  anchor: Anchor | null;
}

function yearOf(spec: YearSpec, ctx: ResolveCtx): number | null {
  if ('abs' in spec) return spec.abs;
  if ('rel' in spec) return ctx.ref ? ctx.ref.y + spec.rel : null;
  const base = ctx.anchor?.y ?? ctx.ref?.y;
  return base === undefined ? null : base + spec.anaph;
}

/**
 * Year for something that recurs yearly, starting at month `start` (and lasting to `end`), given no year:
 * the nearest occurrence in the direction of the sentence (past by default); the reference month's own
 * occurrence always counts as the reference year.
 */
function inferYear(ctx: ResolveCtx, dir: number | undefined, start: number, end: number, day?: number): number | null {
  const ref = ctx.ref;
  if (!ref) return null;
  if (ref.m === null) return ref.y;
  const d = dir ?? (ctx.tense > 0 ? 1 : -1);
  if (day !== undefined && ref.d !== null && start === end) {
    // A day: compare the full date; same month counts as this year unless "dernier"/"prochain" says otherwise.
    if (start === ref.m && dir === undefined) return ref.y;
    if (dir === undefined && ctx.tense === 0) {
      // No tense at all: the nearest occurrence (an announcement dated 28 July speaks of 3 August, not last year's).
      const r = toDays(ref.y, ref.m, ref.d);
      let best = ref.y;
      let bestDist = Infinity;
      for (const y of [ref.y - 1, ref.y, ref.y + 1]) {
        const dist = Math.abs(toDays(y, start, Math.min(day, 28)) - r);
        if (dist < bestDist) {
          bestDist = dist;
          best = y;
        }
      }
      return best;
    }
    const before = start < ref.m || (start === ref.m && day <= ref.d);
    const after = start > ref.m || (start === ref.m && day >= ref.d);
    if (d < 0) return before ? ref.y : ref.y - 1;
    return after ? ref.y : ref.y + 1;
  }
  // Inside the period: this one, unless "last"/"next" asks for the one before or after ("last spring" said in
  // April is the spring of the year before; "late last July" said in July, last year's July).
  if (start <= ref.m && ref.m <= end) return dir ? ref.y + Math.sign(dir) : ref.y;
  if (d < 0) return start <= ref.m ? ref.y : ref.y - 1;
  return end >= ref.m ? ref.y : ref.y + 1;
}

function refDays(ctx: ResolveCtx): number | null {
  const r = ctx.ref;
  return r && r.m !== null && r.d !== null ? toDays(r.y, r.m, r.d) : null;
}

function resolveWeekday(sem: DateSem, ctx: ResolveCtx): Resolved {
  const wd = sem.weekday!;
  const base = refDays(ctx);
  if (base === null) return { value: `XXXX-WXX-${wd}`, anchor: null };
  let days: number;
  if (sem.wdWeek !== undefined) {
    const monday = base - (weekdayOf(base) - 1) + 7 * sem.wdWeek;
    days = monday + wd - 1;
  } else {
    const cur = weekdayOf(base);
    const back = (cur - wd + 7) % 7; // days back to the most recent one on or before ref
    const rel = sem.wdRel;
    if (rel === -1) days = base - (back === 0 ? 7 : back);
    else if (rel === 1 || rel === 2) days = base + ((wd - cur + 7) % 7 || 7) + (rel === 2 ? 7 : 0);
    else if (rel === 0) days = ctx.tense < 0 ? base - back : base + ((wd - cur + 7) % 7);
    else if (ctx.tense > 0) days = base + ((wd - cur + 7) % 7 || 7);
    else days = base - back;
  }
  days += sem.wdPlus ?? 0;
  const ymd = fromDays(days);
  return { value: fmtDays(days), anchor: ymd };
}

function resolveShift(sem: DateSem, ctx: ResolveCtx): Resolved {
  const s = sem.shift!;
  const grain = s.grain ?? s.unit;
  // Anaphora use the last date mentioned when it has the needed precision, else the reference date.
  let b: { y: number; m: number | null; d: number | null } | null = ctx.ref;
  if (s.base === 'anchor' && ctx.anchor) {
    const a = ctx.anchor;
    const enough = grain === 'Y' || (grain === 'D' || grain === 'W' ? a.d !== null : a.m !== null);
    if (enough) b = a;
  }
  if (!b) return { value: grainUnknown(grain), anchor: null };
  if (grain === 'Y') {
    const y = b.y + (s.unit === 'Y' ? s.n : 0);
    return { value: yearStr(y), anchor: { y, m: null, d: null } };
  }
  if (b.m === null) return { value: grainUnknown(grain), anchor: null };
  if (grain === 'M' || grain === 'Q' || grain === 'H') {
    const months = s.unit === 'M' ? s.n : s.unit === 'Q' ? 3 * s.n : s.unit === 'H' ? 6 * s.n : s.unit === 'Y' ? 12 * s.n : 0;
    const { y, m } = addMonths(b.y, b.m, months);
    if (grain === 'M') return { value: fmtMonth(y, m), anchor: { y, m, d: null } };
    if (grain === 'Q') return { value: `${pad(y, 4)}-Q${Math.floor((m - 1) / 3) + 1}`, anchor: { y, m: null, d: null } };
    return { value: `${pad(y, 4)}-H${m <= 6 ? 1 : 2}`, anchor: { y, m: null, d: null } };
  }
  if (b.d === null) return { value: grainUnknown(grain), anchor: null };
  let days = toDays(b.y, b.m, b.d);
  if (s.unit === 'D') days += s.n;
  else if (s.unit === 'W') days += 7 * s.n;
  else {
    const months = s.unit === 'M' ? s.n : s.unit === 'Q' ? 3 * s.n : s.unit === 'H' ? 6 * s.n : 12 * s.n;
    const { y, m } = addMonths(b.y, b.m, months);
    days = toDays(y, m, Math.min(b.d, 28));
  }
  if (grain === 'W') return { value: fmtWeek(days), anchor: fromDays(days) };
  return { value: fmtDays(days), anchor: fromDays(days) };
}

function grainUnknown(g: string): string {
  switch (g) {
    case 'D': return 'XXXX-XX-XX';
    case 'W': return 'XXXX-WXX';
    case 'M': return 'XXXX-XX';
    default: return 'XXXX';
  }
}

/** A year for something inside month m when no year is given: the tense's direction, else the nearest. */
function yearNear(ctx: ResolveCtx, dir: number | undefined, m: number): number | null {
  const ref = ctx.ref;
  if (!ref) return null;
  if (ref.m === null) return ref.y;
  if (dir !== undefined || ctx.tense !== 0) return inferYear(ctx, dir, m, m);
  const diff = m - ref.m;
  if (diff > 6) return ref.y - 1;
  if (diff < -6) return ref.y + 1;
  return ref.y;
}

function nthInMonth(y: number, m: number, nth: NonNullable<DateSem['nth']>): { days: number; week: boolean } | null {
  return nthInRange(toDays(y, m, 1), toDays(y, m, daysInMonth(y, m)), nth);
}

/** The nth day, weekday or full Monday-to-Sunday week between two days (inclusive); n < 0 counts from the end. */
function nthInRange(first: number, last: number, nth: NonNullable<DateSem['nth']>): { days: number; week: boolean } | null {
  // n < 0 counts from the end: -1 last, -2 second last.
  const back = nth.n < 0 ? -nth.n - 1 : 0;
  if (nth.what === 'day') {
    const d = nth.n < 0 ? last - back : first + nth.n - 1;
    return d <= last && d >= first ? { days: d, week: false } : null;
  }
  if (nth.what === 'wd') {
    const wd = nth.wd!;
    if (nth.n < 0) {
      const d = last - ((weekdayOf(last) - wd + 7) % 7) - 7 * back;
      return d >= first ? { days: d, week: false } : null;
    }
    const d = first + ((wd - weekdayOf(first) + 7) % 7) + 7 * (nth.n - 1);
    return d <= last ? { days: d, week: false } : null;
  }
  // Weeks: full Monday-to-Sunday weeks inside the month.
  if (nth.n < 0) {
    const lastMonday = last - ((weekdayOf(last) - 1 + 7) % 7);
    const monday = (lastMonday + 6 <= last ? lastMonday : lastMonday - 7) - 7 * back;
    return monday >= first ? { days: monday, week: true } : null;
  }
  const monday = first + ((1 - weekdayOf(first) + 7) % 7) + 7 * (nth.n - 1);
  return monday + 6 <= last ? { days: monday, week: true } : null;
}

function holidayDays(y: number, h: NonNullable<DateSem['holiday']>): number {
  let d: number;
  if (h.easter !== undefined) d = (h.orthodox ? orthodoxEasterDays(y) : easterDays(y)) + h.easter;
  else if (h.cal !== undefined) d = otherCalendarDay(h.cal, y, h.cmonth ?? 1, h.day ?? 1);
  else if (h.nth !== undefined && h.wd !== undefined && h.month !== undefined) {
    const r = nthInMonth(y, h.month, { what: 'wd', n: h.nth, wd: h.wd });
    d = r ? r.days : NaN;
  } else d = toDays(y, h.month ?? 1, h.day ?? 1);
  if (Number.isNaN(d)) return d;
  const wd = weekdayOf(d);
  if (h.weekend === 'nearest') d += wd === 6 ? -1 : wd === 7 ? 1 : 0;
  else if (h.weekend === 'sunBack' && wd === 7) d -= 1;
  if (h.israel === 'atzmaut') d += wd === 5 ? -1 : wd === 6 ? -2 : wd === 1 ? 1 : 0;
  else if (h.israel === 'shoah') d += wd === 5 ? -1 : wd === 7 ? 1 : 0;
  d += h.offset ?? 0;
  if (h.prevWd !== undefined) d -= (weekdayOf(d) - h.prevWd + 7) % 7 || 7;
  return d;
}

export function resolveDate(sem: DateSem, ctx: ResolveCtx): Resolved {
  if (sem.plusDays !== undefined) {
    // "three days after Easter": the day named, then counted on; left as is when it is not a full date.
    const plusDays = sem.plusDays;
    const rest = sem.copy();
    rest.plusDays = undefined;
    const base = resolveDate(rest, ctx);
    const a = base.anchor;
    if (!a || a.m === null || a.d === null || !/^\d{4}-\d{2}-\d{2}$/.test(base.value)) return base;
    const days = toDays(a.y, a.m, a.d) + plusDays;
    return { value: fmtDays(days), anchor: fromDays(days) };
  }
  if (sem.shift) return resolveShift(sem, ctx);
  if (sem.holiday) {
    const h = sem.holiday;
    let y: number | null | undefined = sem.year ? yearOf(sem.year, ctx) : undefined;
    if (y === undefined && sem.holidayShift) {
      // "Thanksgiving in 3 years", "Easter two years ago": the occurrence in the year of the shifted reference.
      const ref = ctx.ref;
      const s = sem.holidayShift;
      if (!ref || ref.m === null || ref.d === null) y = s.unit === 'Y' && ref ? ref.y + s.n : null;
      else if (s.unit === 'D' || s.unit === 'W') y = fromDays(toDays(ref.y, ref.m, ref.d) + s.n * (s.unit === 'W' ? 7 : 1)).y;
      else y = addMonths(ref.y, ref.m, s.n * (s.unit === 'M' ? 1 : s.unit === 'Q' ? 3 : s.unit === 'H' ? 6 : 12)).y;
    }
    if (y === undefined) {
      const ref = ctx.ref;
      if (!ref) y = null;
      else if (ref.m === null || ref.d === null) y = ref.y;
      else {
        // The occurrence the direction asks for: last (before the reference), next (after it), this year's, or the nearest.
        const r = toDays(ref.y, ref.m, ref.d);
        const dir = sem.dir ?? (ctx.tense > 0 ? 1 : ctx.tense < 0 ? -1 : undefined);
        let best: number | null = null;
        let bestDays = NaN;
        for (const c of [ref.y - 1, ref.y, ref.y + 1]) {
          const d = holidayDays(c, h);
          if (Number.isNaN(d)) continue;
          const better = dir === -1 ? d <= r && (best === null || d > bestDays)
            : dir === 1 ? d >= r && (best === null || d < bestDays)
              : dir === 0 ? c === ref.y
                : best === null || Math.abs(d - r) < Math.abs(bestDays - r);
          if (better) {
            best = c;
            bestDays = d;
          }
        }
        y = best ?? ref.y;
      }
    }
    const fixed = h.month !== undefined && h.day !== undefined && h.cal === undefined && h.weekend === undefined;
    if (y === null) return { value: fixed ? fmtDay(null, h.month!, h.day!) : 'XXXX-XX-XX', anchor: null };
    const days = holidayDays(y, h);
    if (Number.isNaN(days)) return { value: yearStr(y), anchor: { y, m: null, d: null } };
    return { value: fmtDays(days), anchor: fromDays(days) };
  }
  if (sem.nth && sem.month === undefined && sem.nth.monthShift !== undefined) {
    // "the first Monday of next month": the month comes from the reference date.
    const ref = ctx.ref;
    if (!ref || ref.m === null) return { value: 'XXXX-XX-XX', anchor: null };
    const { y, m } = addMonths(ref.y, ref.m, sem.nth.monthShift);
    const r = nthInMonth(y, m, sem.nth);
    if (!r) return { value: fmtMonth(y, m), anchor: { y, m, d: null } };
    return { value: r.week ? fmtWeek(r.days) : fmtDays(r.days), anchor: fromDays(r.days) };
  }
  if (sem.nth && sem.nth.inYear && sem.year) {
    // "the third last week of 2018", "the first Monday of 2019": counted over the whole year.
    const y = yearOf(sem.year, ctx);
    if (y === null) return { value: 'XXXX', anchor: null };
    const r = nthInRange(toDays(y, 1, 1), toDays(y, 12, 31), sem.nth);
    if (!r) return { value: yearStr(y), anchor: { y, m: null, d: null } };
    return { value: r.week ? fmtWeek(r.days) : fmtDays(r.days), anchor: fromDays(r.days) };
  }
  if (sem.nth && sem.month !== undefined) {
    const y = sem.year ? yearOf(sem.year, ctx) : yearNear(ctx, sem.dir, sem.month);
    if (y === null) return { value: fmtMonth(null, sem.month), anchor: null };
    const r = nthInMonth(y, sem.month, sem.nth);
    if (!r) return { value: fmtMonth(y, sem.month), anchor: { y, m: sem.month, d: null } };
    return { value: r.week ? fmtWeek(r.days) : fmtDays(r.days), anchor: fromDays(r.days) };
  }
  if (sem.century !== undefined) return { value: String(sem.century), anchor: null };
  if (sem.decade !== undefined) return { value: String(sem.decade), anchor: null };
  if (sem.weekday !== undefined && sem.day === undefined) return resolveWeekday(sem, ctx);
  const explicitYear = sem.year ? yearOf(sem.year, ctx) : undefined;
  if (sem.month !== undefined) {
    const m = sem.month;
    let y = explicitYear;
    if (y === undefined) y = inferYear(ctx, sem.dir, m, m, sem.day);
    if (sem.day !== undefined) {
      if (!validDay(y, m, sem.day)) return { value: fmtMonth(y, m), anchor: y === null ? null : { y, m, d: null } };
      return { value: fmtDay(y, m, sem.day), anchor: y === null ? null : { y, m, d: sem.day } };
    }
    return { value: fmtMonth(y, m), anchor: y === null ? null : { y, m, d: null } };
  }
  if (sem.day !== undefined) {
    // A bare day of the month ("am 15ten", "les 6"): the reference month.
    const r = ctx.ref;
    if (!r || r.m === null) return { value: fmtDay(null, null, sem.day), anchor: null };
    return { value: fmtDay(r.y, r.m, sem.day), anchor: { y: r.y, m: r.m, d: sem.day } };
  }
  if (sem.season !== undefined) {
    const s = sem.season;
    const y = explicitYear !== undefined ? explicitYear : inferYear(ctx, sem.dir, SEASON_START[s], Math.min(SEASON_END[s], 12));
    return { value: `${yearStr(y)}-${s}`, anchor: y === null ? null : { y, m: null, d: null } };
  }
  if (sem.quarter !== undefined) {
    const q = sem.quarter;
    const y = explicitYear !== undefined ? explicitYear : inferYear(ctx, sem.dir, 3 * q - 2, 3 * q);
    return { value: `${yearStr(y)}-Q${q}`, anchor: y === null ? null : { y, m: null, d: null } };
  }
  if (sem.half !== undefined) {
    const h = sem.half;
    const y = explicitYear !== undefined ? explicitYear : inferYear(ctx, sem.dir, 6 * h - 5, 6 * h);
    return { value: `${yearStr(y)}-H${h}`, anchor: y === null ? null : { y, m: null, d: null } };
  }
  if (explicitYear !== undefined) {
    return { value: yearStr(explicitYear), anchor: explicitYear === null ? null : { y: explicitYear, m: null, d: null } };
  }
  return { value: 'XXXX', anchor: null };
}
