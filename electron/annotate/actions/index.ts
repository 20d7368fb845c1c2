/**
 * The main action of a sentence, from a small per-language lexicon of news actions (one file per language).
 * When several occur, the more specific financial action wins (ACTION_ORDER): "pulled the plug on the $37 bn
 * listing" is an IPO story before it is a regulator story.
 */
import type { EntityType, Lang } from '../../../shared/model';
import { arabicCores, stripArticle, tokenize, type Token } from '../text-tokens';
import { AR, AR_ORG_NOUNS } from './ar';
import { DE, DE_ORG_NOUNS } from './de';
import { EN, EN_ORG_NOUNS } from './en';
import { FR, FR_ORG_NOUNS } from './fr';
import type { ActionId, ActionWords } from './types';

export type { ActionId } from './types';

export const ACTION_ORDER: readonly ActionId[] = ['funding', 'ipo', 'invest', 'budget', 'valuation', 'richest', 'patent', 'test', 'launch', 'order', 'propose', 'hire', 'announce', 'report', 'speak', 'publish'];

export const ACTION_LABEL: Record<ActionId, string> = {
  funding: 'funding round', ipo: 'IPO', invest: 'investment', budget: 'budget', valuation: 'valuation', richest: 'richest',
  patent: 'patents', test: 'test', launch: 'launch', order: "regulators' order", propose: 'proposal', hire: 'hiring',
  announce: 'announcement', report: 'report', speak: 'statement', publish: 'publication',
};

/**
 * Who can be the actor of an action, in tiers: the label names the first mention (in sentence order) of the first
 * tier that has one. A person speaks (else an organisation does); only an organisation raises a funding round, goes
 * public or is valued (`only`: never a person or place, so "after its founder Jack Ma criticised officials" does not
 * make Jack Ma the IPO's actor). Default: an organisation or a person, else whatever entity is named.
 */
export interface ActorRule {
  tiers: ReadonlyArray<readonly EntityType[]>;
  only?: boolean;
}
export const DEFAULT_ACTORS: ActorRule = { tiers: [['ORG', 'PERSON']] };
export const ACTION_ACTORS: Partial<Record<ActionId, ActorRule>> = {
  funding: { tiers: [['ORG']], only: true },
  ipo: { tiers: [['ORG']], only: true },
  valuation: { tiers: [['ORG']], only: true },
  hire: { tiers: [['ORG'], ['ORG', 'PERSON']] },
  speak: { tiers: [['PERSON'], ['ORG', 'PERSON']] },
  richest: { tiers: [['PERSON'], ['ORG', 'PERSON']] },
};

/** Saying, reporting, announcing, publishing: the actor is who says it, the entity right next to the verb. */
export const COMMUNICATION: ReadonlySet<ActionId> = new Set<ActionId>(['report', 'announce', 'speak', 'publish']);

interface Lexicon {
  /** First token key → phrases (token keys) with their action. */
  phrases: Map<string, Array<{ keys: string[]; action: ActionId }>>;
  /** Word prefixes by their first character, in lexicon order: a word is tested against the few that can match. */
  prefixesByFirst: Map<string, Array<{ prefix: string; action: ActionId }>>;
}

const key = (t: Token): string => (t.arabic ? stripArticle(t.norm) : t.norm);

function compile(words: ActionWords): Lexicon {
  const lex: Lexicon = { phrases: new Map(), prefixesByFirst: new Map() };
  for (const action of ACTION_ORDER) {
    for (const w of words[action] ?? []) {
      if (w.endsWith('*')) {
        const p = { prefix: tokenize(w.slice(0, -1))[0]!.norm, action };
        lex.prefixesByFirst.set(p.prefix[0]!, [...(lex.prefixesByFirst.get(p.prefix[0]!) ?? []), p]);
        continue;
      }
      const keys = tokenize(w).map(key);
      const list = lex.phrases.get(keys[0]!) ?? [];
      list.push({ keys, action });
      lex.phrases.set(keys[0]!, list);
    }
  }
  return lex;
}

