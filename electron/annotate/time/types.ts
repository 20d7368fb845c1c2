/**
 * Shapes shared by the temporal tagger's engine and its language packs.
 * A pack is plain data: words (as written; the engine normalises them) mapped to meanings.
 */
import type { Lang, TimexMod } from '../../../shared/model';

export type Unit = 'D' | 'W' | 'M' | 'Q' | 'H' | 'Y';
export type Season = 'SP' | 'SU' | 'FA' | 'WI';
export type Vague = 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF';

/**
 * A holiday as data. Exactly one way of finding it in a Gregorian year:
 * - month/day: fixed date ("weekend": 'nearest' moves Sat/Sun to Fri/Mon, 'sunBack' moves Sunday to Saturday);
 * - easter: days after Western (or Orthodox) Easter Sunday;
 * - nth + wd + month: the nth (-1 = last) weekday of a month (Thanksgiving, Memorial Day);
 * - cal + cmonth + day: a date in the Islamic (Umm al-Qura), Hebrew or Chinese calendar, found with Intl.
 * `offset` adds days (Black Friday = Thanksgiving + 1).
 */
export interface Holiday {
  month?: number;
  day?: number;
  easter?: number;
  orthodox?: boolean;
  nth?: number;
  wd?: number;
  cal?: 'hijri' | 'hebrew' | 'chinese';
  /** Month in that calendar: Hijri/Chinese number, Hebrew English month name(s) as Intl writes them ("Tishri", "Adar|Adar II"). */
  cmonth?: number | string;
  offset?: number;
  /** Then the last such weekday strictly before (Jumu'atul-Wida: the Friday before Eid al-Fitr). */
  prevWd?: number;
  weekend?: 'nearest' | 'sunBack';
  /** Israeli rules that move Yom HaAtzmaut and Yom HaShoah off Friday/Saturday/Sunday/Monday. */
  israel?: 'atzmaut' | 'shoah';
}

/** What a word (or a fixed multi-word phrase) can mean. A token may carry several of these. */
export interface Feature {
  month?: number; // 1..12
  /** The month word is also an ordinary word ("may", "march", Arabic "آب"): needs a day, year or cue nearby. */
  ambiguous?: boolean;
  weekday?: number; // 1 = Monday .. 7 = Sunday
  season?: Season;
  unit?: Unit;
  invariant?: boolean; // same form in singular and plural ("mois", "عاما"): counts of any size
  plural?: boolean; // plural unit noun: needs a count, never "last years" as a date
  /** Arabic dual nouns carry their own count ("عامين" = two years). */
  count?: number;
  num?: number; // cardinal number word
  quant?: boolean; // "several", "mehrere", "plusieurs", "عدة": an unknown count
  ord?: number; // ordinal word (first = 1)
  ordTeen?: boolean; // Arabic "عشر/عشرة" after an ordinal adds ten
  last?: boolean; // "last"/"letzte" in "the last Monday of": also an ordinal (-1) in some constructions
  rel?: number; // deictic offset relative to the reference date: last = -1, this = 0, next = +1
  anaph?: number; // offset relative to the last date mentioned: following = +1, same/that = 0, previous = -1
  dayWord?: number; // yesterday = -1, today = 0, tomorrow = +1
  /** Single words meaning "<offset> <unit>s from <base>", e.g. Vorjahr, lendemain. */
  shift?: { unit: Unit; n: number; base: 'ref' | 'anchor' };
  mod?: TimexMod;
  vague?: Vague;
  holiday?: Holiday;
  yearWord?: boolean; // "year" noun that may precede a numeric year: "عام 2017", "im Jahr 2017", "l'an 2000"
  monthNoun?: boolean; // "شهر مايو", "mois de juin"
  dayNoun?: boolean; // "يوم الاثنين"
  cue?: 'strong' | 'weak'; // prepositions that make a following number a year ("in 2017"; weak: "from", "of")
  connector?: boolean; // range connectors: to, bis, und, à, إلى, -
  filler?: boolean; // articles/prepositions that may sit between parts of one expression
  agoBefore?: boolean; // "vor", "قبل", "il y a" + amount
  agoAfter?: boolean; // amount + "ago"
  hence?: boolean; // amount + "from now", "hence": that far in the future
  afterNext?: boolean; // "after next", "nach dem nächsten": one more week (or year) after the next one
  later?: number; // after "<count> <unit>": from the last date mentioned, +1 later, -1 earlier (LangPack.laterWords)
  /** "upcoming" in "the upcoming two weeks" / "two upcoming weeks": the unit that many steps ahead (a date, not a span). */
  countAhead?: boolean;
  /** Plural weekday ("Fridays") in a language with weekdayCountDir: only used in "3 Fridays from now". */
  wdPlural?: number;
  inFuture?: boolean; // "in", "dans", "بعد" + amount = that far in the future
  future?: boolean; // future tense marker
  past?: boolean; // past tense marker
  decadeWord?: boolean; // "années" in "les années 90"
  century?: boolean; // "century", "Jahrhundert", "siècle"
}

