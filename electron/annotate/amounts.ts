/**
 * Money amounts in Arabic, German, French and English news: a number in any digit script with its local decimal
 * and thousands conventions, a scale word (مليار, Mrd., milliards, bn ...) and a currency word or symbol before or
 * after it. Counts of people or things ("٨٧٠ مليون مستخدم", "90 Patente") and percentages are quantities, never
 * amounts. Works on the token stream of text-tokens.ts: linear, no backtracking patterns.
 */
import type { Amount, Lang } from '../../shared/model';
import { arabicCores, onlySpacesBetween, tokenize, type Token } from './text-tokens';

export type QuantityKind = 'money' | 'count' | 'percent';

export interface Quantity {
  start: number;
  end: number;
  text: string;
  value: number;
  kind: QuantityKind;
  /** ISO 4217 code for money. */
  currency?: string;
  /** The counted noun as written, for counts ("مستخدم", "Patente"). */
  unit?: string;
  /** The high end of a range ("zwischen 1 und 2 Mrd. Euro"); `value` is its low end. */
  max?: number;
}

// ---------------------------------------------------------------- words (normalised forms, see text-tokens.ts)

const SCALE_COMMON: Record<string, number> = {
  // Arabic (hamza/madda already folded: آلاف → الاف)
  الف: 1e3, الاف: 1e3, الفا: 1e3, مليون: 1e6, ملايين: 1e6, مليونا: 1e6, مليار: 1e9, مليارات: 1e9, مليارا: 1e9, ملياري: 1e9, مليوني: 1e6, الفي: 1e3, بليون: 1e9, بلايين: 1e9, تريليون: 1e12, تريليونات: 1e12,
  // German
  tausend: 1e3, tsd: 1e3, mio: 1e6, million: 1e6, millionen: 1e6, mrd: 1e9, milliarde: 1e9, milliarden: 1e9, billionen: 1e12,
  // French
  mille: 1e3, millions: 1e6, milliard: 1e9, milliards: 1e9,
  // English
  thousand: 1e3, mn: 1e6, bn: 1e9, trillion: 1e12, trn: 1e12,
};
/** "billion" is 10^9 in English and 10^12 in German and French (long scale). */
const BILLION: Record<string, number> = { en: 1e9, ar: 1e9, und: 1e9, de: 1e12, fr: 1e12 };
/** Arabic duals carry their own count when no number precedes: ملياري دولار = two billion dollars. */
const DUAL: Record<string, number> = { مليارا: 2e9, ملياري: 2e9, مليونا: 2e6, مليوني: 2e6, الفا: 2e3, الفي: 2e3 };
/** Single letters that scale only right after a number written with a currency: "$14m", "$1.6b", "$5k". */
const LETTER_SCALE: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };
/** "a billion dollars", "un milliard", "eine Milliarde". */
const ONE = new Set(['a', 'one', 'un', 'une', 'ein', 'eine', 'einer', 'einen']);

