/**
 * The rules: each tries to read one kind of expression starting at an item and returns what it means.
 * Rules are language-independent; the language lives in the features the lexicon put on items.
 */
import type { Reader } from './readers';
import { DateSem, type Match, type Shift, type YearSpec } from './sem';
import { needsFollower } from './lexicon';
import type { Feature, LangPack, Unit } from './types';

export interface RuleCtx {
  r: Reader;
  /** Item index right after the previous emitted timex (-1 if none): lets "2016 to 2018" chain. */
  lastEnd: number;
  monthFirstSlash: boolean;
  nextWeekdayNextWeek: boolean;
  spaceDates: boolean;
}

export type Rule = (c: RuleCtx, i: number, cued?: boolean) => Match | null;

const date = (from: number, to: number, sem: DateSem): Match => ({ from, to, sem });

/** A date meaning with these parts (everything else unset). */
function ymd(year: YearSpec | undefined, month: number | undefined, day: number | undefined): DateSem {
  const s = new DateSem();
  s.year = year;
  s.month = month;
  s.day = day;
  return s;
}

function shifted(shift: Shift): DateSem {
  const s = new DateSem();
  s.shift = shift;
  return s;
}

/** A numeric date must stop at k: no further glued separator + digit (phone numbers, versions). */
function runEnds(it: Reader['it'], k: number): boolean {
  const n = it[k];
  const nn = it[k + 1];
  if (!n || n.gap) return true;
  if (n.kind === 'n' || n.kind === 'w') return false;
  return !(nn && !nn.gap && nn.kind === 'n' && /[./:-]/.test(n.norm));
}

function ok(y: number | null, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 && (y === null || (y >= 1000 && y <= 2999));
}

/** 2018-08-31, 31.10.1974, 31.10.74, 15.2., 18/07/2014, 2/2013. */
export const numericDate: Rule = ({ r, monthFirstSlash }, i) => {
  const it = r.it;
  const a = it[i];
  if (!a || a.kind !== 'n' || a.num === undefined) return null;
  // Not inside a longer number-punctuation run (phone numbers, versions, IPs).
  const before = it[i - 1];
  if (before && !a.gap && (before.kind === 'n' || (before.kind === 'p' && /[./:-]/.test(before.norm) && it[i - 2]?.kind === 'n' && !before.gap))) return null;
  const sep = it[i + 1];
  const b = it[i + 2];
  if (!sep || sep.kind !== 'p' || sep.gap || !b || b.kind !== 'n' || b.gap || b.num === undefined) return null;
  const s = sep.norm;
  if (s !== '-' && s !== '.' && s !== '/') return null;
  const sep2 = it[i + 3];
  const c = it[i + 4];
  const hasThird = sep2 !== undefined && sep2.kind === 'p' && sep2.norm === s && !sep2.gap && c !== undefined && c.kind === 'n' && !c.gap && c.num !== undefined;
  if (hasThird) {
    if (!runEnds(it, i + 5)) return null;
    if (a.digits === 4 && (s === '-' || s === '/') && b.digits! <= 2 && c!.digits! <= 2) {
      if (ok(a.num, b.num, c!.num!)) return date(i, i + 5, ymd({ abs: a.num }, b.num, c!.num!));
      return null;
    }
    if (a.digits! <= 2 && b.digits! <= 2 && (c!.digits === 4 || c!.digits === 2)) {
      const y = c!.digits === 4 ? c!.num! : c!.num! < 50 ? 2000 + c!.num! : 1900 + c!.num!;
      let d = a.num;
      let m = b.num;
      // Month first: by the language's slash convention, or whenever the second number can only be a day ("10.31.1974").
      const unambiguousMonthFirst = a.num <= 12 && b.num > 12;
      if (s === '/' && monthFirstSlash && a.num <= 12) [d, m] = [b.num, a.num];
      else if (unambiguousMonthFirst) [d, m] = [b.num, a.num];
      if (s === '-' && c!.digits === 2 && !(monthFirstSlash && unambiguousMonthFirst)) return null; // 12-34-56 is not a date; 10-31-74 is
      if (ok(y, m, d)) return date(i, i + 5, ymd({ abs: y }, m, d));
    }
    return null;
  }
  // Day-month with a trailing dot ("15.2.") as German writes it.
  if (s === '.' && a.digits! <= 2 && b.digits! <= 2 && sep2 && sep2.kind === 'p' && sep2.norm === '.' && !sep2.gap) {
    const n = it[i + 4];
    if (n && !n.gap && n.kind !== 'p') return null;
    if (ok(null, b.num, a.num)) return date(i, i + 4, ymd(undefined, b.num, a.num));
    return null;
  }
  // Month/year: "2/2013".
  if (s === '/' && a.digits! <= 2 && b.digits === 4 && runEnds(it, i + 3) && ok(b.num, a.num, 1)) {
    return date(i, i + 3, ymd({ abs: b.num }, a.num, undefined));
  }
  if (!runEnds(it, i + 3)) return null;
  // Year/month: "2014-10", "2014/10". "2009-10" (10 > 09) is a season or a fiscal year, not October 2009.
  if ((s === '-' || s === '/') && a.digits === 4 && b.digits === 2 && b.num >= 1 && b.num <= 12 && b.num <= a.num % 100 && ok(a.num, b.num, 1)) {
    return date(i, i + 3, ymd({ abs: a.num }, b.num, undefined));
  }
  // Day and month without a year, only when one number can only be a day: "2/15" (month first), "15/2" (day first).
  // "1/2" and "3/4" are fractions; "24/7" means all the time.
  if (s === '/' && a.digits! <= 2 && b.digits! <= 2 && !(a.num === 24 && b.num === 7)) {
    const next = it[i + 3];
    if (next && next.kind === 'w' && !next.gap) return null;
    if (a.num <= 12 && b.num > 12 && ok(null, a.num, b.num)) return date(i, i + 3, ymd(undefined, a.num, b.num));
    if (b.num <= 12 && a.num > 12 && ok(null, b.num, a.num)) return date(i, i + 3, ymd(undefined, b.num, a.num));
  }
  return null;
};

