import type { Lang, Timex } from '../../../shared/model';
import { tagTimexes } from '../../../electron/annotate/time/index';

/** Tags and returns the first timex whose text contains `needle`. */
export function find(text: string, lang: Lang, ref: string | null, needle: string): Timex | undefined {
  return tagTimexes(text, { lang, ref }).find((t) => t.text.includes(needle));
}

export function values(text: string, lang: Lang, ref: string | null): string[] {
  return tagTimexes(text, { lang, ref }).map((t) => t.value);
}

/** Every timex is well-formed: in bounds, sorted, non-overlapping, text matches the offsets. */
export function wellFormed(text: string, ts: Timex[]): boolean {
  let last = 0;
  for (const t of ts) {
    if (!(t.start >= last && t.end > t.start && t.end <= text.length)) return false;
    if (text.slice(t.start, t.end) !== t.text) return false;
    last = t.end;
  }
  return true;
}