const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', usd: 'USD', دولار: 'USD', دولارا: 'USD', دولارات: 'USD',
  euro: 'EUR', euros: 'EUR', eur: 'EUR', يورو: 'EUR',
  yuan: 'CNY', yuans: 'CNY', renminbi: 'CNY', rmb: 'CNY', cny: 'CNY', يوان: 'CNY',
  pound: 'GBP', pounds: 'GBP', sterling: 'GBP', gbp: 'GBP', pfund: 'GBP', استرليني: 'GBP',
  yen: 'JPY', jpy: 'JPY',
  hkd: 'HKD',
};
/** Words that qualify a following dollar: "US-Dollar", "U.S. dollars", "Hongkong-Dollar", "HK$". */
const DOLLAR_QUALIFIER: Record<string, string> = { us: 'USD', u: 'USD', hk: 'HKD', hongkong: 'HKD' };
/** Words that may follow the currency and belong to it: "dollars américains", "دولار أمريكي". */
const CURRENCY_TAIL = new Set(['امريكي', 'americains', 'americain', 'us', 'sterling', 'استرليني']);
const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'CNY', '￥': 'CNY' };
/** Between a scale word and the currency: "milliards de dollars", "billions of dollars". */
const LINKERS = new Set(['de', 'd', 'of']);
/** Words between a count and the counted noun: "90 solcher Patente", "30 such places", "3 nouvelles places". */
const COUNT_QUALIFIERS = new Set(['solcher', 'solche', 'weitere', 'neue', 'neuen', 'such', 'more', 'new', 'further', 'nouvelles', 'nouveaux', 'autres']);
const PERCENT_WORDS = new Set(['prozent', 'percent', 'pourcent', 'بالمئه', 'بالمائه']);
const PERCENT_PAIRS: Array<[string, string]> = [['pour', 'cent'], ['per', 'cent'], ['في', 'المائه'], ['في', 'المئه']];
/** Between the two numbers of a range: "1-2 bn", "1 to 2", "1 bis 2", "de 1 à 2", "من 1 إلى 2". */
const RANGE_TO = new Set(['-', '–', '—', 'to', 'bis', 'الي', 'حتي']);
/** "and" joins a range only after "between": "between 1 and 2", "zwischen 1 und 2", "entre 1 et 2", "بين 1 و2". */
const RANGE_AND = new Set(['and', 'und', 'et', 'و']);
const BETWEEN = new Set(['between', 'zwischen', 'entre', 'بين']);

// ---------------------------------------------------------------- numbers

interface NumberRun {
  /** Index of the last token of the number. */
  last: number;
  value: number;
}

const MAX_GROUPS = 6;
const GROUP_SEPS = new Set(['.', ',', '٫', '٬', "'", '’']);

/**
 * Reads a number starting at token i: digit groups joined by separators without spaces ("41,8", "1.000.000",
 * "11,9", "1'000"), and in French thin or no-break spaces between groups of three ("1 000 000").
 */
function readNumber(text: string, toks: Token[], i: number, lang: Lang): NumberRun {
  const groups = [toks[i]!.norm];
  const seps: string[] = [];
  let last = i;
  // At most six groups (1,000,000,000,000,000): a longer chain is a list, and the bound keeps scanning linear.
  let spaced = toks[i]!.norm.length <= 3;
  while (groups.length < MAX_GROUPS) {
    const sep = toks[last + 1];
    const next = toks[last + 2];
    if (sep && next && next.kind === 'num' && sep.kind === 'sym' && GROUP_SEPS.has(sep.norm) && sep.start === toks[last]!.end && next.start === sep.end) {
      seps.push(sep.norm);
      groups.push(next.norm);
      last += 2;
      spaced = false;
      continue;
    }
    // Space-grouped thousands: only groups of exactly three after a lead of one to three digits.
    const nb = toks[last + 1];
    if (spaced && nb && nb.kind === 'num' && nb.norm.length === 3 && nb.start > toks[last]!.end) {
      const gap = text.slice(toks[last]!.end, nb.start);
      if (gap === '\u202f' || gap === '\u00a0' || (lang === 'fr' && gap === ' ')) {
        seps.push(' ');
        groups.push(nb.norm);
        last += 1;
        continue;
      }
    }
    break;
  }
  const parsed = interpretGroups(groups, seps, lang);
  if (parsed === null) return { last: i, value: Number(groups[0]) };
  return { last, value: parsed };
}