const LEXICONS: Partial<Record<Lang, Lexicon>> = { ar: compile(AR), de: compile(DE), fr: compile(FR), en: compile(EN) };
/** The lexicons a document language reads: its own, then English. */
const READ_WITH = new Map<Lang, Lexicon[]>();
const lexiconsFor = (lang: Lang): Lexicon[] => {
  let list = READ_WITH.get(lang);
  if (!list) READ_WITH.set(lang, (list = [LEXICONS[lang], lang === 'en' ? undefined : LEXICONS.en].filter((l): l is Lexicon => !!l)));
  return list;
};

/** One way a word can start an action: a phrase whose further words must follow (none for a prefix match). */
interface Step {
  keys: string[];
  action: ActionId;
}
const NO_STEPS: Step[] = [];
const WORD_STEPS_MAX = 100_000;
/** Per document language and script, a word's steps in lexicon order (computed once per distinct word). */
const WORD_STEPS = new Map<string, Map<string, Step[]>>();

function stepsOf(t: Token, lang: Lang): Step[] {
  const cacheKey = t.arabic ? `${lang}:ar` : lang;
  let cache = WORD_STEPS.get(cacheKey);
  if (!cache) WORD_STEPS.set(cacheKey, (cache = new Map()));
  let steps = cache.get(t.norm);
  if (steps) return steps;
  steps = [];
  for (const lex of lexiconsFor(lang)) {
    if (t.arabic) {
      for (const k of arabicCores(t.norm)) for (const p of lex.phrases.get(k) ?? []) steps.push(p);
      continue;
    }
    for (const p of lex.phrases.get(t.norm) ?? []) steps.push(p);
    for (const p of lex.prefixesByFirst.get(t.norm[0]!) ?? []) if (t.norm.startsWith(p.prefix)) steps.push({ keys: [], action: p.action });
  }
  if (cache.size >= WORD_STEPS_MAX) cache.clear();
  cache.set(t.norm, steps.length ? steps : NO_STEPS);
  return steps;
}

/** Whether the phrase's words after its first follow token i, within [.., to). */
function phraseAt(tokens: Token[], i: number, to: number, keys: string[]): boolean {
  for (let n = 1; n < keys.length; n++) if (i + n >= to || key(tokens[i + n]!) !== keys[n]) return false;
  return true;
}

/**
 * All actions named in tokens[from, to), by lexicon of the document language and English. With `at`, also where:
 * action → indexes of the tokens that start its words.
 */
export function actionsIn(tokens: Token[], from: number, to: number, lang: Lang, at?: Map<ActionId, number[]>): Set<ActionId> {
  const found = new Set<ActionId>();
  const add = (action: ActionId, i: number): void => {
    found.add(action);
    if (!at) return;
    const list = at.get(action);
    if (!list) at.set(action, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    for (const step of stepsOf(t, lang)) if (phraseAt(tokens, i, to, step.keys)) add(step.action, i);
  }
  return found;
}

/** The action that names the statement best, or null. */
export function mainAction(found: Set<ActionId>): ActionId | null {
  for (const a of ACTION_ORDER) if (found.has(a)) return a;
  return null;
}

const ORG_NOUNS: Partial<Record<Lang, ReadonlySet<string>>> = Object.fromEntries(
  ([['ar', AR_ORG_NOUNS], ['de', DE_ORG_NOUNS], ['fr', FR_ORG_NOUNS], ['en', EN_ORG_NOUNS]] as const).map(([l, words]) => [l, new Set(words.map((w) => key(tokenize(w)[0]!)))]),
);

/** Whether tokens[from, to) refer to an organisation by a common noun ("the company", "لتكتل", "der Konzern"). */
export function refersToOrganisation(tokens: Token[], from: number, to: number, lang: Lang): boolean {
  const nouns = ORG_NOUNS[lang];
  if (!nouns) return false;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    if (t.arabic ? arabicCores(t.norm).some((c) => nouns.has(c)) : nouns.has(t.norm)) return true;
  }
  return false;
}
