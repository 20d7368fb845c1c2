/**
 * Temporal expression tagger (TimeML TIMEX3 subset) for Arabic, German, French and English.
 * Pure: no Node or DOM imports, so it runs in workers and in the renderer.
 */
import type { Lang, Timex } from '../../../shared/model';
import { runTagger } from './engine';
import { compileLexicon, type Lexicon } from './lexicon';
import { PACKS } from './packs';

export interface TagOptions { lang: Lang; ref: string | null; }

const compiled = new Map<Lang, Lexicon>();

function lexiconFor(lang: Lang): Lexicon | null {
  const hit = compiled.get(lang);
  if (hit) return hit;
  const pack = PACKS[lang];
  if (!pack) return null;
  const lex = compileLexicon(pack);
  compiled.set(lang, lex);
  return lex;
}

/** Timexes in `text`, sorted by start and non-overlapping; offsets are UTF-16 indices, end exclusive. */
export function tagTimexes(text: string, opts: TagOptions): Timex[] {
  const lex = lexiconFor(opts.lang);
  if (!lex || typeof text !== 'string' || text.length === 0) return [];
  return runTagger(text, lex, opts.ref);
}
