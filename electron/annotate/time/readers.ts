/**
 * Small readers over items: a day, a month, a year, a count, a relative unit. Each looks at a bounded
 * number of items, so the grammar built from them stays linear overall.
 */
import type { Item, Lexicon } from './lexicon';
import type { YearSpec } from './sem';
import type { Feature, Unit } from './types';

const EMPTY: Feature = Object.freeze({}) as Feature;

export class Reader {
  constructor(readonly it: Item[], readonly lex: Lexicon) {}

  f(i: number): Feature {
    return this.it[i]?.feat ?? EMPTY;
  }

  isP(i: number, ch: string): boolean {
    const t = this.it[i];
    return t !== undefined && t.kind === 'p' && t.norm === ch;
  }

  /** Item i directly touches item i-1 (no whitespace). */
  glued(i: number): boolean {
    const t = this.it[i];
    return t !== undefined && !t.gap;
  }

  /** A digit run that is part of a decimal or grouped number ("11,9", "1.6", "1,000"). */
  decimalPart(i: number): boolean {
    const t = this.it[i];
    if (!t) return false;
    const p = this.it[i - 1];
    if (p && p.kind === 'p' && (p.norm === '.' || p.norm === ',') && !t.gap && !p.gap && this.it[i - 2]?.kind === 'n') return true;
    const n = this.it[i + 1];
    const nn = this.it[i + 2];
    if (n && n.kind === 'p' && (n.norm === '.' || n.norm === ',') && !n.gap && nn && nn.kind === 'n' && !nn.gap) return true;
    return false;
  }

  /** A number glued to letters that are not an ordinal suffix ("5G", "4a") is not a number we use. */
  gluedLetters(i: number): string | null {
    const n = this.it[i + 1];
    return n && n.kind === 'w' && !n.gap ? n.norm : null;
  }

  /** Preceded by a currency sign or followed by a percent sign. */
  moneyOrPercent(i: number): boolean {
    const p = this.it[i - 1];
    if (p && p.kind === 'p' && /[$€£¥₹]/.test(p.norm) && !this.it[i]!.gap) return true;
    const n = this.it[i + 1];
    return n !== undefined && n.kind === 'p' && (n.norm === '%' || n.norm === '٪');
  }

  skipFillers(i: number, max = 3): number {
    let j = i;
    while (j - i < max) {
      const t = this.it[j];
      if (!t) break;
      if (t.kind === 'w' && t.feat.filler) j++;
      else if (t.kind === 'p' && t.norm === "'" && !t.gap) j++;
      else break;
    }
    return j;
  }

  /** Day of month: "21", "1er", "15th", "15ten", "erster", "الاول", "التاسع عشر". */
  day(i: number): { d: number; next: number; suffixed: boolean } | null {
    const t = this.it[i];
    if (!t) return null;
    if (t.kind === 'n') {
      if (t.digits! > 2 || t.num === undefined || t.num < 1 || t.num > 31 || this.decimalPart(i)) return null;
      const g = this.gluedLetters(i);
      if (g !== null) {
        if (!this.lex.ordinalSuffixes.has(g)) return null;
        return { d: t.num, next: i + 2, suffixed: true };
      }
      return { d: t.num, next: i + 1, suffixed: false };
    }
    const ord = t.feat.ord;
    if (ord !== undefined && ord >= 1 && ord <= 31) {
      if (this.f(i + 1).ordTeen && ord < 10) return { d: ord + 10, next: i + 2, suffixed: true };
      return { d: ord, next: i + 1, suffixed: true };
    }
    return null;
  }

  /** Numeric ordinal for quarters: "3.", "4tes", "3rd", or an ordinal word. */
  ordinal(i: number): { n: number; next: number } | null {
    const t = this.it[i];
    if (!t) return null;
    if (t.kind === 'n' && t.digits === 1 && t.num !== undefined) {
      const g = this.gluedLetters(i);
      if (g !== null && this.lex.ordinalSuffixes.has(g)) return { n: t.num, next: i + 2 };
      if (this.isP(i + 1, '.') && this.glued(i + 1)) return { n: t.num, next: i + 2 };
      return null;
    }
    if (t.feat.ord !== undefined) return { n: t.feat.ord, next: i + 1 };
    return null;
  }

  /** Month name, with an optional "شهر"/"mois de" before it and a paired form after ("أيار/مايو", "أيار (مايو)"). */
  month(i: number): { m: number; next: number; amb: boolean; at: number } | null {
    let j = i;
    let noun = false;
    if (this.f(j).monthNoun) {
      noun = true;
      j++;
      if (this.f(j).filler && this.f(j + 1).month !== undefined) j++;
    }
    const f = this.f(j);
    if (f.month === undefined) {
      // "شهر 3", "شهر عشرة", "الشهر التاسع": a month given by its number after the month noun.
      if (!noun) return null;
      const t = this.it[j];
      const v = t?.kind === 'n' && t.digits! <= 2 && !this.decimalPart(j) ? t.num : f.num ?? (f.ord !== undefined && f.ord > 0 ? f.ord : undefined);
      if (v === undefined || v < 1 || v > 12) return null;
      if (this.f(j + 1).ordTeen && v <= 2) return { m: v + 10, next: j + 2, amb: false, at: j };
      return { m: v, next: j + 1, amb: false, at: j };
    }
    const at = j;
    const m = f.month;
    const amb = !!f.ambiguous && !noun;
    j++;
    // Abbreviation dot: "Feb. 28" (only when a number follows, so a sentence-final dot stays out).
    if (this.isP(j, '.') && this.glued(j) && (this.it[j - 1]?.norm.length ?? 9) <= 4 && this.it[j + 1]?.kind === 'n') j++;
    if ((this.isP(j, '/') || this.isP(j, '(')) && this.f(j + 1).month === m) {
      const open = this.isP(j, '(');
      j += 2;
      if (open && this.isP(j, ')')) j++;
    }
    return { m, next: j, amb, at };
  }

