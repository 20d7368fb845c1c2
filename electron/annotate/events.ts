/**
 * Events: a dated statement is one event, linked to its sentence, with the entities and money amounts it names
 * and a short label that reads in a mixed-language timeline: `entity · action · amount`.
 *
 * The date: among the sentence's calendar dates (durations and vague references never date an event), the one
 * governing the main clause. Dates that only frame a figure ("in the year ending 31 March 2018", "في السنة
 * المنتهية في ٣١ مارس ٢٠١٨", "im Geschäftsjahr bis") or open a "since/until" clause are passed over when another
 * date is there; when the frame is all there is, the event is kept with role `context`. A range ("from May to
 * July", "zwischen Mai und Juli", "من مايو إلى يوليو") is dated by its start and exposes its end as `date.to`.
 * Otherwise the most precise date wins (a day beats a month beats a year), then the earliest.
 *
 * A lead sentence often gives the figure and the next one the date ("… ١٤ مليار دولار في جولة تمويل …. وسوف يتم
 * إنفاق الأموال …، وفقًا لإعلان الشركة اليوم، ٨ يونيو"): a dated sentence without an amount takes the amounts and
 * entities of the undated sentence just before it in the same paragraph.
 *
 * A sentence states more than one thing when a coordinated clause carries a date of its own ("launched in early
 * summer 2016, and went on to hire experts the following year"): each such clause is an event too, on the same
 * sentence, told apart by `part` (where its date starts).
 */
import type { Amount, Certainty, ChronoEvent, EntityType, EventDate, Lang, Published, Timex } from '../../shared/model';
import { applyMod, timexInterval } from '../../shared/timex';
import { ACTION_LABEL, actionsIn, mainAction, refersToOrganisation, type ActionId } from './actions/index';
import { chooseActor, type PlacedMention } from './actor';
import { formatMoney } from './amounts';
import type { EntityMention } from './entities/match-entities';
import type { SentenceSpan } from './sentences';
import { stripArticle, tokenize, type Token } from './text-tokens';

const PRECISION_RANK: Record<string, number> = { day: 0, week: 1, month: 2, season: 3, quarter: 3, half: 4, year: 5, decade: 6 };
// An explicit year in the expression itself, in any digit script.
const EXPLICIT_YEAR = /(?:^|[^\d\u0660-\u0669\u06F0-\u06F9])[12\u0661\u0662\u06F1\u06F2][\d\u0660-\u0669\u06F0-\u06F9]{3}(?![\d\u0660-\u0669\u06F0-\u06F9])/;

export function isDatingTimex(t: Timex): boolean {
  // A year, or at least a month, week, quarter or season of an unknown year ("XXXX-06"); never "XXXX" or "XXXX-XX".
  return (t.type === 'DATE' || t.type === 'TIME') && (/^\d{3,4}/.test(t.value) || /^X{4}-(?:\d{2}|W\d{2}|Q\d|H\d|SP|SU|FA|WI)/.test(t.value));
}

/** How sure we are of a resolved value: read from the text, derived from the publication date, or guessed. */
export function certaintyOf(t: Timex, published: Published): Certainty {
  if (/X/.test(t.value)) return 'uncertain';
  if (EXPLICIT_YEAR.test(t.text)) return 'stated';
  // Derived from a publication date that was stated or inferred with quoted evidence: inferred. From a guessed one:
  // uncertain (interfaces.md §4).
  return published.value && published.certainty !== 'uncertain' ? 'inferred' : 'uncertain';
}

function rank(t: Timex): number {
  const iv = timexInterval(t.value);
  if (iv) return PRECISION_RANK[iv.precision] ?? 9;
  // Unknown year: rank by the parts that are known ("XXXX-06-08" is still a day).
  if (/^X{4}-\d{2}-\d{2}/.test(t.value)) return 0;
  if (/^X{4}-W\d{2}/.test(t.value)) return 1;
  if (/^X{4}-\d{2}$/.test(t.value)) return 2;
  return 8;
}

