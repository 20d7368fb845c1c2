/**
 * Names the catalog does not know yet, offered to the user as candidates (never shown as entities): Latin-script
 * names inside Arabic text, capitalised multi-word names in German, French and English, short quoted names, and
 * the Arabic "شركة X" / "بنك X" pattern. Counted per document; the user decides what enters the catalog.
 */
import type { Lang } from '../../../shared/model';
import { arabicCores, type Token } from '../text-tokens';
import type { EntityMention } from './match-entities';

export type CandidateKind = 'latin-in-arabic' | 'capitalised' | 'quoted' | 'org-pattern';

export interface EntityCandidate {
  text: string;
  count: number;
  kind: CandidateKind;
}

// Sentence-initial and function words that are capitalised without being names.
const LEADING_STOP = new Set(
  ('the a an in on at of for by from to and with this that these those its his her their our as but if when while after before since during ' +
    'der die das den dem des ein eine einen einem einer im am vom zum zur und mit für auf bei von nach laut wie dabei doch auch aber es er sie wir ' +
    'le la les l un une des du de dans en au aux par pour sur selon avec et mais ce cette ces il elle ils on').split(' '),
);
const CONNECTORS = new Set(['of', 'de', 'du', 'des', 'der', 'for', 'and', 'et', '&', 'für', 'und']);
const DATE_WORDS = new Set(
  ('january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday ' +
    'januar februar marz juni juli oktober dezember montag dienstag mittwoch donnerstag freitag samstag sonntag anfang ende mitte ' +
    'janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre lundi mardi mercredi jeudi vendredi samedi dimanche').split(' '),
);
const ORG_TRIGGERS = new Set(['شركه', 'بنك', 'مجموعه', 'مؤسسه', 'وكاله', 'منصه', 'صندوق']);
const AR_FUNCTION = new Set(['في', 'من', 'علي', 'عن', 'الي', 'التي', 'الذي', 'مع', 'هي', 'هو', 'ان', 'او', 'ثم', 'قد', 'كان', 'كانت', 'ما', 'لا', 'هذا', 'هذه', 'ذلك', 'تلك', 'كل', 'غير', 'منذ', 'انها', 'انه']);
/** A plausible Arabic name token: no article, not a function word, no feminine ending (names are mostly transliterated). */
const arabicNameLike = (t: Token): boolean => t.arabic && !t.norm.startsWith('ال') && !AR_FUNCTION.has(t.norm) && !t.norm.endsWith('ه');
/** German common-noun endings: a capitalised word ending so is a noun, not a name. */
const GERMAN_NOUN = /(?:ung|ungen|heit|keit|schaft|tät|nis)$/;
const QUOTE_PAIRS: Record<string, string> = { '"': '"', '“': '”', '«': '»', '„': '“', "'": "'", '‘': '’' };

const isLatinWord = (t: Token | undefined): t is Token => !!t && t.kind === 'word' && !t.arabic;
const acronym = (t: Token): boolean => t.text.length >= 3 && t.text === t.text.toUpperCase() && /[A-Z]/.test(t.text);
// A word equal to its folded form has no capital letter (the test alone ran on every lower-case word).
const mixedCase = (t: Token): boolean => t.text !== t.norm && /[a-z][A-Z]/.test(t.text);

function spacesOnly(text: string, a: number, b: number): boolean {
  if (b - a > 2) return false;
  for (let p = a; p < b; p++) if (text[p] !== ' ' && text[p] !== '\u00a0' && text[p] !== '-' && text[p] !== '.') return false;
  return true;
}