/** Decides which separator is the decimal mark; null when the groups don't form one number. */
function interpretGroups(groups: string[], seps: string[], lang: Lang): number | null {
  if (seps.length === 0) return Number(groups[0]);
  let decimalAt = -1;
  const lastSep = seps[seps.length - 1]!;
  const kinds = new Set(seps);
  if (lastSep === '٫') decimalAt = seps.length - 1;
  else if (kinds.size > 1 && (lastSep === '.' || lastSep === ',') && seps.indexOf(lastSep) === seps.length - 1) decimalAt = seps.length - 1;
  else if (seps.length === 1 && (lastSep === '.' || lastSep === ',')) {
    const after = groups[1]!;
    if (after.length !== 3 || groups[0] === '0') decimalAt = 0;
    else if ((lang === 'de' || lang === 'fr') && lastSep === ',') decimalAt = 0;
    else if (lang === 'en' && lastSep === '.') decimalAt = 0;
  }
  const intGroups = decimalAt >= 0 ? groups.slice(0, decimalAt + 1) : groups;
  for (let k = 1; k < intGroups.length; k++) if (intGroups[k]!.length !== 3) return null;
  if (intGroups.length > 1 && intGroups[0]!.length > 3) return null;
  const intStr = intGroups.join('');
  const frac = decimalAt >= 0 ? groups[decimalAt + 1]! : '';
  return Number(intStr + frac) / 10 ** frac.length;
}

// ---------------------------------------------------------------- currencies and scales

function currencyWord(t: Token | undefined): string | null {
  if (!t || t.kind !== 'word') return null;
  const direct = CURRENCY_WORDS[t.norm];
  if (direct) {
    // Three-letter codes only in capitals: "eur" or "usd" in running text is not a code.
    if (/^(?:usd|eur|gbp|cny|rmb|jpy|hkd)$/.test(t.norm) && t.text !== t.text.toUpperCase()) return null;
    return direct;
  }
  if (t.arabic) for (const core of arabicCores(t.norm)) if (CURRENCY_WORDS[core]) return CURRENCY_WORDS[core]!;
  return null;
}

function scaleOf(t: Token | undefined, lang: Lang): number | null {
  if (!t || t.kind !== 'word') return null;
  if (t.norm === 'billion' || t.norm === 'billions') return BILLION[lang] ?? 1e9;
  return SCALE_COMMON[t.norm] ?? null;
}

interface Found {
  currency: string;
  /** Index of the first token of the currency expression. */
  first: number;
  last: number;
}

/** Currency written before the number: "$", "US$", "HK$", "€", "USD", "EUR". Returns the token span. */
function prefixCurrencyEndingAt(toks: Token[], j: number): Found | null {
  const t = toks[j];
  if (!t) return null;
  if (t.kind === 'sym' && SYMBOLS[t.norm]) {
    const q = toks[j - 1];
    if (t.norm === '$' && q && q.kind === 'word' && q.end === t.start && DOLLAR_QUALIFIER[q.norm]) return { currency: DOLLAR_QUALIFIER[q.norm]!, first: j - 1, last: j };
    return { currency: SYMBOLS[t.norm]!, first: j, last: j };
  }
  const w = currencyWord(t);
  if (w && t.text === t.text.toUpperCase() && t.text.length === 3) return { currency: w, first: j, last: j };
  return null;
}

/** Currency written after the number (and scale): "Euro", "dollars", "US-Dollar", "دولار", "بالدولار". */
function suffixCurrencyAt(text: string, toks: Token[], j: number): Found | null {
  let k = j;
  let qualified: string | null = null;
  // Qualifier: "US-Dollar", "US Dollar", "U.S. dollars", "Hongkong-Dollar".
  const q = toks[k];
  if (q && q.kind === 'word' && DOLLAR_QUALIFIER[q.norm]) {
    let n = k + 1;
    if (q.norm === 'u' && toks[n]?.norm === '.' && toks[n + 1]?.norm === 's' && toks[n + 2]?.norm === '.') n += 3;
    else if (toks[n]?.norm === '-' && toks[n]!.start === q.end) n += 1;
    const d = toks[n];
    if (d && (d.norm === 'dollar' || d.norm === 'dollars')) {
      qualified = DOLLAR_QUALIFIER[q.norm]!;
      k = n;
    }
  }
  const t = toks[k];
  if (!t) return null;
  if (t.kind === 'sym' && SYMBOLS[t.norm]) return { currency: SYMBOLS[t.norm]!, first: j, last: k };
  const w = currencyWord(t);
  if (!w) return null;
  let last = k;
  const tail = toks[k + 1];
  if (tail && tail.kind === 'word' && CURRENCY_TAIL.has(tail.arabic ? tail.norm.replace(/^ال/, '') : tail.norm) && onlySpacesBetween(text, t.end, tail.start)) last = k + 1;
  return { currency: qualified ?? w, first: j, last };
}