/** "21 septembre 2018", "am 21. September", "1er mai", "the 15th of May", "الاول من شهر شباط", "٣١ مارس ٢٠١٨". */
export const dayMonth: Rule = ({ r }, i) => {
  const dd = r.day(i);
  if (!dd) return null;
  let j = dd.next;
  // "31/Oct/1974", "31-Oct-74": day, month name and year glued by one separator.
  if (!dd.suffixed && (r.isP(j, '/') || r.isP(j, '-')) && r.glued(j) && r.glued(j + 1)) {
    const sep = r.it[j]!.norm;
    const m2 = r.month(j + 1);
    if (m2 && r.isP(m2.next, sep) && r.glued(m2.next) && r.glued(m2.next + 1)) {
      const y = r.year4(m2.next + 1) ?? r.year2(m2.next + 1, true);
      if (y && runEnds(r.it, y.next)) return date(i, y.next, ymd({ abs: y.y }, m2.m, dd.d));
    }
    return null;
  }
  if (!dd.suffixed && r.isP(j, '.') && r.glued(j)) j++;
  j = r.skipFillers(j, 2);
  const mm = r.month(j);
  if (!mm) return null;
  if (mm.amb && !r.it[mm.at]!.cap && !dd.suffixed) return null;
  j = mm.next;
  const yp = r.yearPart(j) ?? yearAfterMonth(r, j);
  if (yp) return date(i, yp.next, ymd(yp.spec, mm.m, dd.d));
  const rel = r.f(j).rel;
  const sem = ymd(undefined, mm.m, dd.d);
  if (rel === -1 || rel === 1) {
    sem.dir = rel;
    return date(i, j + 1, sem);
  }
  return date(i, j, sem);
};

function yearAfterMonth(r: Reader, j: number): { spec: { abs: number }; next: number } | null {
  const y2 = r.year2(j, true);
  return y2 ? { spec: { abs: y2.y }, next: y2.next } : null;
}

/** "May 2010", "April 7", "Feb. 28, 2013", "last June", "juin prochain", "أبريل الماضي", "شهر مايو من العام الجاري (٢٠١٨)". */
export const monthFirst: Rule = ({ r }, i, cued) => {
  let j = i;
  let rel: number | undefined;
  const f0 = r.f(j);
  if (f0.rel !== undefined && r.f(j + 1).month !== undefined) {
    rel = f0.rel;
    j++;
  }
  const mm = r.month(j);
  if (!mm) return null;
  j = mm.next;
  let day: number | undefined;
  // "February the 15th": a filler, then a day written as an ordinal.
  if (r.f(j).filler && r.it[j]?.kind === 'w' && !(mm.amb && !r.it[mm.at]!.cap)) {
    const d2 = r.day(j + 1);
    if (d2 && d2.suffixed) j++;
  }
  const dd = r.day(j);
  if (dd && r.it[j]!.gap !== false) {
    const after = r.it[dd.next];
    const timeLike = after !== undefined && after.kind === 'p' && (after.norm === ':' || after.norm === '%') && !after.gap;
    const unitLike = after !== undefined && (after.feat.unit !== undefined);
    if (!timeLike && !unitLike) {
      day = dd.d;
      j = dd.next;
    }
  }
  const yp = r.yearPart(j) ?? (day === undefined ? yearAfterMonth(r, j) : null);
  let postRel: number | undefined;
  if (yp) j = yp.next;
  else if (rel === undefined && r.f(j).rel !== undefined && r.f(j + 1).unit === undefined) {
    postRel = r.f(j).rel;
    j++;
  }
  if (mm.amb) {
    const prev = r.it[i - 1];
    const cap = r.it[mm.at]!.cap;
    const prevCue = prev !== undefined && (prev.feat.cue !== undefined || prev.feat.mod !== undefined || prev.feat.filler === true || prev.feat.connector === true);
    if (!(day !== undefined || yp || rel !== undefined || postRel !== undefined || (cap && (cued || prevCue)))) return null;
  }
  const sem = ymd(undefined, mm.m, undefined);
  if (day !== undefined) sem.day = day;
  if (yp) sem.year = yp.spec;
  const rr = rel ?? postRel;
  if (!yp && rr !== undefined) {
    if (rr === 0) sem.year = { rel: 0 };
    else sem.dir = rr;
  }
  return date(i, j, sem);
};

/** "Montag", "يوم الاثنين", "last Friday", "الثلاثاء القادم", "Sonntag letzte Woche", "samedi 5 juin". */
export const weekday: Rule = (c, i) => {
  const { r } = c;
  let j = i;
  if (r.f(j).dayNoun && r.f(j + 1).weekday !== undefined) j++;
  let rel: number | undefined;
  if (r.f(j).rel !== undefined && r.f(j + 1).weekday !== undefined) {
    rel = r.f(j).rel;
    j++;
  }
  const wd = r.f(j).weekday;
  if (wd === undefined) return null;
  j++;
  if (r.isP(j, '.') && r.glued(j) && (r.it[j - 1]?.norm.length ?? 9) <= 3) j++;
  let wdWeek: number | undefined;
  let wdPlus: number | undefined;
  if (rel === 1 && c.nextWeekdayNextWeek) {
    // English "next Friday": Friday of next week.
    wdWeek = 1;
    rel = undefined;
  }
  if (rel === undefined && wdWeek === undefined) {
    let k = r.skipFillers(j, 2);
    // "Sunday from last week", "Sunday of next week".
    if (r.f(k).cue === 'weak' && r.relUnit(k + 1)?.unit === 'W') k++;
    const ru = r.relUnit(k);
    const fj = r.f(j);
    if (ru && ru.unit === 'W' && (ru.base === 'ref' || ru.n === 1)) {
      // "Sonntag letzte Woche", "mardi de la semaine suivante".
      wdWeek = ru.n;
      j = ru.next;
    } else if (fj.afterNext) {
      // "Friday after next", "Mittwoch nach dem nächsten".
      rel = 1;
      wdPlus = 7;
      j++;
    } else if (fj.anaph === 1 && r.f(j + 1).unit === undefined) {
      // "mercredi suivant", "mercredi d'après": Wednesday of the following week.
      wdWeek = 1;
      j++;
    } else if (fj.cue === 'strong' && r.it[j + 1] !== undefined && r.lex.pack.weekLater?.[r.it[j + 1]!.norm] !== undefined && r.f(j + 2).unit === undefined) {
      // "lundi en huit", "mardi en quinze".
      rel = 1;
      wdPlus = r.lex.pack.weekLater[r.it[j + 1]!.norm];
      j += 2;
    } else if (fj.rel !== undefined) {
      rel = fj.rel;
      j++;
    } else {
      // "Mittwoch in 2 Wochen", "mercredi dans deux semaines", "Wednesday two weeks ago".
      const a = ago(c, j);
      if (a && a.sem.kind === 'date' && a.sem.shift?.unit === 'W') {
        wdWeek = a.sem.shift.n;
        j = a.to;
      }
    }
  }
  // A full date after the weekday wins: "Montag, 18. Februar", "الخميس الموافق 14 شباط".
  let k = j;
  if (r.isP(k, ',')) k++;
  k = r.skipFillers(k, 2);
  const full = dayMonth(c, k) ?? numericDate(c, k) ?? monthFirst(c, k);
  if (full && full.sem.kind === 'date' && full.sem.day !== undefined) return { from: i, to: full.to, sem: full.sem };
  const sem = new DateSem();
  sem.weekday = wd;
  if (rel !== undefined) sem.wdRel = rel;
  if (wdWeek !== undefined) sem.wdWeek = wdWeek;
  if (wdPlus !== undefined) sem.wdPlus = wdPlus;
  return date(i, j, sem);
};