export function discoverCandidates(text: string, lang: Lang, tokens: Token[], mentions: EntityMention[]): EntityCandidate[] {
  // Token indexes already covered by a catalog mention.
  const covered = new Uint8Array(tokens.length);
  let m = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (m < mentions.length && mentions[m]!.end <= tokens[i]!.start) m++;
    const mm = mentions[m];
    if (mm && mm.start <= tokens[i]!.start && tokens[i]!.end <= mm.end) covered[i] = 1;
  }
  const found = new Map<string, EntityCandidate>();
  const add = (a: number, b: number, kind: CandidateKind): void => {
    const s = tokens[a]!.start;
    const e = tokens[b]!.end;
    const surface = text.slice(s, e);
    const key = tokens.slice(a, b + 1).map((t) => t.norm).join(' ');
    const c = found.get(key);
    if (c) c.count++;
    else found.set(key, { text: surface, count: 1, kind });
  };

  if (lang === 'ar') {
    // Latin-script runs inside Arabic text: brand names, people, acronyms ("Qiuwan", "tZero", "ATEC").
    for (let i = 0; i < tokens.length; i++) {
      if (covered[i] || !isLatinWord(tokens[i])) continue;
      let j = i;
      while (isLatinWord(tokens[j + 1]) && !covered[j + 1] && spacesOnly(text, tokens[j]!.end, tokens[j + 1]!.start)) j++;
      const run = tokens.slice(i, j + 1);
      if (run.some((t) => t.cap || mixedCase(t))) add(i, j, 'latin-in-arabic');
      i = j;
    }
    // "شركة X", "بنك X": proper names follow without the article.
    for (let i = 0; i < tokens.length - 1; i++) {
      const t = tokens[i]!;
      // Indefinite "شركة X" only: "الشركة" (the company) refers back, it names nothing.
      if (t.kind !== 'word' || !t.arabic || /^[وفبلك]?ال/.test(t.norm) || !arabicCores(t.norm).some((c) => ORG_TRIGGERS.has(c))) continue;
      let j = i;
      while (j - i < 3) {
        const n = tokens[j + 1];
        if (!n || n.kind !== 'word' || covered[j + 1] || !arabicNameLike(n)) break;
        if (!spacesOnly(text, tokens[j]!.end, n.start)) break;
        j++;
      }
      if (j > i) add(i + 1, j, 'org-pattern');
    }
  } else {
    const german = lang === 'de';
    const nameLike = (x: Token | undefined): x is Token => isLatinWord(x) && (x.cap || mixedCase(x)) && !(german && GERMAN_NOUN.test(x.norm));
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (covered[i] || !nameLike(t)) continue;
      let j = i;
      for (;;) {
        let k = j + 1;
        if (tokens[k] && (lang === 'de' ? tokens[k]!.norm === 'of' || tokens[k]!.norm === '&' : CONNECTORS.has(tokens[k]!.norm)) && !tokens[k]!.cap) k++;
        const n = tokens[k];
        if (!nameLike(n) || covered[k] || !spacesOnly(text, tokens[k - 1]!.end, n.start)) break;
        j = k;
      }
      let a = i;
      while (a <= j && LEADING_STOP.has(tokens[a]!.norm)) a++;
      const run = tokens.slice(a, j + 1);
      const words = run.filter((x) => !CONNECTORS.has(x.norm));
      if (words.length >= 2 && !run.some((x) => DATE_WORDS.has(x.norm))) add(a, j, 'capitalised');
      else if (words.length === 1 && (acronym(words[0]!) || mixedCase(words[0]!)) && !DATE_WORDS.has(words[0]!.norm)) add(a, j, 'capitalised');
      i = j;
    }
  }

  // Short quoted names: «Ant-Blockchain-Partnerprogramm», "آنت إنترناشيونال".
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    const close = open.kind === 'sym' ? QUOTE_PAIRS[open.text] : undefined;
    if (!close) continue;
    let j = i + 1;
    while (j < tokens.length && j - i <= 5 && tokens[j]!.kind === 'word') j++;
    const inner = j - i - 1;
    if (tokens[j]?.text !== close || inner < 1 || inner > 4) continue;
    const first = tokens[i + 1]!;
    const isCovered = covered.subarray(i + 1, j).some((x) => x === 1);
    const inside = tokens.slice(i + 1, j);
    if (!isCovered && (first.arabic ? inside.every(arabicNameLike) : first.cap)) add(i + 1, j - 1, 'quoted');
    i = j;
  }
  return [...found.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}