function isPercentAt(toks: Token[], j: number): number {
  const t = toks[j];
  if (!t) return -1;
  if (t.kind === 'sym' && (t.norm === '%' || t.norm === '٪')) return j;
  if (t.kind === 'word' && PERCENT_WORDS.has(t.norm)) return j;
  const n = toks[j + 1];
  if (t.kind === 'word' && n) for (const [a, b] of PERCENT_PAIRS) if (t.norm === a && n.norm === b) return j + 1;
  return -1;
}

// ---------------------------------------------------------------- scanning

/** Every number with a currency, a scale, a counted noun or a percent sign, in text order. `toks`: the text's tokens, when the caller has them. */
export function findQuantities(text: string, lang: Lang, toks: Token[] = tokenize(text)): Quantity[] {
  const out: Quantity[] = [];
  let i = 0;
  while (i < toks.length) {
    const q = readQuantity(text, toks, i, lang);
    if (q) {
      out.push(q.quantity);
      i = q.next;
    } else i++;
  }
  return out;
}

interface Read {
  quantity: Quantity;
  next: number;
  /** The scale word's factor (1 without one) and the index of the number's (or scale's) last token. */
  scale: number;
  numEnd: number;
}

function readQuantity(text: string, toks: Token[], i: number, lang: Lang, rangeStart = true): Read | null {
  const t = toks[i]!;
  let prefix: Found | null = null;
  let numStart = i;
  // A currency before the number ("$14bn", "US$ 5 million", "EUR 11.9bn") is found when we reach the number.
  if (t.kind === 'num') {
    prefix = prefixCurrencyEndingAt(toks, i - 1);
    if (prefix && !onlySpacesBetween(text, toks[i - 1]!.end, t.start)) prefix = null;
  }
  let value: number;
  let last: number;
  let scaled = false;
  let scale = 1;
  if (t.kind === 'num') {
    const run = readNumber(text, toks, i, lang);
    value = run.value;
    last = run.last;
  } else if (t.kind === 'word' && (ONE.has(t.norm) || (t.arabic && scaleOf(t, lang) !== null))) {
    // "a billion dollars", or an Arabic scale word standing alone: "مليار دولار", "ملياري دولار".
    if (t.arabic) {
      const prev = toks[i - 1];
      if (prev && prev.kind === 'num') return null;
      value = (DUAL[t.norm] ?? scaleOf(t, lang)!) / scaleOf(t, lang)!;
      last = i - 1;
      numStart = i;
    } else {
      if (scaleOf(toks[i + 1], lang) === null) return null;
      value = 1;
      last = i;
    }
  } else return null;

  // Scale word: "14 مليار", "11,9 Mrd.", "70 milliards", "1.6bn", "$14m".
  const s = toks[last + 1];
  const sc = scaleOf(s, lang);
  if (s && sc !== null) {
    value *= sc;
    scale = sc;
    last += 1;
    scaled = true;
    if (toks[last + 1]?.norm === '.' && toks[last + 1]!.start === s.end && /^(?:mrd|mio|tsd|bn|mn)$/.test(s.norm)) last += 1;
  } else if (s && prefix && s.kind === 'word' && s.start === toks[last]!.end && LETTER_SCALE[s.norm]) {
    value *= LETTER_SCALE[s.norm]!;
    scale = LETTER_SCALE[s.norm]!;
    last += 1;
    scaled = true;
  }
  if (last < numStart) return null; // a lone Arabic scale word with nothing after it
  value = Math.round(value * 1e6) / 1e6;
  const read = (quantity: Quantity, next: number): Read => ({ quantity, next, scale, numEnd: last });

  if (rangeStart && t.kind === 'num') {
    const range = readRangeEnd(text, toks, { first: prefix ? prefix.first : numStart, last, value, scaled, prefix }, lang);
    if (range) return range;
  }

  const pct = isPercentAt(toks, last + 1);
  if (pct >= 0 && !prefix) {
    return read(span(text, toks, numStart, pct, { value, kind: 'percent' }), pct + 1);
  }
  let k = last + 1;
  if (toks[k] && LINKERS.has(toks[k]!.norm)) {
    k += 1;
    if (toks[k]?.norm === "'") k += 1;
  }
  const suffix = suffixCurrencyAt(text, toks, k);
  if (suffix && (scaled || k === last + 1)) {
    return read(span(text, toks, prefix ? prefix.first : numStart, suffix.last, { value, kind: 'money', currency: prefix?.currency ?? suffix.currency }), suffix.last + 1);
  }
  if (prefix) return read(span(text, toks, prefix.first, last, { value, kind: 'money', currency: prefix.currency }), last + 1);
  // A counted noun right after the number: people, companies, patents, places.
  let nounAt = last + 1;
  if (COUNT_QUALIFIERS.has(toks[nounAt]?.norm ?? '') && toks[nounAt + 1]?.kind === 'word') nounAt++; // "90 solcher Patente"
  const noun = toks[nounAt];
  if (noun && noun.kind === 'word' && (scaled || toks[last + 1]!.start > toks[last]!.end)) {
    return read(span(text, toks, numStart, nounAt, { value, kind: 'count', unit: noun.text }), nounAt + 1);
  }
  if (scaled) return read(span(text, toks, numStart, last, { value, kind: 'count' }), last + 1);
  return null;
}

