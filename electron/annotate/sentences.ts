/**
 * Sentence splitting: paragraphs first (news text breaks lines between paragraphs), then ICU's sentence rules
 * (Intl.Segmenter knows Arabic ؟ and ۔), then repairs for what ICU splits wrongly in news: German ordinal dates
 * ("am 21. September") and common abbreviations.
 */
import type { Lang } from '../../shared/model';

export interface SentenceSpan {
  start: number;
  end: number;
}

const ABBREVIATIONS = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Inc|Ltd|Corp|Co|vs|etc|No|Nr|bzw|ca|Mio|Mrd|Hr|Fr|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|z\.B|u\.a|d\.h|M|Mme|av|apr|J\.-C)\.)$/;
const ORDINAL_END = /(?:^|[\s(])\d{1,2}\.$/;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(lang: Lang): Intl.Segmenter {
  const key = lang === 'und' ? 'en' : lang;
  let s = segmenters.get(key);
  if (!s) {
    s = new Intl.Segmenter(key, { granularity: 'sentence' });
    segmenters.set(key, s);
  }
  return s;
}

export function splitSentences(text: string, lang: Lang): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const seg = segmenterFor(lang);
  const paragraph = /[^\n]+/g;
  let p: RegExpExecArray | null;
  while ((p = paragraph.exec(text))) {
    const base = p.index;
    let pending: SentenceSpan | null = null;
    for (const s of seg.segment(p[0])) {
      const lead = s.segment.length - s.segment.trimStart().length;
      const trimmed = s.segment.trim();
      if (!trimmed) continue;
      const span = { start: base + s.index + lead, end: base + s.index + lead + trimmed.length };
      if (pending) {
        const prev = text.slice(pending.start, pending.end);
        if (ORDINAL_END.test(prev) || ABBREVIATIONS.test(prev)) {
          pending.end = span.end;
          continue;
        }
        out.push(pending);
      }
      pending = span;
    }
    if (pending) out.push(pending);
  }
  return out;
}
