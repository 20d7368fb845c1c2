/**
 * The main action of a sentence, from a small per-language lexicon of news actions (one file per language).
 * When several occur, the more specific financial action wins (ACTION_ORDER): "pulled the plug on the $37 bn
 * listing" is an IPO story before it is a regulator story.
 */
import type { EntityType, Lang } from '../../../shared/model';
import { arabicCores, stripArticle, tokenize, type Token } from '../text-tokens';
import { AR } from './ar';
import { DE } from './de';
import { EN } from './en';
import { FR } from './fr';
import type { ActionId, ActionWords } from './types';

export type { ActionId } from './types';

export const ACTION_ORDER: readonly ActionId[] = ['funding', 'ipo', 'invest', 'budget', 'valuation', 'richest', 'patent', 'test', 'launch', 'order', 'propose', 'hire', 'announce', 'report', 'speak', 'publish'];

export const ACTION_LABEL: Record<ActionId, string> = {
  funding: 'funding round', ipo: 'IPO', invest: 'investment', budget: 'budget', valuation: 'valuation', richest: 'richest',
  patent: 'patents', test: 'test', launch: 'launch', order: "regulators' order", propose: 'proposal', hire: 'hiring',
  announce: 'announcement', report: 'report', speak: 'statement', publish: 'publication',
};

/** Who an action is usually about: the label names a person for statements, an organisation otherwise. */
export const ACTION_SUBJECT: Partial<Record<ActionId, EntityType>> = { speak: 'PERSON', richest: 'PERSON', hire: 'ORG' };

interface Lexicon {
  /** First token key → phrases (token keys) with their action. */
  phrases: Map<string, Array<{ keys: string[]; action: ActionId }>>;
  prefixes: Array<{ prefix: string; action: ActionId }>;
}

const key = (t: Token): string => (t.arabic ? stripArticle(t.norm) : t.norm);

function compile(words: ActionWords): Lexicon {
  const lex: Lexicon = { phrases: new Map(), prefixes: [] };
  for (const action of ACTION_ORDER) {
    for (const w of words[action] ?? []) {
      if (w.endsWith('*')) {
        lex.prefixes.push({ prefix: tokenize(w.slice(0, -1))[0]!.norm, action });
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

/** All actions named in tokens[from, to), by lexicon of the document language and English. */
export function actionsIn(tokens: Token[], from: number, to: number, lang: Lang): Set<ActionId> {
  const found = new Set<ActionId>();
  const lexicons = [LEXICONS[lang], lang === 'en' ? undefined : LEXICONS.en].filter((l): l is Lexicon => !!l);
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    const firstKeys = t.arabic ? arabicCores(t.norm) : [t.norm];
    for (const lex of lexicons) {
      for (const k of firstKeys) {
        for (const p of lex.phrases.get(k) ?? []) {
          if (p.keys.every((pk, n) => n === 0 || (i + n < to && key(tokens[i + n]!) === pk))) found.add(p.action);
        }
      }
      if (!t.arabic) for (const p of lex.prefixes) if (t.norm.startsWith(p.prefix)) found.add(p.action);
    }
  }
  return found;
}

/** The action that names the statement best, or null. */
export function mainAction(found: Set<ActionId>): ActionId | null {
  for (const a of ACTION_ORDER) if (found.has(a)) return a;
  return null;
}