/**
 * A money range from its low end on: "between 1 and 2 billion dollars", "$1-2bn", "zwischen 1 und 2 Mrd. Euro",
 * "entre 1 et 2 milliards de dollars", "من 1 إلى 2 مليار دولار". The low end takes the high end's scale when it has
 * none ("1-2 bn" is 1 bn to 2 bn); both ends share one currency; the low end must be below the high end.
 */
function readRangeEnd(text: string, toks: Token[], low: { first: number; last: number; value: number; scaled: boolean; prefix: Found | null }, lang: Lang): Read | null {
  const c = toks[low.last + 1];
  if (!c) return null;
  const before = toks[low.first - 1];
  const between = !!before && before.kind === 'word' && (BETWEEN.has(before.norm) || (before.arabic && arabicCores(before.norm).some((w) => BETWEEN.has(w))));
  const and = RANGE_AND.has(c.norm) && between;
  if (!and && !RANGE_TO.has(c.norm) && !(lang === 'fr' && c.norm === 'a')) return null;
  // The high end's number, maybe after its own currency sign: "$1bn to $2bn".
  let j = low.last + 2;
  while (j <= low.last + 4 && toks[j] && toks[j]!.kind !== 'num') j++;
  if (toks[j]?.kind !== 'num' || (j > low.last + 2 && prefixCurrencyEndingAt(toks, j - 1)?.first !== low.last + 2)) return null;
  const high = readQuantity(text, toks, j, lang, false);
  if (!high) return null;
  const hq = high.quantity;
  let currency: string;
  let end: number;
  let next: number;
  if (hq.kind === 'money') {
    if (low.prefix && low.prefix.currency !== hq.currency) return null;
    currency = hq.currency!;
    end = hq.end;
    next = high.next;
  } else if (low.prefix && hq.kind === 'count') {
    // "$1-2bn in funding": the currency was written once, before the low end.
    currency = low.prefix.currency;
    end = toks[high.numEnd]!.end;
    next = high.numEnd + 1;
  } else return null;
  const value = Math.round((low.scaled ? low.value : low.value * high.scale) * 1e6) / 1e6;
  if (!(value < hq.value)) return null;
  // "between" belongs to an and-range's text: "zwischen 1 und 2 Mrd. Euro".
  const start = and ? before!.start : toks[low.first]!.start;
  return { quantity: { start, end, text: text.slice(start, end), value, max: hq.value, kind: 'money', currency }, next, scale: high.scale, numEnd: high.numEnd };
}

