/**
 * Who acted in a statement: the entity a label names first (`entity · action · amount`). Three readings a careful
 * reader makes, in this order:
 *
 * 1. Saying and reporting verbs belong to the entity right next to them: in "تم إخبار Alipay …، الأوقات المالية ذكرت
 *    يوم الاثنين" the Financial Times reported, Alipay did not; "Reuters a rapporté", "قال المدير التنفيذي إيريك
 *    جينغ". Next to means at most three words away, within the clause (no comma between), and not a modifier: in
 *    "قال المدير التنفيذي لشركة آنت فاينانشيال إيريك جينغ" (the CEO of Ant Financial, Eric Jing, said) or "told to
 *    the FT" (لـ الأوقات المالية) the organisation is not the speaker.
 * 2. Otherwise the first mention of the action's preferred kind of actor (ACTION_ACTORS): a person speaks, only an
 *    organisation raises a funding round, goes public or is valued.
 * 3. A sentence that names no suitable actor but refers to an organisation by a common noun ("the conglomerate",
 *    "la société", "der Konzern") is about the organisation the preceding sentences led with: "Ant Group … . Regulators
 *    pulled the plug on the fintech conglomerate's $37 bn listing after its founder Jack Ma …" is Ant Group's IPO.
 */
import type { EntityType } from '../../shared/model';
import { ACTION_ACTORS, COMMUNICATION, DEFAULT_ACTORS, type ActionId } from './actions/index';
import { arabicCores, type Token } from './text-tokens';

/** A catalog entity mentioned in the sentence, by token position. */
export interface PlacedMention {
  id: string;
  type: EntityType;
  /** Indexes of the mention's first and last tokens. */
  first: number;
  last: number;
}

export interface ActorQuestion {
  action: ActionId | null;
  /** Mentions in text order (an entity may appear more than once). */
  mentions: readonly PlacedMention[];
  /** Token indexes where the action's words start. */
  triggers: readonly number[];
  tokens: readonly Token[];
  /** The organisation the preceding sentences led with, asked for only when needed. */
  antecedent: () => string | null;
}

export interface Actor {
  id: string;
  /** True when the actor was taken from a preceding sentence (rule 3), not named in this one. */
  borrowed: boolean;
}

const MAX_GAP = 3;
/** Words after which a name modifies another noun ("the CEO of X") rather than acting. */
const OF_WORDS = new Set(['of', 'de', 'du', 'des', 'd', 'vom']);
/** Arabic "of/for the company X", "to X": ل + a head noun, or ل alone. */
const AR_HEADS = new Set(['شركه', 'مجموعه', 'بنك', 'وكاله', 'وزاره', 'صحيفه']);

function isModifier(tokens: readonly Token[], m: PlacedMention): boolean {
  const p = tokens[m.first - 1];
  if (!p || p.kind !== 'word') return false;
  if (!p.arabic) return OF_WORDS.has(p.norm);
  return p.norm === 'ل' || (p.norm.startsWith('ل') && arabicCores(p.norm).some((c) => AR_HEADS.has(c)));
}
const CLAUSE_BREAK = new Set([',', '،', ';', '؛', ':', '(', ')', '"', '«', '»', '“', '”']);

/** Words between token a (exclusive) and b (exclusive), or -1 when a clause break lies between them. */
function gap(tokens: readonly Token[], a: number, b: number): number {
  let words = 0;
  for (let k = a + 1; k < b; k++) {
    const t = tokens[k]!;
    if (t.kind === 'sym' && CLAUSE_BREAK.has(t.norm)) return -1;
    if (t.kind !== 'sym') words++;
  }
  return words;
}

/** The speaker or source next to a saying verb (rule 1): the nearest, the one before the verb on a tie. */
function nextToVerb(q: ActorQuestion, acceptable: (m: PlacedMention) => boolean): PlacedMention | null {
  let best: { m: PlacedMention; d: number } | null = null;
  for (const t of q.triggers) {
    for (const m of q.mentions) {
      if (!acceptable(m) || (m.first <= t && t <= m.last)) continue;
      const d = m.last < t ? gap(q.tokens, m.last, t) : gap(q.tokens, t, m.first);
      // Strictly nearer wins; mentions are in text order, so on a tie the earlier one (before the verb) stays.
      if (d >= 0 && d <= MAX_GAP && (!best || d < best.d)) best = { m, d };
    }
  }
  return best?.m ?? null;
}

export function chooseActor(q: ActorQuestion): Actor | null {
  const rule = (q.action && ACTION_ACTORS[q.action]) || DEFAULT_ACTORS;
  const kinds = new Set(rule.tiers.flat());
  if (q.action && COMMUNICATION.has(q.action)) {
    const speaker = nextToVerb(q, (m) => kinds.has(m.type) && !isModifier(q.tokens, m));
    if (speaker) return { id: speaker.id, borrowed: false };
  }
  for (const tier of rule.tiers) {
    const m = q.mentions.find((x) => tier.includes(x.type));
    if (m) return { id: m.id, borrowed: false };
  }
  if (kinds.has('ORG')) {
    const before = q.antecedent();
    if (before) return { id: before, borrowed: true };
  }
  if (rule.only) return null;
  const any = q.mentions[0];
  return any ? { id: any.id, borrowed: false } : null;
}