/** "in 2017", "عام ٢٠١٧", "(2018)", "2016 to 2018", "'58". */
export const year: Rule = (c, i, cued) => {
  const { r } = c;
  let j = i;
  let word = false;
  if (r.f(j).yearWord) {
    word = true;
    j++;
  }
  const y = r.year4(j, word ? 1000 : cued ? 1000 : 1800, word ? 2999 : 2099) ?? (cued ? r.year2(j, false) : null);
  if (!y) {
    const t = r.it[j];
    // "1957-58": the second year of a range written short.
    if (t && t.kind === 'n' && t.digits === 2 && t.num !== undefined && c.lastEnd === j - 1 && r.isP(j - 1, '-') && r.glued(j) && r.glued(j - 1)) {
      const p = r.it[j - 2];
      if (p && p.kind === 'n' && p.digits === 4 && p.num !== undefined && r.gluedLetters(j) === null && !r.decimalPart(j)) {
        const yy = Math.floor(p.num / 100) * 100 + t.num;
        if (yy > p.num) return date(i, j + 1, ymd({ abs: yy }, undefined, undefined));
      }
    }
    // "en 97", "in '58".
    const y2 = r.year2(j, r.f(j - 1).cue === 'strong' && !r.glued(j));
    if (y2 && !r.glued(j) && r.f(j - 1).cue === 'strong') {
      const n = r.it[y2.next];
      if (!n || n.kind === 'p' || r.isP(j, "'")) return date(i, y2.next, ymd({ abs: y2.y }, undefined, undefined));
    }
    return null;
  }
  const sem = ymd({ abs: y.y }, undefined, undefined);
  if (word || cued) return date(i, y.next, sem);
  const prev = r.it[i - 1];
  const next = r.it[y.next];
  const nextF = r.f(y.next);
  const endish = !next || next.kind === 'p' || next.nl || nextF.connector === true || nextF.cue !== undefined;
  if (prev) {
    if (prev.feat.cue === 'strong') return date(i, y.next, sem);
    if (prev.kind === 'p' && prev.norm === '(' && r.isP(y.next, ')')) return date(i, y.next, sem);
    const chained = c.lastEnd === i - 1 && (prev.feat.connector || (prev.kind === 'p' && (prev.norm === '-' || prev.norm === '/')));
    if (chained) return date(i, y.next, sem);
    if ((prev.feat.cue === 'weak' || prev.feat.connector) && endish) return date(i, y.next, sem);
  }
  // "2009-2010", "2002/2003": a range of two years.
  if ((r.isP(y.next, '-') || r.isP(y.next, '/')) && r.glued(y.next) && r.glued(y.next + 1)) {
    const y2 = r.year4(y.next + 1);
    if (y2 && y2.y > y.y && y2.y - y.y <= 20 && (prev === undefined || prev.kind !== 'n')) return date(i, y.next, sem);
  }
  // German puts a bare year between the auxiliary and the participle: "wurde 2012 gegründet", "hatte 2016
  // begonnen". A count is followed by a (capitalised) noun instead ("hat 2012 Mitarbeiter"), and an attributive
  // participle follows an article ("die 2000 befragten Kunden").
  const aux = r.lex.pack.yearBeforeParticiple;
  if (aux && next && next.kind === 'w' && !next.cap && prev && prev.kind === 'w' && aux.includes(prev.norm) && y.y >= 1900 && /^ge|(?:t|en)$/.test(next.norm) && next.norm.length >= 5) {
    return date(i, y.next, sem);
  }
  // Sentence-initial "2012, ..." or "2012:".
  const atStart = !prev || r.it[i]!.nl || (prev.kind === 'p' && /[.!?:]/.test(prev.norm));
  if (atStart && next && next.kind === 'p' && (next.norm === ',' || next.norm === ':' || next.norm === '.')) return date(i, y.next, sem);
  return null;
};

/** "the 1990s", "1990er", "les années 60", "التسعينيات" (not covered). */
export const decade: Rule = ({ r }, i) => {
  let j = i;
  const word = r.f(j).decadeWord;
  if (word) j = r.skipFillers(j + 1, 1);
  const t = r.it[j];
  if (!t || t.kind !== 'n' || t.num === undefined || r.decimalPart(j)) return null;
  const g = r.gluedLetters(j);
  const suffixed = g !== null && r.lex.decadeSuffixes.has(g);
  if (!word && !suffixed) return null;
  if (g !== null && !suffixed) return null;
  let y: number;
  if (t.digits === 4 && t.num % 10 === 0 && t.num >= 1000 && t.num <= 2990) y = t.num;
  else if (t.digits === 2 && t.num % 10 === 0) y = 1900 + t.num;
  else return null;
  const sem = new DateSem();
  sem.decade = Math.floor(y / 10);
  return date(i, suffixed ? j + 2 : j + 1, sem);
};