function span(text: string, toks: Token[], a: number, b: number, rest: Omit<Quantity, 'start' | 'end' | 'text'>): Quantity {
  const start = toks[a]!.start;
  const end = toks[b]!.end;
  return { start, end, text: text.slice(start, end), ...rest };
}

/** Money amounts only, in the shape of the export (interfaces.md §4) without the document id. */
export function findAmounts(text: string, lang: Lang, tokens?: Token[]): Omit<Amount, 'doc'>[] {
  return findQuantities(text, lang, tokens)
    .filter((q) => q.kind === 'money')
    .map((q) => ({ start: q.start, end: q.end, text: q.text, value: q.value, currency: q.currency!, ...(q.max !== undefined ? { max: q.max } : {}) }));
}

// ---------------------------------------------------------------- comparison in US dollars

/**
 * Approximate yearly averages of published reference rates (ECB euro reference rates, and the PBoC/Federal
 * Reserve H.10 yuan rates as commonly reported), rounded; for comparing amounts across currencies only, never
 * for accounting. USD per unit of the currency.
 */
const USD_PER_UNIT: Record<string, Record<number, number>> = {
  EUR: { 2016: 1.107, 2017: 1.13, 2018: 1.181, 2019: 1.12, 2020: 1.142, 2021: 1.183 },
  CNY: { 2016: 1 / 6.644, 2017: 1 / 6.759, 2018: 1 / 6.616, 2019: 1 / 6.908, 2020: 1 / 6.901, 2021: 1 / 6.449 },
  GBP: { 2016: 1.355, 2017: 1.289, 2018: 1.335, 2019: 1.277, 2020: 1.284, 2021: 1.375 },
  HKD: { 2016: 1 / 7.762, 2017: 1 / 7.793, 2018: 1 / 7.839, 2019: 1 / 7.836, 2020: 1 / 7.757, 2021: 1 / 7.773 },
  JPY: { 2016: 1 / 108.8, 2017: 1 / 112.2, 2018: 1 / 110.4, 2019: 1 / 109.0, 2020: 1 / 106.8, 2021: 1 / 109.8 },
};

/** The amount in US dollars at the year's average rate (nearest tabled year), or null for unknown currencies. */
export function toUsd(value: number, currency: string, year: number | null): number | null {
  if (currency === 'USD') return value;
  const table = USD_PER_UNIT[currency];
  if (!table) return null;
  const years = Object.keys(table).map(Number);
  const y = year === null ? Math.max(...years) : years.reduce((best, c) => (Math.abs(c - year) < Math.abs(best - year) ? c : best));
  return value * table[y]!;
}

const CURRENCY_SIGN: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', CNY: '¥', JPY: 'JP¥', HKD: 'HK$' };

/** A short readable amount for labels: "$14 bn", "€11.9 bn", "$270 m"; a range in one unit: "$1–2 bn". */
export function formatMoney(value: number, currency: string, max?: number): string {
  const sign = CURRENCY_SIGN[currency] ?? `${currency} `;
  const scales: Array<[number, string]> = [[1e12, ' tn'], [1e9, ' bn'], [1e6, ' m'], [1e3, 'k']];
  const top = Math.abs(max ?? value);
  const [s, suffix] = scales.find(([sc]) => top >= sc) ?? [1, ''];
  const digits = (v: number): string => String(s === 1 ? Math.round(v * 100) / 100 : Math.round((v / s) * 10) / 10);
  return `${sign}${digits(value)}${max !== undefined ? `–${digits(max)}` : ''}${suffix}`;
}