  /** A 4-digit year in [lo, hi]. */
  year4(i: number, lo = 1000, hi = 2999): { y: number; next: number } | null {
    const t = this.it[i];
    if (!t || t.kind !== 'n' || t.digits !== 4 || t.num === undefined) return null;
    if (t.num < lo || t.num > hi || this.decimalPart(i) || this.moneyOrPercent(i)) return null;
    if (this.gluedLetters(i) !== null) return null;
    return { y: t.num, next: i + 1 };
  }

  /** "'98" or, when allowed, a bare 2-digit year after a month ("octobre 98"). */
  year2(i: number, bareOk: boolean): { y: number; next: number } | null {
    let j = i;
    if (this.isP(j, "'") && this.it[j + 1]?.kind === 'n' && this.glued(j + 1)) j++;
    else if (!bareOk) return null;
    const t = this.it[j];
    if (!t || t.kind !== 'n' || t.digits !== 2 || t.num === undefined || this.decimalPart(j) || this.moneyOrPercent(j)) return null;
    if (this.gluedLetters(j) !== null) return null;
    if (j === i) {
      // A bare 2-digit number after a month is a year only if nothing count-like follows.
      const n = this.it[j + 1];
      if (n && n.kind === 'w' && !n.cap && !n.feat.filler && !n.feat.connector && !n.feat.cue) return null;
      if (n && n.kind === 'n') return null;
    }
    return { y: t.num < 50 ? 2000 + t.num : 1900 + t.num, next: j + 1 };
  }

  /** "(2018)" */
  parenYear(i: number): { y: number; next: number } | null {
    if (!this.isP(i, '(')) return null;
    const y = this.year4(i + 1);
    if (!y || !this.isP(y.next, ')')) return null;
    return { y: y.y, next: y.next + 1 };
  }

  /**
   * A relative unit: "last week", "العام الماضي", "l'année suivante", "Vorjahr", "cette semaine", "ce mois-ci".
   * base 'ref' = deictic (publication date), 'anchor' = anaphoric (last date mentioned).
   */
  relUnit(i: number): { unit: Unit; n: number; base: 'ref' | 'anchor'; next: number } | null {
    const f = this.f(i);
    if (f.shift) return { unit: f.shift.unit, n: f.shift.n, base: f.shift.base, next: this.ciLa(i + 1) };
    if (f.rel !== undefined || f.anaph !== undefined) {
      const j = this.skipFillers(i + 1, 1);
      const u = this.f(j);
      if (u.unit && !u.plural) {
        return f.rel !== undefined
          ? { unit: u.unit, n: f.rel, base: 'ref', next: this.ciLa(j + 1) }
          : { unit: u.unit, n: f.anaph!, base: 'anchor', next: this.ciLa(j + 1) };
      }
      return null;
    }
    if (f.unit && !f.plural) {
      const g = this.f(i + 1);
      if (g.rel !== undefined) return { unit: f.unit, n: g.rel, base: 'ref', next: i + 2 };
      if (g.anaph !== undefined) return { unit: f.unit, n: g.anaph, base: 'anchor', next: i + 2 };
    }
    return null;
  }

  /** French "-ci" / "-là" after a unit ("ce mois-ci"). */
  private ciLa(j: number): number {
    if (this.isP(j, '-') && this.glued(j)) {
      const w = this.it[j + 1]?.norm;
      if (w === 'ci' || w === 'la') return j + 2;
    }
    return j;
  }

  /** The year part after a month, season or quarter: "2016", "عام 2016", "(2018)", "of last year", "العام الجاري (٢٠١٨)". */
  yearPart(i: number): { spec: YearSpec; next: number } | null {
    let j = i;
    if (this.isP(j, ',')) j++;
    const py = this.parenYear(j);
    if (py) return { spec: { abs: py.y }, next: py.next };
    const k = this.skipFillers(j, 3);
    let k2 = k;
    if (this.f(k2).yearWord) k2++;
    const y = this.year4(k2);
    if (y) {
      // Without a year word or filler, a year right after a month must be plausible.
      return { spec: { abs: y.y }, next: y.next };
    }
    const ru = this.relUnit(k);
    if (ru && ru.unit === 'Y') {
      const p = this.parenYear(ru.next);
      if (p) return { spec: { abs: p.y }, next: p.next };
      return { spec: ru.base === 'ref' ? { rel: ru.n } : { anaph: ru.n }, next: ru.next };
    }
    const y2 = this.year2(j, false);
    if (y2) return { spec: { abs: y2.y }, next: y2.next };
    return null;
  }

  /** A count before a unit: digits (up to 3), a number word, or "several" (null). */
  count(i: number): { n: number | null; next: number } | null {
    const t = this.it[i];
    if (!t) return null;
    if (t.kind === 'n') {
      if (t.digits! > 3 || t.num === undefined || this.decimalPart(i) || this.gluedLetters(i) !== null) return null;
      return { n: t.num, next: i + 1 };
    }
    if (t.feat.num !== undefined) return { n: t.feat.num, next: i + 1 };
    if (t.feat.quant) return { n: null, next: i + 1 };
    return null;
  }
}