function twoDigitOrdinal(r: Reader, i: number): { n: number; next: number } | null {
  const t = r.it[i];
  if (t && t.kind === 'n' && t.digits === 2 && t.num !== undefined) {
    const g = r.gluedLetters(i);
    if (g !== null && r.lex.ordinalSuffixes.has(g)) return { n: t.num, next: i + 2 };
    if (r.isP(i + 1, '.') && r.glued(i + 1)) return { n: t.num, next: i + 2 };
  }
  return null;
}

/** "20th century", "20. Jahrhundert". */
export const century: Rule = ({ r }, i) => {
  const o = r.ordinal(i) ?? twoDigitOrdinal(r, i);
  if (!o || o.n < 1 || o.n > 30 || !r.f(o.next).century) return null;
  const sem = new DateSem();
  sem.century = o.n - 1;
  return date(i, o.next + 1, sem);
};

/** "last week", "العام الماضي", "l'année suivante", "Vorjahr", "العام الجاري (٢٠١٨)". */
export const relUnit: Rule = ({ r }, i) => {
  const ru = r.relUnit(i);
  if (!ru) return null;
  // "the last day" reads as "final day" more often than as "yesterday".
  if (ru.unit === 'D' && ru.base === 'ref' && ru.n !== 0) return null;
  // "last week's Sunday": that weekday in the week named.
  if (ru.unit === 'W' && ru.base === 'ref' && r.isP(ru.next, "'") && r.glued(ru.next) && r.it[ru.next + 1]?.norm === 's' && r.glued(ru.next + 1)) {
    const wd = r.f(ru.next + 2).weekday;
    if (wd !== undefined) {
      const sem = new DateSem();
      sem.weekday = wd;
      sem.wdWeek = ru.n;
      return date(i, ru.next + 3, sem);
    }
  }
  if (ru.unit === 'Y') {
    const p = r.parenYear(ru.next);
    if (p) return date(i, p.next, ymd({ abs: p.y }, undefined, undefined));
  }
  return date(i, ru.next, shifted({ unit: ru.unit, n: ru.n, base: ru.base }));
};

/** "the third quarter", "im dritten Quartal", "au deuxième trimestre", "الربع الأول", "Q3 2019", "H1". */
export const quarter: Rule = ({ r }, i) => {
  let j = i;
  let n: number | undefined;
  let unit: 'Q' | 'H' | undefined;
  const t = r.it[i];
  if (t && t.kind === 'n' && (t.digits === 4 || t.digits === 2) && t.num !== undefined && r.it[i + 1]?.norm === 'q' && r.glued(i + 1) &&
    r.it[i + 2]?.kind === 'n' && r.glued(i + 2) && r.it[i + 2]!.digits === 1) {
    // "2018Q4", "18q4": year glued to the quarter.
    const q = r.it[i + 2]!.num!;
    const y = t.digits === 4 ? t.num : 2000 + t.num;
    if (q < 1 || q > 4 || !runEnds(r.it, i + 3) || y < 1000 || y > 2999) return null;
    const sem = ymd({ abs: y }, undefined, undefined);
    sem.quarter = q;
    return date(i, i + 3, sem);
  }
  if (t && t.kind === 'w' && (t.norm === 'q' || t.norm === 'h') && r.glued(i) && r.it[i - 1]?.kind === 'n') return null;
  if (t && t.kind === 'w' && (t.norm === 'q' || t.norm === 'h') && r.it[i + 1]?.kind === 'n' && r.glued(i + 1)) {
    const v = r.it[i + 1]!.num;
    unit = t.norm === 'q' ? 'Q' : 'H';
    if (v === undefined || r.it[i + 1]!.digits !== 1) return null;
    n = v;
    j = i + 2;
  } else {
    const o = r.ordinal(i);
    if (o) {
      const k = r.skipFillers(o.next, 1);
      const u = r.f(k).unit;
      if ((u === 'Q' || u === 'H') && !r.f(k).plural) {
        n = o.n;
        unit = u;
        j = k + 1;
      }
    } else {
      const u = r.f(i).unit;
      if ((u === 'Q' || u === 'H') && !r.f(i).plural && r.f(i + 1).ord !== undefined) {
        n = r.f(i + 1).ord;
        unit = u;
        j = i + 2;
      }
    }
  }
  if (n === undefined || unit === undefined) return null;
  if (n === -1) n = unit === 'Q' ? 4 : 2;
  if (n < 1 || n > (unit === 'Q' ? 4 : 2)) return null;
  const yp = r.yearPart(j);
  const sem = new DateSem();
  if (unit === 'Q') sem.quarter = n;
  else sem.half = n;
  if (yp) {
    sem.year = yp.spec;
    j = yp.next;
  }
  return date(i, j, sem);
};

/**
 * A singular unit noun after a count it does not agree with ("3 year"): no expression. One takes the singular, and
 * so do Arabic counts from 11 on ("١٥ عاما"); an unknown count ("several") never does; invariant nouns ("mois") take
 * any count.
 */
function singularAfterCount(u: Feature, n: number | null): boolean {
  return !u.plural && !u.invariant && (n === null || (n !== 1 && n < 11));
}

function grainOf(u: string): 'D' | 'M' | 'Y' | 'Q' | 'H' {
  return u === 'W' ? 'D' : (u as 'D' | 'M' | 'Y' | 'Q' | 'H');
}

