/**
 * Finds catalog entities in text with a token trie (never one giant alternation pattern): each alias is a path of
 * normalised tokens; at each text token we try its few canonical forms (Arabic clitics و ف ب ل ك لل and the article
 * stripped; German case endings -s/-es/-n/-en) and walk the trie for the longest alias. Linear in the text for a
 * fixed catalog.
 */
import type { EntityType, Lang } from '../../../shared/model';
import { arabicCores, stripArticle, tokenize, type Token } from '../text-tokens';
import { aliasText, defaultCatalog, type Catalog } from './catalog';

export interface EntityMention {
  entity: string;
  start: number;
  end: number;
  text: string;
}

interface Terminal {
  entity: string;
  /** Alias tokens as written, when the alias must match case exactly. */
  exact?: string[];
  quoted?: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  terminals: Terminal[];
}

const newNode = (): TrieNode => ({ next: new Map(), terminals: [] });
const QUOTES = new Set(['"', '“', '”', '«', '»', '„', "'", '‘', '’', '‹', '›']);

/** The trie key of an alias token: the same folding the text side applies. */
function aliasKey(t: Token): string {
  return t.arabic ? stripArticle(t.norm) : t.norm;
}

/** German case endings on a Latin token: "Alibabas", "Deutschen", "Tencents". */
function germanStems(norm: string): string[] {
  const out: string[] = [];
  if (norm.length > 4 && norm.endsWith('es')) out.push(norm.slice(0, -2));
  if (norm.length > 4 && norm.endsWith('en')) out.push(norm.slice(0, -1), norm.slice(0, -2));
  if (norm.length > 3 && (norm.endsWith('s') || norm.endsWith('n'))) out.push(norm.slice(0, -1));
  return out;
}

function keysFor(t: Token, lang: Lang, first: boolean): string[] {
  if (t.kind !== 'word') return [t.norm];
  if (t.arabic) return first ? arabicCores(t.norm) : [stripArticle(t.norm)];
  return lang === 'de' ? [t.norm, ...germanStems(t.norm)] : [t.norm];
}

export class EntityMatcher {
  private readonly root = newNode();
  private readonly info = new Map<string, { name: string; type: EntityType }>();

  constructor(catalog: Catalog = defaultCatalog()) {
    for (const e of catalog.entities) {
      this.info.set(e.id, { name: e.name, type: e.type });
      for (const a of [e.name, ...e.aliases]) {
        const toks = tokenize(aliasText(a));
        if (toks.length === 0) continue;
        let node = this.root;
        for (const t of toks) {
          const k = aliasKey(t);
          let child = node.next.get(k);
          if (!child) node.next.set(k, (child = newNode()));
          node = child;
        }
        const term: Terminal = { entity: e.id };
        if (typeof a !== 'string' && a.caseSensitive) term.exact = toks.map((t) => t.text);
        if (typeof a !== 'string' && a.quoted) term.quoted = true;
        if (!node.terminals.some((x) => x.entity === term.entity && !x.exact && !x.quoted && !term.exact && !term.quoted)) node.terminals.push(term);
      }
    }
  }

  entity(id: string): { name: string; type: EntityType } | undefined {
    return this.info.get(id);
  }

  /** Longest non-overlapping catalog mentions, in text order. */
  match(text: string, lang: Lang, tokens: Token[] = tokenize(text)): EntityMention[] {
    const out: EntityMention[] = [];
    let i = 0;
    while (i < tokens.length) {
      const best = this.longestAt(text, tokens, i, lang);
      if (best) {
        const start = tokens[i]!.start;
        const end = tokens[best.last]!.end;
        out.push({ entity: best.entity, start, end, text: text.slice(start, end) });
        i = best.last + 1;
      } else i++;
    }
    return out;
  }

  private longestAt(text: string, toks: Token[], i: number, lang: Lang): { entity: string; last: number } | null {
    let best: { entity: string; last: number } | null = null;
    for (const key of keysFor(toks[i]!, lang, true)) {
      let node = this.root.next.get(key);
      let j = i;
      while (node) {
        const t = this.accept(text, toks, i, j, node);
        if (t && (!best || j > best.last)) best = { entity: t, last: j };
        // Next alias token: consecutive, separated by spaces or a hyphen only (never across a line).
        let k = j + 1;
        if (toks[k]?.norm === '-' && toks[k]!.start === toks[j]!.end) k++;
        const nt = toks[k];
        if (!nt || !gapOk(text, toks[k - 1]!.end, nt.start)) break;
        let child: TrieNode | undefined;
        for (const nk of keysFor(nt, lang, false)) if ((child = node.next.get(nk))) break;
        node = child;
        j = k;
      }
    }
    return best;
  }

  private accept(text: string, toks: Token[], i: number, j: number, node: TrieNode): string | null {
    for (const term of node.terminals) {
      if (term.exact) {
        const written = toks.slice(i, j + 1).filter((t) => t.norm !== '-').map((t) => t.text);
        if (written.length !== term.exact.length || written.some((w, k) => w !== term.exact![k])) continue;
      }
      if (term.quoted) {
        const before = text[toks[i]!.start - 1];
        const after = text[toks[j]!.end];
        if (!before || !after || !QUOTES.has(before) || !QUOTES.has(after)) continue;
      }
      return term.entity;
    }
    return null;
  }
}

function gapOk(text: string, a: number, b: number): boolean {
  if (b - a > 3) return false;
  for (let p = a; p < b; p++) {
    const c = text[p]!;
    if (c === '\n' || c === '\r' || (c.trim() !== '' && c !== '-')) return false;
  }
  return true;
}

let defaultMatcher: EntityMatcher | null = null;
export function defaultEntityMatcher(): EntityMatcher {
  defaultMatcher ??= new EntityMatcher();
  return defaultMatcher;
}