function clip(sentence: string, max: number): string {
  const s = sentence.replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,،;:]+$/, '')}…`;
}

// ---------------------------------------------------------------- framing words (normalised token keys)

const phrase = (s: string): string[] => tokenize(s).map(key);
function key(t: Token): string {
  return t.arabic ? stripArticle(t.norm) : t.norm;
}

/** Words before a date that make it the frame of a figure rather than the time of the statement. */
const FRAMES: string[][] = [
  'السنة المنتهية', 'العام المنتهي', 'السنة المالية', 'العام المالي', 'الربع المنتهي',
  'Geschäftsjahr', 'Geschäftsjahres', 'Jahr bis', 'Quartal bis', 'Stichtag',
  'exercice', 'année se terminant', 'année close', 'exercice clos', 'année fiscale',
  'year ending', 'year ended', 'fiscal year', 'financial year', 'quarter ended', 'quarter ending', 'as of', 'as at',
].map(phrase);
/** Words opening a clause whose date is not the statement's own. */
const SUBORDINATE = new Set(['since', 'until', 'seit', 'depuis', 'jusqu', 'منذ', 'حتي'].map((w) => phrase(w)[0]!));
const RANGE_WORDS = new Set(['-', '–', '—', 'to', 'until', 'till', 'through', 'bis', 'au', 'a', 'الي', 'حتي'].map((w) => phrase(w)[0]!));
const AND_WORDS = new Set(['and', 'und', 'et', 'و'].map((w) => phrase(w)[0]!));
const BETWEEN = new Set(['between', 'zwischen', 'entre', 'بين'].map((w) => phrase(w)[0]!));

/** Index of the first token starting at or after offset x (binary search). */
function tokenAt(tokens: Token[], x: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Token index range [a, b) of the tokens inside [start, end), by binary search. */
function tokenRange(tokens: Token[], start: number, end: number): [number, number] {
  return [tokenAt(tokens, start), tokenAt(tokens, end)];
}

/** FRAMES by first word: the frame test looks up only the phrases a word can start. */
const FRAMES_BY_FIRST = new Map<string, string[][]>();
for (const f of FRAMES) FRAMES_BY_FIRST.set(f[0]!, [...(FRAMES_BY_FIRST.get(f[0]!) ?? []), f]);

/** Whether one of FRAMES ends before token `at`, starting within `window` tokens of it (and in the sentence). */
function framedAt(tokens: Token[], sentenceFrom: number, at: number, window: number): boolean {
  const from = Math.max(sentenceFrom, at - window);
  for (let i = from; i < at; i++) {
    const starting = FRAMES_BY_FIRST.get(key(tokens[i]!));
    if (!starting) continue;
    for (const f of starting) {
      if (i + f.length > at) continue;
      let k = 1;
      while (k < f.length && key(tokens[i + k]!) === f[k]) k++;
      if (k === f.length) return true;
    }
  }
  return false;
}

/** Whether a word of `words` stands among the `window` tokens before token `at` (and in the sentence). */
function wordBefore(tokens: Token[], sentenceFrom: number, at: number, window: number, words: ReadonlySet<string>): boolean {
  for (let i = Math.max(sentenceFrom, at - window); i < at; i++) if (words.has(key(tokens[i]!))) return true;
  return false;
}

// ---------------------------------------------------------------- building

export interface EventContext {
  lang: Lang;
  /** The document's tokens (text-tokens.ts); computed when absent. */
  tokens?: Token[];
  amounts: Array<Omit<Amount, 'doc'>>;
  mentions: EntityMention[];
  /** Name and type of a catalog entity. */
  entity: (id: string) => { name: string; type: EntityType } | undefined;
}

interface DateChoice {
  t: Timex;
  index: number;
  role: 'headline' | 'context';
  to?: Timex;
}

type DateUnit = { t: Timex; index: number; to?: Timex };

/** The sentence's dating timexes as statements' dates: a range ("from May to July") is one unit, dated by its start. */
function dateUnits(tokens: Token[], sentFrom: number, dating: Array<{ t: Timex; index: number }>): DateUnit[] {
  const units: DateUnit[] = [];
  for (let k = 0; k < dating.length; k++) {
    const a = dating[k]!;
    const b = dating[k + 1];
    if (b) {
      const [ga, gb] = tokenRange(tokens, a.t.end, b.t.start);
      const between = tokens.slice(ga, gb).map(key);
      const dashOrTo = between.length === 1 && RANGE_WORDS.has(between[0]!);
      const andBetween = between.length === 1 && AND_WORDS.has(between[0]!) && wordBefore(tokens, sentFrom, tokenAt(tokens, a.t.start), 2, BETWEEN);
      if (dashOrTo || andBetween) {
        units.push({ ...a, to: b.t });
        k++;
        continue;
      }
    }
    units.push(a);
  }
  return units;
}

function chooseDate(tokens: Token[], sentFrom: number, units: DateUnit[]): DateChoice | null {
  if (units.length === 0) return null;
  // Each unit's frame and clause tests and precision, once.
  const framed: boolean[] = [];
  const ranks: number[] = [];
  const main: number[] = [];
  const unframed: number[] = [];
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    const p = tokenAt(tokens, u.t.start);
    framed.push(framedAt(tokens, sentFrom, p, 6));
    ranks.push(rank(u.t));
    if (framed[k]) continue;
    unframed.push(k);
    if (!wordBefore(tokens, sentFrom, p, 2, SUBORDINATE)) main.push(k);
  }
  const pool = main.length ? main : unframed.length ? unframed : units.map((_, k) => k);
  let best = pool[0]!;
  for (const k of pool) if (ranks[k]! < ranks[best]!) best = k;
  const u = units[best]!;
  return { t: u.t, index: u.index, role: framed[best] ? 'context' : 'headline', ...(u.to ? { to: u.to } : {}) };
}

/** Punctuation that can end a coordinated clause, and the words that open the next one after it. */
const CLAUSE_PUNCT = new Set([',', '،', ';', '؛']);
const COORDINATORS = new Set(['and', 'then', 'but', 'und', 'dann', 'aber', 'et', 'puis', 'mais', 'ثم', 'لكن'].map((w) => phrase(w)[0]!));

/**
 * Where a coordinated clause opens at token i: after a comma or semicolon, a coordinating word ("and", "und", "et",
 * "puis") or an Arabic word with the conjunction و/ف attached ("، واستمرت", "، وفي العام التالي"); a semicolon alone
 * also does. Lists of dates ("2016, 2017 and 2018") have no such opening after their commas.
 */
function opensClause(tokens: Token[], i: number): boolean {
  const p = tokens[i];
  if (!p || p.kind !== 'sym' || !CLAUSE_PUNCT.has(p.norm)) return false;
  if (p.norm === ';' || p.norm === '؛') return true;
  const w = tokens[i + 1];
  if (!w || w.kind !== 'word') return false;
  return COORDINATORS.has(key(w)) || (w.arabic === true && /^[وف][\u0621-\u064A]{3,}/.test(w.norm));
}

/**
 * Further dated statements of one sentence: "وفي وقتٍ مبكر من صيف عام ٢٠١٦، أطلقت … ، واستمرت لتوظيف خبراء … في
 * العام التالي" states a launch (summer 2016) and hiring (2017). A date counts when it is the headline kind (not a
 * frame, not a since/until clause), differs from the sentence's date, and sits in a coordinated clause of its own.
 * Each comes with its clause's token range [from, to).
 */
function furtherStatements(tokens: Token[], tf: number, tt: number, units: DateUnit[], choice: DateChoice): Array<{ unit: DateUnit; from: number; to: number }> {
  if (units.length < 2) return [];
  const opens: number[] = [];
  for (let i = tf; i < tt; i++) if (opensClause(tokens, i)) opens.push(i + 1);
  if (opens.length === 0) return [];
  /** The clause a token is in: its index among the clause openings. */
  const clauseOf = (at: number): number => {
    let c = 0;
    while (c < opens.length && opens[c]! <= at) c++;
    return c;
  };
  const taken = new Set([clauseOf(tokenAt(tokens, choice.t.start))]);
  const out: Array<{ unit: DateUnit; from: number; to: number }> = [];
  for (const u of units) {
    if (u.index === choice.index || u.t.value === choice.t.value) continue;
    const p = tokenAt(tokens, u.t.start);
    if (framedAt(tokens, tf, p, 6) || wordBefore(tokens, tf, p, 2, SUBORDINATE)) continue;
    const c = clauseOf(p);
    if (taken.has(c)) continue;
    taken.add(c);
    out.push({ unit: u, from: c === 0 ? tf : opens[c - 1]!, to: c < opens.length ? opens[c]! - 1 : tt });
  }
  return out;
}

function eventDate(c: DateChoice, published: Published): EventDate {
  const iv = timexInterval(c.t.value);
  const narrowed = iv ? applyMod(iv, c.t.mod) : null;
  return {
    value: c.t.value,
    ...(c.t.mod ? { mod: c.t.mod } : {}),
    certainty: certaintyOf(c.t, published),
    ...(narrowed ? { start: narrowed.start, end: narrowed.end } : {}),
    ...(c.to ? { to: c.to.value } : {}),
  };
}

interface SentenceFacts {
  amounts: number[];
  entities: string[];
  actions: Set<ActionId>;
  /** Where each action's words start (token indexes). */
  triggers: Map<ActionId, number[]>;
  /** Catalog mentions by token position, in text order. */
  placed: PlacedMention[];
  dated: boolean;
}

function label(facts: { amounts: number[]; action: ActionId | null; actor: string | null }, sentence: string, ctx: EventContext): string {
  const actor = facts.actor ? ctx.entity(facts.actor)?.name : undefined;
  const money = facts.amounts.map((i) => ctx.amounts[i]!).sort((a, b) => (b.max ?? b.value) - (a.max ?? a.value))[0];
  const amount = money ? formatMoney(money.value, money.currency, money.max) : null;
  if (facts.action) return [actor, ACTION_LABEL[facts.action], amount].filter(Boolean).join(' · ');
  const head = [actor, amount].filter(Boolean).join(' · ');
  return head ? `${head} · ${clip(sentence, 48)}` : clip(sentence, 72);
}

/** Token ranges of [tf, tt) outside the further statements' clauses. */
function gaps(tf: number, tt: number, further: ReadonlyArray<{ from: number; to: number }>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let at = tf;
  for (const f of [...further].sort((a, b) => a.from - b.from)) {
    if (f.from > at) out.push([at, f.from]);
    at = Math.max(at, f.to);
  }
  if (at < tt) out.push([at, tt]);
  return out;
}

/** Actions, mentions and amounts of some token ranges of a sentence (one statement's clauses). */
function clauseFacts(
  tokens: Token[],
  c: EventContext,
  ranges: ReadonlyArray<[number, number]>,
  amounts: readonly number[],
  placed: readonly PlacedMention[],
  within: (from: number, to: number) => boolean,
): { amounts: number[]; entities: string[]; actions: Set<ActionId>; placed: PlacedMention[]; triggers: Map<ActionId, number[]> } {
  const triggers = new Map<ActionId, number[]>();
  const actions = new Set<ActionId>();
  for (const [a, b] of ranges) for (const act of actionsIn(tokens, a, b, c.lang, triggers)) actions.add(act);
  const ownPlaced = placed.filter((m) => within(m.first, m.last + 1));
  const ownAmounts = amounts.filter((i) => {
    const [a, b] = tokenRange(tokens, c.amounts[i]!.start, c.amounts[i]!.end);
    return within(a, b);
  });
  return { amounts: ownAmounts, entities: [...new Set(ownPlaced.map((m) => m.id))], actions, placed: ownPlaced, triggers };
}

export function buildEvents(docId: string, text: string, sentences: SentenceSpan[], timexes: Timex[], published: Published, ctx?: EventContext): ChronoEvent[] {
  const c: EventContext = ctx ?? { lang: 'und', amounts: [], mentions: [], entity: () => undefined };
  const tokens = c.tokens ?? tokenize(text);
  const events: ChronoEvent[] = [];
  let ti = 0;
  let ai = 0;
  let mi = 0;
  let prev: { span: SentenceSpan; facts: SentenceFacts } | null = null;
  /** The first organisation named by each of the last two sentences (null: none), for "the company" (actor.ts). */
  let leadOrgs: [string | null, string | null] = [null, null];
  for (const s of sentences) {
    while (ti < timexes.length && timexes[ti]!.start < s.start) ti++;
    const dating: Array<{ t: Timex; index: number }> = [];
    for (let j = ti; j < timexes.length && timexes[j]!.start < s.end; j++) if (isDatingTimex(timexes[j]!)) dating.push({ t: timexes[j]!, index: j });
    while (ai < c.amounts.length && c.amounts[ai]!.start < s.start) ai++;
    const amounts: number[] = [];
    for (let j = ai; j < c.amounts.length && c.amounts[j]!.start < s.end; j++) amounts.push(j);
    while (mi < c.mentions.length && c.mentions[mi]!.start < s.start) mi++;
    const [tf, tt] = tokenRange(tokens, s.start, s.end);
    const entities: string[] = [];
    const placed: PlacedMention[] = [];
    for (let j = mi; j < c.mentions.length && c.mentions[j]!.start < s.end; j++) {
      const m = c.mentions[j]!;
      if (!entities.includes(m.entity)) entities.push(m.entity);
      const type = c.entity(m.entity)?.type;
      if (type) {
        const [first, end] = tokenRange(tokens, m.start, m.end);
        placed.push({ id: m.entity, type, first, last: Math.max(first, end - 1) });
      }
    }
    const triggers = new Map<ActionId, number[]>();
    const facts: SentenceFacts = { amounts, entities, actions: actionsIn(tokens, tf, tt, c.lang, triggers), triggers, placed, dated: dating.length > 0 };
    const antecedent = leadOrgs[1] ?? leadOrgs[0];
    leadOrgs = [leadOrgs[1], placed.find((m) => m.type === 'ORG')?.id ?? null];

    const units = dateUnits(tokens, tf, dating);
    const choice = chooseDate(tokens, tf, units);
    if (choice) {
      const further = furtherStatements(tokens, tf, tt, units, choice);
      // The sentence's own statement keeps what lies outside the further ones' clauses.
      const outside = (from: number, to: number): boolean => !further.some((f) => from >= f.from && to <= f.to);
      const own = further.length ? clauseFacts(tokens, c, gaps(tf, tt, further), amounts, placed, outside) : { amounts, entities, actions: facts.actions, placed, triggers };
      let use = own;
      // The lead sentence's figure, dated by this one (lead undated, no figure here): in the same paragraph, or in
      // the next one when this sentence refers back to the lead's organisation ("Tencent va consacrer près de 70
      // milliards …" ¶ "Reuters a rapporté le 26 mai que la société …").
      const sameParagraph = prev !== null && !/[\n\r]/.test(text.slice(prev.span.end, s.start));
      const refersBack = prev !== null && prev.facts.placed.some((m) => m.type === 'ORG') && refersToOrganisation(tokens, tf, tt, c.lang);
      if (amounts.length === 0 && prev && !prev.facts.dated && prev.facts.amounts.length > 0 && (sameParagraph || refersBack)) {
        const lead = prev.facts;
        use = {
          amounts: lead.amounts,
          entities: [...lead.entities, ...entities.filter((e) => !lead.entities.includes(e))],
          actions: new Set([...lead.actions, ...facts.actions]),
          placed: [...lead.placed, ...placed],
          triggers: new Map([...new Set([...lead.triggers.keys(), ...triggers.keys()])].map((a) => [a, [...(lead.triggers.get(a) ?? []), ...(triggers.get(a) ?? [])]])),
        };
      }
      const action = mainAction(use.actions);
      const actor = chooseActor({
        action,
        mentions: use.placed,
        triggers: action ? (use.triggers.get(action) ?? []) : [],
        tokens,
        antecedent: () => (antecedent && refersToOrganisation(tokens, tf, tt, c.lang) ? antecedent : null),
      });
      // An actor borrowed from the sentences before is one of the event's entities too (filters, linking).
      const eventEntities = actor?.borrowed && !use.entities.includes(actor.id) ? [...use.entities, actor.id] : use.entities;
      const sentence = text.slice(s.start, s.end);
      events.push({
        id: `${docId}-e${s.start}`,
        doc: docId,
        start: s.start,
        end: s.end,
        text: sentence,
        label: label({ amounts: use.amounts, action, actor: actor?.id ?? null }, sentence, c),
        date: eventDate(choice, published),
        timex: choice.index,
        role: choice.role,
        entities: eventEntities,
        amounts: use.amounts,
        edited: false,
      });
      for (const f of further) {
        const inside = (from: number, to: number): boolean => from >= f.from && to <= f.to;
        const clause = clauseFacts(tokens, c, [[f.from, f.to]], amounts, placed, inside);
        const clauseAction = mainAction(clause.actions);
        // A clause without a subject of its own ("، واستمرت لتوظيف …": and it went on to hire) continues the
        // sentence's actor.
        const clauseActor =
          chooseActor({ action: clauseAction, mentions: clause.placed, triggers: clauseAction ? (clause.triggers.get(clauseAction) ?? []) : [], tokens, antecedent: () => null }) ??
          (actor ? { id: actor.id, borrowed: true } : null);
        const clauseText = text.slice(tokens[f.from]?.start ?? s.start, tokens[f.to - 1]?.end ?? s.end);
        const part = f.unit.t.start - s.start;
        events.push({
          id: `${docId}-e${s.start}-${part}`,
          doc: docId,
          start: s.start,
          end: s.end,
          text: sentence,
          part,
          label: label({ amounts: clause.amounts, action: clauseAction, actor: clauseActor?.id ?? null }, clauseText, c),
          date: eventDate({ t: f.unit.t, index: f.unit.index, role: 'headline', ...(f.unit.to ? { to: f.unit.to } : {}) }, published),
          timex: f.unit.index,
          role: 'headline',
          entities: clauseActor && !clause.entities.includes(clauseActor.id) ? [...clause.entities, clauseActor.id] : clause.entities,
          amounts: clause.amounts,
          edited: false,
        });
      }
    }
    prev = { span: s, facts };
  }
  return events;
}