/** "two years ago", "vor zwei Jahren", "il y a deux ans", "قبل عامين", "in 3 Jahren", "dans deux semaines". */
export const ago: Rule = ({ r }, i) => {
  const f0 = r.f(i);
  if (f0.agoBefore || f0.inFuture) {
    const sign = f0.agoBefore ? -1 : 1;
    let j = i + 1;
    let n = 1;
    const c = r.count(j);
    if (c) {
      if (c.n === null) return null;
      n = c.n;
      j = c.next;
    }
    const u = r.f(j);
    if (!u.unit) return null;
    // "خلال الأسبوع الماضي" is "during last week", not "within a week"; "خلال الربع الأول" "during the first quarter".
    if (!c && u.count === undefined && (r.f(j + 1).rel !== undefined || r.f(j + 1).anaph !== undefined || r.ordinal(j + 1) !== null)) return null;
    if (u.count !== undefined && !c) n = u.count;
    else if (!c && u.plural) return null;
    else if (f0.inFuture && !u.plural && u.unit === 'D') return null;
    else if (c && singularAfterCount(u, n)) return null;
    return date(i, j + 1, shifted({ unit: u.unit, n: sign * n, base: 'ref', grain: grainOf(u.unit) }));
  }
  const c = r.count(i);
  let j = i;
  let n = 1;
  if (c) {
    if (c.n === null) return null;
    n = c.n;
    j = c.next;
  }
  const u = r.f(j);
  const after = r.f(j + 1);
  if (!u.unit || !(after.agoAfter || after.hence)) return null;
  if (!c && u.plural && u.count === undefined) return null;
  if (!c && u.count !== undefined) n = u.count;
  return date(i, j + 2, shifted({ unit: u.unit, n: after.hence ? n : -n, base: 'ref', grain: grainOf(u.unit) }));
};

/** "five years", "zwei Jahre", "cinq prochaines années", "In den letzten zwei Jahren", "العامين الماضيين", "seit mehreren Jahren". */
export const duration: Rule = ({ r }, i) => {
  let j = i;
  const f0 = r.f(j);
  if ((f0.rel === -1 || f0.rel === 1 || f0.anaph === 1) && (r.count(j + 1) || r.f(j + 1).count !== undefined)) j++;
  let n: number | null;
  const c = r.count(j);
  if (c) {
    n = c.n;
    j = c.next;
    if (r.f(j).rel === -1 || r.f(j).rel === 1) j++;
    const u = r.f(j);
    if (!u.unit) return null;
    if (singularAfterCount(u, n)) return null;
    if (u.count !== undefined) return null;
    if (n === 1 && r.it[c.next - 1]?.kind === 'w' && !u.plural && r.f(j + 1).agoAfter) return null;
    j++;
  } else {
    const u = r.f(j);
    if (u.count === undefined || !u.unit) return null;
    n = u.count;
    j++;
  }
  const unit = r.f(j - 1).unit!;
  if (r.f(j).rel === -1 || r.f(j).rel === 1) j++;
  if (r.f(j).agoAfter || r.f(j).hence) return null;
  return { from: i, to: j, sem: { kind: 'dur', n, unit } };
};

/** "summer 2016", "صيف عام ٢٠١٦", "last summer", "l'été dernier", "im Frühjahr", "Anfang des Sommers". */
export const season: Rule = ({ r }, i, cued) => {
  let j = i;
  let rel: number | undefined;
  if (r.f(j).rel !== undefined && r.f(j + 1).season !== undefined) {
    rel = r.f(j).rel;
    j++;
  }
  const f = r.f(j);
  if (f.season === undefined) return null;
  const s = f.season;
  j++;
  const yp = r.yearPart(j);
  if (yp) j = yp.next;
  else if (rel === undefined && r.f(j).rel !== undefined && r.f(j + 1).unit === undefined) {
    rel = r.f(j).rel;
    j++;
  }
  if (!yp && rel === undefined && !cued) {
    // "Jeux d'hiver", "les mois d'été": a season named after "de"/"of" describes, it does not date.
    const prev = r.it[i - 1];
    // ("au printemps" is French for "in spring": "au" is a weak cue but also a connector, never a genitive.)
    if (prev && ((prev.kind === 'p' && prev.norm === "'" && r.it[i - 2]?.norm === 'd') || (prev.feat.cue === 'weak' && !prev.feat.connector))) return null;
  }
  if (f.ambiguous && !yp && rel === undefined && !cued) {
    // An article between the cue and the season counts as nothing: "in the spring".
    const prev = r.it[i - 1]?.feat.filler && r.it[i - 2]?.feat.cue === 'strong' ? r.it[i - 2] : r.it[i - 1];
    const ok = prev !== undefined && ((prev.kind === 'p' && prev.norm === "'") || prev.feat.cue === 'strong' || prev.feat.mod !== undefined);
    if (!ok) return null;
  }
  const sem = new DateSem();
  sem.season = s;
  if (yp) sem.year = yp.spec;
  else if (rel === 0) sem.year = { rel: 0 };
  else if (rel !== undefined) sem.dir = rel;
  return date(i, j, sem);
};

/** "gestern", "aujourd'hui", "أمس", "avant-hier"; "اليوم، ٨ يونيو" and "aujourd'hui vendredi" as one expression. */
export const dayWord: Rule = (c, i) => {
  const { r } = c;
  const n = r.f(i).dayWord;
  if (n === undefined) return null;
  let k = i + 1;
  if (r.isP(k, ',')) k++;
  const full = dayMonth(c, k) ?? numericDate(c, k) ?? monthFirst(c, k);
  if (full && full.sem.kind === 'date' && full.sem.day !== undefined) return { from: i, to: full.to, sem: full.sem };
  let to = i + 1;
  if (r.f(i + 1).weekday !== undefined) to = i + 2;
  return date(i, to, shifted({ unit: 'D', n, base: 'ref' }));
};

export const vague: Rule = ({ r }, i) => {
  const v = r.f(i).vague;
  return v ? { from: i, to: i + 1, sem: { kind: 'vague', value: v } } : null;
};

/** What a modifier may apply to (tried in this order). */
const MODIFIABLE: readonly Rule[] = [monthFirst, year, season, relUnit, quarter, decade, century];