export interface PhraseEntry {
  /** Written naturally; tokenised and normalised by the engine. */
  text: string;
  feat: Feature;
}

/** One language, as data. */
export interface LangPack {
  lang: Lang;
  months: Record<string, number>;
  ambiguousMonths?: string[];
  weekdays: Record<string, number>;
  seasons: Record<string, Season>;
  ambiguousSeasons?: string[];
  /** Singular unit nouns ("year", "Jahr", "année", "عام"). */
  units: Record<string, Unit>;
  /** Plural unit nouns ("years", "Jahren", "années", "سنوات"): used with counts only. */
  pluralUnits: Record<string, Unit>;
  dualUnits?: Record<string, Unit>;
  numbers: Record<string, number>;
  quantifiers?: string[];
  ordinals: Record<string, number>;
  ordinalTeens?: string[];
  /** Letters glued to a digit that make it an ordinal: st/nd/rd/th, er/e/ème, te/ten. */
  ordinalSuffixes: string[];
  /** Letters glued to a 4-digit year that make it a decade: "1990s", "1990er". */
  decadeSuffixes?: string[];
  rel: Record<string, number>;
  anaph: Record<string, number>;
  dayWords: Record<string, number>;
  shifts?: Record<string, { unit: Unit; n: number; base: 'ref' | 'anchor' }>;
  mods: Record<string, TimexMod>;
  vague: Record<string, Vague>;
  yearWords: string[];
  monthNouns?: string[];
  dayNouns?: string[];
  strongCues: string[];
  weakCues: string[];
  connectors: string[];
  fillers: string[];
  agoBefore: string[];
  agoAfter: string[];
  inFuture: string[];
  futureMarkers: string[];
  /** Verb endings that mark the future tense (French "-era", "-ront"); checked on words of 4+ letters. */
  futureEndings?: string[];
  futureEndingExceptions?: string[];
  /**
   * Arabic: a future verb is a present verb with the prefix سـ (سيعلن، ستبدأ، سيتم، سنقوم). Checked on words of 4+
   * letters after conjunction clitics: the prefix, then a letter that is not alif (سيارة، سياسة), and no noun ending.
   */
  futurePrefixes?: string[];
  futurePrefixNounEndings?: string[];
  pastMarkers?: string[];
  /** Verb endings that mark the past ("-ed", French imparfait "-ait"); checked on words of 5+ letters. */
  pastEndings?: string[];
  decadeWords?: string[];
  centuryWords?: string[];
  /** Holidays: fixed dates or offsets from Easter Sunday; keys may be several words. */
  holidays?: Record<string, Holiday>;
  /** Multi-word fixed expressions: "day before yesterday", "il y a", "aujourd'hui", "وقت مبكر من". */
  phrases: PhraseEntry[];
  /** "next Friday" is Friday of next week (English), not the nearest Friday ahead. */
  nextWeekdayNextWeek?: boolean;
  /** Amount + these: that far in the future ("three weeks hence", "two years from now"). */
  hence?: string[];
  /** After these auxiliaries, a bare year before a lower-case past participle is a date ("wurde 2012 gegründet"). */
  yearBeforeParticiple?: string[];
  /** Phrases meaning "after next". */
  afterNext?: string[];
  /**
   * After "<count> <unit>", words or phrases that count from the last date mentioned: +1 later ("two years later",
   * "zwei Jahre später", "deux ans plus tard"), -1 earlier ("zwei Jahre zuvor", "deux ans auparavant").
   */
  laterWords?: Record<string, number>;
  /** Words that turn "<count> <unit>" into the unit that many steps ahead: "upcoming two weeks", "2 upcoming weeks". */
  countAhead?: string[];
  /**
   * After "<count> <plural weekday>": the direction, keyed by the following word or two words as normalised
   * ("from now": +1, "ago"/"back": -1). "3 Fridays from now" = the third Friday after the reference date.
   */
  weekdayCountDir?: Record<string, number>;
  /** Prepositions that may stand for "of" before a month: "the first Monday in March", "the last day in the month". */
  monthWithin?: string[];
  /** After a holiday: "<word> <count> <unit>" picks the occurrence in the year that far ahead ("Thanksgiving in 3 years"). */
  holidayIn?: string[];
  /** Words or two-word phrases after a holiday and "<count> <unit>" meaning ahead: "Thanksgiving 9 months from now". */
  holidayHence?: string[];
  /** "<count> days|weeks <word> <dated day>": +1 after, -1 before ("three days after Easter", "two weeks before May 3"). */
  offsetWords?: Record<string, number>;
  /** After a weekday and a strong cue, words that add days: French "lundi en huit" (+7), "en quinze" (+14). */
  weekLater?: Record<string, number>;
  /** "dd mm yyyy" and "le dd mm" written with spaces (French). */
  spaceDates?: boolean;
  /** Day-first (most of the world) or month-first (US) slash dates. */
  monthFirstSlash?: boolean;
  /** Arabic: strip attached clitics (و ف ب ل ك) when looking words up. */
  clitics?: boolean;
}
