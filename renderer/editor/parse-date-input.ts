/**
 * What a researcher types in the date field → a TIMEX value (interfaces.md §3). TIMEX values are taken as they are;
 * friendlier forms ("June 2018", "8 juin 2018", "8. Juni 2018", "08.06.2018", "Q2 2018", "early 2018", "يونيو 2018")
 * are read only when they cannot mean two things: "6/8/2018" (8 June or 6 August?) is refused with a hint.
 * The precision is the one the value implies: a month for "2018-06", a day for "2018-06-08".
 */
import type { TimexMod } from '../../shared/model';
import { daysInMonth, timexInterval, type Precision } from '../../shared/timex';

export type ParsedDate = { ok: true; value: string; mod?: TimexMod; precision: Precision | 'unknown' | 'duration' | 'vague' } | { ok: false; error: string };

const MONTHS: Record<string, number> = {};
const addMonths = (names: string[][]): void => names.forEach((list, i) => list.forEach((n) => (MONTHS[n] = i + 1)));
addMonths([
  ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'يناير', 'كانون الثاني', 'جانفي'],
  ['february', 'feb', 'februar', 'feber', 'février', 'fevrier', 'févr', 'fevr', 'فبراير', 'شباط', 'فيفري'],
  ['march', 'mar', 'märz', 'marz', 'maerz', 'mars', 'مارس', 'آذار', 'اذار'],
  ['april', 'apr', 'avril', 'avr', 'أبريل', 'ابريل', 'إبريل', 'نيسان', 'أفريل', 'افريل'],
  ['may', 'mai', 'مايو', 'أيار', 'ايار', 'ماي'],
  ['june', 'jun', 'juni', 'juin', 'يونيو', 'يونيه', 'حزيران', 'جوان'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'يوليو', 'يوليه', 'تموز', 'جويلية'],
  ['august', 'aug', 'août', 'aout', 'أغسطس', 'اغسطس', 'آب', 'اب', 'أوت'],
  ['september', 'sep', 'sept', 'septembre', 'سبتمبر', 'أيلول', 'ايلول'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'أكتوبر', 'اكتوبر', 'تشرين الأول', 'تشرين الاول'],
  ['november', 'nov', 'novembre', 'نوفمبر', 'تشرين الثاني'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'ديسمبر', 'كانون الأول', 'كانون الاول'],
]);

const SEASONS: Record<string, string> = {
  spring: 'SP', frühling: 'SP', fruhling: 'SP', frühjahr: 'SP', printemps: 'SP', الربيع: 'SP',
  summer: 'SU', sommer: 'SU', été: 'SU', ete: 'SU', الصيف: 'SU',
  autumn: 'FA', fall: 'FA', herbst: 'FA', automne: 'FA', الخريف: 'FA',
  winter: 'WI', hiver: 'WI', الشتاء: 'WI',
};

const MODS: Array<[RegExp, TimexMod]> = [
  [/^(?:early|anfang|début|debut|مطلع|أوائل|اوائل|بداية)\s+/u, 'START'],
  [/^(?:mid-|mi-|mid\s+|mitte\s+|منتصف\s+|أواسط\s+|اواسط\s+)/u, 'MID'],
  [/^(?:late|ende|fin|أواخر|اواخر|نهاية)\s+/u, 'END'],
];

/** Arabic-Indic and Persian digits to ASCII; Arabic comma to a comma. */
function normalise(input: string): string {
  return input
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u060c/g, ',')
    .replace(/\s+/g, ' ')
    .trim();
}

const pad = (n: number): string => String(n).padStart(2, '0');

function checkDay(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12) return `there is no month ${m}`;
  if (d < 1 || d > daysInMonth(y, m)) return `${y}-${pad(m)} has no day ${d}`;
  return null;
}

/** Validates a value in TIMEX form (month and day ranges included). */
function checkTimex(value: string): string | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value))) return checkDay(+m[1]!, +m[2]!, +m[3]!);
  if ((m = /^(\d{4}|XXXX)-(\d{2})(?:-(\d{2}))?$/.exec(value))) {
    const month = +m[2]!;
    if (month < 1 || month > 12) return `there is no month ${month}`;
    if (m[3] !== undefined) return checkDay(m[1] === 'XXXX' ? 2000 : +m[1]!, month, +m[3]);
    return null;
  }
  if ((m = /^\d{4}-W(\d{2})$/.exec(value))) return +m[1]! >= 1 && +m[1]! <= 53 ? null : `there is no week ${+m[1]!}`;
  return null;
}

const TIMEX = /^(?:\d{3,4}|\d{4}-(?:\d{2}(?:-\d{2})?|W\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI)|XXXX-\d{2}(?:-\d{2})?)$/;
const DURATION = /^P(?:\d+(?:\.\d+)?[YMWD])+(?:T(?:\d+(?:\.\d+)?[HMS])+)?$|^PT(?:\d+(?:\.\d+)?[HMS])+$/;
const VAGUE = /^(?:PRESENT_REF|PAST_REF|FUTURE_REF)$/;

function precisionOf(value: string): ParsedDate & { ok: true } {
  if (DURATION.test(value)) return { ok: true, value, precision: 'duration' };
  if (VAGUE.test(value)) return { ok: true, value, precision: 'vague' };
  return { ok: true, value, precision: timexInterval(value)?.precision ?? 'unknown' };
}

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS[w] ?? MONTHS[w.replace(/^(?:ال|في\s)/u, '')];
}

const year = (s: string): number | null => (/^\d{4}$/.test(s) ? +s : null);