/** "Anfang August", "early 2018", "mid-2018", "fin de l'année", "Anfang des Monats", "أواخر 2017", "début des années 60". */
export const modified: Rule = (c, i) => {
  const { r } = c;
  const mod = r.f(i).mod;
  if (!mod) return null;
  let j = i + 1;
  if (r.isP(j, '-') && r.glued(j)) j++;
  j = r.skipFillers(j, 3);
  let best: Match | null = null;
  for (let k = 0; k < MODIFIABLE.length; k++) {
    const m = MODIFIABLE[k]!(c, j, true);
    if (m && m.sem.kind === 'date' && m.sem.day === undefined && m.sem.weekday === undefined && (!best || m.to > best.to)) best = m;
  }
  if (!best) {
    const u = r.f(j);
    if (u.unit && !u.plural && u.unit !== 'D') best = date(j, j + 1, shifted({ unit: u.unit, n: 0, base: 'ref' }));
  }
  if (!best || best.sem.kind !== 'date') return null;
  if (best.sem.shift && best.sem.shift.unit === 'D') return null;
  // The rules above make a new meaning for every match: it is ours to change.
  best.sem.mod = mod;
  return { from: i, to: best.to, sem: best.sem };
};

/** An ordinal for "third Tuesday of": an ordinal word or numeral, or "last"/"letzter"/"اخر" (-1). */
function nthOrdinal(r: Reader, i: number): { n: number; next: number } | null {
  const o = r.ordinal(i);
  // "the second last week of October", "fifth last day of May": counted from the end.
  if (o && o.n >= 1 && o.n <= 31 && r.f(o.next).rel === -1 && r.it[o.next]?.kind === 'w') return { n: -o.n, next: o.next + 1 };
  if (o && (o.n === -1 || (o.n >= 1 && o.n <= 31))) return o;
  if (r.f(i).rel === -1 && r.it[i]?.kind === 'w') return { n: -1, next: i + 1 };
  return null;
}

/** What "of <month>" names: a month (with its year) or a month relative to the reference ("of next month"). */
function monthSpec(r: Reader, i: number): { month?: number; year?: DateSem['year']; shift?: number; next: number } | null {
  const w = r.it[i];
  // "the first Monday in March", "the last day in the month".
  const within = w !== undefined && w.kind === 'w' && (r.lex.pack.monthWithin?.includes(w.norm) ?? false);
  const j = r.skipFillers(within ? i + 1 : i, 3);
  const mm = r.month(j);
  if (mm) {
    const yp = r.yearPart(mm.next);
    return yp ? { month: mm.m, year: yp.spec, next: yp.next } : { month: mm.m, next: mm.next };
  }
  const ru = r.relUnit(j);
  if (ru && ru.unit === 'M' && ru.base === 'ref') return { shift: ru.n, next: ru.next };
  const u = r.f(j);
  if (u.unit === 'M' && !u.plural) return { shift: 0, next: j + 1 };
  return null;
}

/** "of 2018" after "the third last week", "the first Monday": a whole year. */
function yearSpec(r: Reader, i: number): { year: number; next: number } | null {
  const w = r.it[i];
  const within = w !== undefined && w.kind === 'w' && (r.lex.pack.monthWithin?.includes(w.norm) ?? false);
  const j = r.skipFillers(within ? i + 1 : i, 3);
  if (j === i) return null;
  const y = r.year4(j);
  return y && runEnds(r.it, y.next) ? { year: y.y, next: y.next } : null;
}

/** "third Tuesday of September 2014", "letzter Montag im März", "premier jour d'octobre", "الثلاثاء الثالث من شهر ايلول", "اخر اسبوع في سبتمبر". */
export const nthInMonth: Rule = ({ r }, i) => {
  let j = i;
  if (r.f(j).dayNoun && (r.f(j + 1).weekday !== undefined)) j++;
  let n: number | undefined;
  let what: 'wd' | 'day' | 'week' | undefined;
  let wd: number | undefined;
  const o = nthOrdinal(r, j);
  if (o) {
    // ORD [day-noun] WEEKDAY | ORD UNIT(day/week)
    let k = r.skipFillers(o.next, 1);
    if (r.f(k).dayNoun && r.f(k + 1).weekday !== undefined) k++;
    const f = r.f(k);
    if (f.weekday !== undefined) { what = 'wd'; wd = f.weekday; }
    else if ((f.unit === 'D' || f.unit === 'W') && !f.plural) what = f.unit === 'D' ? 'day' : 'week';
    if (what) { n = o.n; j = k + 1; }
  }
  if (!what) {
    // WEEKDAY ORD | UNIT ORD (Arabic order)
    const f = r.f(j);
    const o2 = nthOrdinal(r, j + 1);
    if (o2) {
      if (f.weekday !== undefined) { what = 'wd'; wd = f.weekday; }
      else if ((f.unit === 'D' || f.unit === 'W') && !f.plural) what = f.unit === 'D' ? 'day' : 'week';
      if (what) { n = o2.n; j = o2.next; }
    }
  }
  if (!what || n === undefined) return null;
  const ms = monthSpec(r, j);
  if (!ms) {
    const ys = yearSpec(r, j);
    if (!ys) return null;
    const nthY: NonNullable<DateSem['nth']> = { what, n, inYear: true };
    if (wd !== undefined) nthY.wd = wd;
    const semY = ymd({ abs: ys.year }, undefined, undefined);
    semY.nth = nthY;
    return date(i, ys.next, semY);
  }
  const nth: NonNullable<DateSem['nth']> = { what, n };
  if (wd !== undefined) nth.wd = wd;
  if (ms.shift !== undefined) nth.monthShift = ms.shift;
  const sem = new DateSem();
  sem.nth = nth;
  if (ms.month !== undefined) sem.month = ms.month;
  if (ms.year) sem.year = ms.year;
  return date(i, ms.next, sem);
};

/** "the 20th of next month", "20th day of the current month", "20 of this month": a day in a month counted from the reference. */
export const dayOfRelMonth: Rule = ({ r }, i) => {
  const dd = r.day(i);
  if (!dd) return null;
  let j = dd.next;
  const u = r.f(j);
  const dayUnit = u.unit === 'D' && !u.plural;
  if (dayUnit) j++;
  // A bare number needs "of" (or "day") before the month: "20 of next month", not "20 next month".
  if (!dd.suffixed && !dayUnit && !r.f(j).filler) return null;
  const ms = monthSpec(r, j);
  if (!ms || ms.shift === undefined) return null;
  const sem = new DateSem();
  sem.nth = { what: 'day', n: dd.d, monthShift: ms.shift };
  return date(i, ms.next, sem);
};