/** The friendlier forms; null when the text is none of them. */
function parseFriendly(text: string): string | { error: string } | null {
  let m: RegExpExecArray | null;
  const t = text.toLowerCase().replace(/(\d)(st|nd|rd|th|er|e)\b/g, '$1');
  // 2018/06/08, 2018.06.08, 2018-6-8
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t))) return `${m[1]}-${pad(+m[2]!)}-${pad(+m[3]!)}`;
  if ((m = /^(\d{4})[/.](\d{1,2})$/.exec(t)) || (m = /^(\d{4})-(\d)$/.exec(t))) return `${m[1]}-${pad(+m[2]!)}`;
  // 08.06.2018 (day first: the German and French convention, never month first).
  if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t))) return `${m[3]}-${pad(+m[2]!)}-${pad(+m[1]!)}`;
  // 6/8/2018 is 8 June in the US and 6 August elsewhere: only accept it when one reading is impossible.
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t))) {
    const a = +m[1]!;
    const b = +m[2]!;
    if (a > 12 && b <= 12) return `${m[3]}-${pad(b)}-${pad(a)}`;
    if (b > 12 && a <= 12) return `${m[3]}-${pad(a)}-${pad(b)}`;
    if (a === b) return `${m[3]}-${pad(a)}-${pad(b)}`;
    return { error: `"${text}" could be day/month or month/day: write it as ${m[3]}-${pad(b)}-${pad(a)} or ${m[3]}-${pad(a)}-${pad(b)}` };
  }
  // Q2 2018, 2018 Q2, H1 2018
  if ((m = /^([qh])([1-4]) (\d{4})$/.exec(t)) || (m = /^(\d{4}) ([qh])([1-4])$/.exec(t))) {
    const [kind, n, y] = /^\d/.test(m[1]!) ? [m[2]!, m[3]!, m[1]!] : [m[1]!, m[2]!, m[3]!];
    if (kind === 'h' && +n > 2) return { error: `there is no half H${n}` };
    return `${y}-${kind.toUpperCase()}${n}`;
  }
  // 2010s, 1990er, années 1990
  if ((m = /^(?:années |the )?(\d{3})0(?:s|er|er jahre)$/.exec(t)) || (m = /^années (\d{3})0$/.exec(t))) return m[1]!;
  const words = t.replace(/,/g, ' ').replace(/\s+/g, ' ').trim().split(' ');
  // season + year
  if (words.length === 2 && SEASONS[words[0]!] && year(words[1]!)) return `${words[1]}-${SEASONS[words[0]!]}`;
  if (words.length === 3 && ['im', 'en', 'in'].includes(words[0]!) && SEASONS[words[1]!] && year(words[2]!)) return `${words[2]}-${SEASONS[words[1]!]}`;
  // month year / day month year / month day year; Arabic two-word month names ("كانون الثاني 2018") too.
  const joined = words.join(' ');
  for (const [name, month] of Object.entries(MONTHS)) {
    if (!name.includes(' ') || !joined.includes(name)) continue;
    return parseMonthWords(joined.replace(name, String(`M${month}`)).split(' '), text);
  }
  return parseMonthWords(words, text);
}

function parseMonthWords(words: string[], text: string): string | { error: string } | null {
  const month = (w: string): number | undefined => (/^M\d+$/.test(w) ? +w.slice(1) : monthOf(w));
  const day = (w: string): number | null => (/^\d{1,2}\.?$/.test(w) ? parseInt(w, 10) : null);
  const clean = words.filter((w) => !['of', 'de', 'du', 'the', 'le', 'der', 'den', 'am', 'في'].includes(w));
  let y: number | null = null;
  let mo: number | undefined;
  let d: number | null = null;
  if (clean.length === 2) {
    mo = month(clean[0]!);
    y = year(clean[1]!);
  } else if (clean.length === 3) {
    if (day(clean[0]!) !== null && month(clean[1]!) !== undefined) {
      d = day(clean[0]!);
      mo = month(clean[1]!);
    } else if (month(clean[0]!) !== undefined && day(clean[1]!) !== null) {
      mo = month(clean[0]!);
      d = day(clean[1]!);
    }
    y = year(clean[2]!);
  }
  if (mo === undefined || y === null) return null;
  if (d === null) return `${y}-${pad(mo)}`;
  const bad = checkDay(y, mo, d);
  return bad ? { error: `"${text}": ${bad}` } : `${y}-${pad(mo)}-${pad(d)}`;
}

export function parseDateInput(input: string): ParsedDate {
  const text = normalise(input);
  if (!text) return { ok: false, error: 'a date is required (for example 2018-06-08, 2018-06, June 2018 or 2018)' };
  const upper = text.toUpperCase();
  if (TIMEX.test(upper) || DURATION.test(upper) || VAGUE.test(upper)) {
    const bad = checkTimex(upper);
    return bad ? { ok: false, error: bad } : precisionOf(upper);
  }
  let rest = text.toLowerCase();
  let mod: TimexMod | undefined;
  for (const [re, m] of MODS) {
    if (re.test(rest)) {
      mod = m;
      rest = rest.replace(re, '');
      break;
    }
  }
  if (mod && (TIMEX.test(rest.toUpperCase()) || /^\d{4}$/.test(rest))) {
    const bad = checkTimex(rest.toUpperCase());
    return bad ? { ok: false, error: bad } : { ...precisionOf(rest.toUpperCase()), mod };
  }
  const friendly = parseFriendly(rest);
  if (friendly === null) return { ok: false, error: `"${input.trim()}" is not a date Chronolens can read: use 2018-06-08, 2018-06, June 2018, 2018-Q2, 2016-SU or 2018` };
  if (typeof friendly !== 'string') return { ok: false, error: friendly.error };
  const bad = checkTimex(friendly);
  if (bad) return { ok: false, error: bad };
  return { ...precisionOf(friendly), ...(mod ? { mod } : {}) };
}