/** "upcoming two weeks", "2 upcoming days": the week (day, month, quarter, year) that many steps after the reference. */
export const countAhead: Rule = ({ r }, i) => {
  let j: number;
  let c: ReturnType<Reader['count']>;
  if (r.f(i).countAhead) {
    c = r.count(i + 1);
    if (!c) return null;
    j = c.next;
  } else {
    c = r.count(i);
    if (!c || !r.f(c.next).countAhead) return null;
    j = c.next + 1;
  }
  if (c.n === null || c.n < 1 || c.n > 99) return null;
  const u = r.f(j);
  if (!u.unit || u.unit === 'H' || u.count !== undefined) return null;
  return date(i, j + 1, shifted({ unit: u.unit, n: c.n, base: 'ref', grain: u.unit }));
};

/** "3 Fridays from now", "two Thursdays ago": the nth such weekday after (before) the reference date. */
export const countWeekdays: Rule = ({ r }, i) => {
  const dirs = r.lex.pack.weekdayCountDir;
  if (!dirs) return null;
  const c = r.count(i);
  if (!c || c.n === null || c.n < 1 || c.n > 52) return null;
  const wd = r.f(c.next).wdPlural;
  if (wd === undefined) return null;
  const a = r.it[c.next + 1];
  if (!a) return null;
  const b = r.it[c.next + 2];
  let dir = b ? dirs[`${a.norm} ${b.norm}`] : undefined;
  let to = c.next + 3;
  if (dir === undefined) {
    dir = dirs[a.norm];
    to = c.next + 2;
  }
  if (dir !== 1 && dir !== -1) return null;
  const sem = new DateSem();
  sem.weekday = wd;
  sem.wdRel = dir;
  sem.wdPlus = 7 * dir * (c.n - 1);
  return date(i, to, sem);
};

/** After a holiday: "in 3 years", "9 months from now", "two years ago", "3 years hence". */
function holidayShift(r: Reader, i: number): { unit: Unit; n: number; next: number } | null {
  const pack = r.lex.pack;
  let j = i;
  const w = r.it[j];
  const pre = w !== undefined && w.kind === 'w' && (pack.holidayIn?.includes(w.norm) ?? false);
  if (pre) j++;
  // "in a year": the two words together stand for "in one".
  const one = pre && r.it[j] !== undefined && (pack.holidayIn?.includes(`${w!.norm} ${r.it[j]!.norm}`) ?? false);
  if (one) j++;
  let n = 1;
  const c = one ? null : r.count(j);
  if (c) {
    if (c.n === null) return null;
    n = c.n;
    j = c.next;
  } else if (!pre) return null;
  const u = r.f(j);
  if (!u.unit || (u.plural && !c) || (!u.plural && c && n !== 1 && !u.invariant)) return null;
  j++;
  if (pre) return { unit: u.unit, n, next: j };
  if (r.f(j).agoAfter) return { unit: u.unit, n: -n, next: j + 1 };
  const a = r.it[j];
  const b = r.it[j + 1];
  if (a && b && pack.holidayHence?.includes(`${a.norm} ${b.norm}`)) return { unit: u.unit, n, next: j + 2 };
  if (a && (r.f(j).hence || pack.holidayHence?.includes(a.norm))) return { unit: u.unit, n, next: j + 1 };
  return null;
}

/** "Weihnachten", "Christmas 2014", "lundi de Pâques", "عيد الميلاد". */
export const holiday: Rule = ({ r }, i) => {
  let j = i;
  let dir: number | undefined;
  if (r.f(j).rel !== undefined && r.f(j + 1).holiday) {
    dir = r.f(j).rel;
    j++;
  }
  const h = r.f(j).holiday;
  if (!h) return null;
  const yp = r.yearPart(j + 1);
  const sem = new DateSem();
  sem.holiday = h;
  if (yp) {
    sem.year = yp.spec;
    return date(i, yp.next, sem);
  }
  const hs = holidayShift(r, j + 1);
  if (hs) {
    sem.holidayShift = { unit: hs.unit, n: hs.n };
    return date(i, hs.next, sem);
  }
  sem.dir = dir;
  return date(i, j + 1, sem);
};

/** "three days after Easter", "two weeks before May 3, 2014": a day counted from a dated day. */
export const offsetFrom: Rule = (c, i) => {
  const { r } = c;
  const words = r.lex.pack.offsetWords;
  if (!words) return null;
  const cnt = r.count(i);
  if (!cnt || cnt.n === null || cnt.n < 1 || cnt.n > 99) return null;
  const u = r.f(cnt.next);
  if ((u.unit !== 'D' && u.unit !== 'W') || (!u.plural && cnt.n !== 1)) return null;
  const w = r.it[cnt.next + 1];
  const sign = w && w.kind === 'w' ? words[w.norm] : undefined;
  if (sign !== 1 && sign !== -1) return null;
  const k = cnt.next + 2;
  const base = holiday(c, k) ?? dayMonth(c, k) ?? monthFirst(c, k) ?? numericDate(c, k);
  if (!base || base.sem.kind !== 'date') return null;
  const b = base.sem;
  if (b.holiday === undefined && b.day === undefined) return null;
  // A new meaning from the rule that matched the base: ours to change.
  b.plusDays = sign * cnt.n * (u.unit === 'W' ? 7 : 1);
  return { from: i, to: base.to, sem: b };
};

/** "two years later", "zwei Jahre zuvor", "deux ans plus tard": counted from the last date mentioned. */
export const countLater: Rule = ({ r }, i) => {
  const cnt = r.count(i);
  let n: number;
  let j: number;
  if (cnt) {
    if (cnt.n === null || cnt.n < 1) return null;
    n = cnt.n;
    j = cnt.next;
  } else if (r.f(i).count !== undefined) {
    n = r.f(i).count!; // Arabic duals carry their count
    j = i;
  } else return null;
  const u = r.f(j);
  if (!u.unit || (cnt && singularAfterCount(u, n))) return null;
  const dir = r.f(j + 1).later;
  if (dir !== 1 && dir !== -1) return null;
  return date(i, j + 2, shifted({ unit: u.unit, n: dir * n, base: 'anchor', grain: grainOf(u.unit) }));
};

/** Tried at every item; the longest match wins, ties go to the earlier rule. */
export const RULES: Rule[] = [nthInMonth, holiday, modified, numericDate, dayWord, weekday, dayMonth, monthFirst, dayOfRelMonth, countAhead, countWeekdays, offsetFrom, countLater, ago, quarter, decade, century, season, relUnit, duration, year, vague];

/** The rules that can begin at a number (the others need a word first). */
export const NUMBER_RULES: Rule[] = [nthInMonth, numericDate, dayMonth, dayOfRelMonth, countAhead, countWeekdays, offsetFrom, countLater, ago, quarter, decade, century, duration, year];
/** The rules that can begin at a word. */
export const WORD_RULES: Rule[] = RULES.filter((r) => r !== numericDate);
/** "'98". */
export const QUOTE_RULES: Rule[] = [year];

/**
 * What the word an expression starts at must have for each rule to possibly match there (read off each rule's
 * first steps; a rule not listed is always tried). A word whose norm is "q" or "h" gets all of them (RuleIndex.anyWord).
 */
const WORD_GATES = new Map<Rule, (f: Feature) => boolean>([
  [nthInMonth, (f) => !!f.dayNoun || f.ord !== undefined || f.rel === -1 || f.weekday !== undefined || f.unit === 'D' || f.unit === 'W'],
  [holiday, (f) => f.rel !== undefined || f.holiday !== undefined],
  [modified, (f) => !!f.mod],
  [dayWord, (f) => f.dayWord !== undefined],
  [weekday, (f) => !!f.dayNoun || f.rel !== undefined || f.weekday !== undefined],
  [dayMonth, (f) => f.ord !== undefined],
  [monthFirst, (f) => f.rel !== undefined || !!f.monthNoun || f.month !== undefined],
  [dayOfRelMonth, (f) => f.ord !== undefined],
  [countAhead, (f) => !!f.countAhead || f.num !== undefined || !!f.quant],
  [countWeekdays, (f) => f.num !== undefined || !!f.quant],
  [offsetFrom, (f) => f.num !== undefined || !!f.quant],
  [countLater, (f) => f.num !== undefined || f.count !== undefined],
  [ago, (f) => !!f.agoBefore || !!f.inFuture || f.num !== undefined || !!f.quant || f.unit !== undefined],
  [quarter, (f) => f.ord !== undefined || f.unit !== undefined],
  [decade, (f) => !!f.decadeWord],
  [century, (f) => f.ord !== undefined],
  [season, (f) => f.rel !== undefined || f.season !== undefined],
  [relUnit, (f) => f.shift !== undefined || f.rel !== undefined || f.anaph !== undefined || f.unit !== undefined],
  [duration, (f) => f.rel !== undefined || f.anaph !== undefined || f.num !== undefined || !!f.quant || f.unit !== undefined],
  [year, (f) => !!f.yearWord],
  [vague, (f) => f.vague !== undefined],
]);

/** Rules whose first step needs pack data a language lacks return null there: they are not tried at all. */
function applies(rule: Rule, pack: LangPack): boolean {
  if (rule === countWeekdays) return !!pack.weekdayCountDir;
  if (rule === offsetFrom) return !!pack.offsetWords;
  return true;
}

/** Per feature object of a live word: the rules to try there and whether a live item must follow closely. */
export interface WordStart { rules: readonly Rule[]; needsFollower: boolean }

/** The rules worth trying where an expression may start, for one language (same order as RULES: ties resolve as before). */
export class RuleIndex {
  /** WORD_RULES for a word whose norm is "q" or "h". */
  readonly anyWord: readonly Rule[];
  private readonly numberSets: Array<Rule[] | undefined> = [];
  private readonly wordStarts = new WeakMap<Feature, WordStart>();

  constructor(private readonly pack: LangPack) {
    this.anyWord = WORD_RULES.filter((rule) => applies(rule, pack));
  }

  /**
   * NUMBER_RULES that can match at a number of 1-4 digits. What they need is read off each rule's first steps: its
   * digit count and whether the next item is a glued word, "q", a unit or a count-ahead word.
   */
  forNumber(it: Reader['it'], i: number): Rule[] {
    const digits = it[i]!.digits!;
    const nx = it[i + 1];
    const gluedWord = nx !== undefined && nx.kind === 'w' && !nx.gap;
    const q = nx !== undefined && nx.norm === 'q';
    const unit = nx !== undefined && nx.feat.unit !== undefined;
    const ahead = nx !== undefined && !!nx.feat.countAhead;
    const key = (digits - 1) | (gluedWord ? 4 : 0) | (q ? 8 : 0) | (unit ? 16 : 0) | (ahead ? 32 : 0);
    let v = this.numberSets[key];
    if (v === undefined) {
      v = NUMBER_RULES.filter((rule) => {
        if (!applies(rule, this.pack)) return false;
        if (rule === nthInMonth) return digits === 1;
        if (rule === dayMonth || rule === dayOfRelMonth || rule === century) return digits <= 2;
        if (rule === countAhead) return digits <= 3 && ahead;
        if (rule === ago) return digits <= 3 && unit;
        if (rule === quarter) return digits === 1 || ((digits === 2 || digits === 4) && q);
        if (rule === decade) return gluedWord;
        if (rule === duration) return digits <= 3;
        return true;
      });
      this.numberSets[key] = v;
    }
    return v;
  }

  /** WORD_RULES that can match at a word with features `f`. */
  forWord(f: Feature): WordStart {
    let v = this.wordStarts.get(f);
    if (v === undefined) {
      v = { rules: this.anyWord.filter((rule) => WORD_GATES.get(rule)?.(f) ?? true), needsFollower: needsFollower(f) };
      this.wordStarts.set(f, v);
    }
    return v;
  }
}

const ruleIndexes = new WeakMap<LangPack, RuleIndex>();

export function ruleIndex(pack: LangPack): RuleIndex {
  let v = ruleIndexes.get(pack);
  if (v === undefined) {
    v = new RuleIndex(pack);
    ruleIndexes.set(pack, v);
  }
  return v;
}
