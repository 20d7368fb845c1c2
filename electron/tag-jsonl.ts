/** `cli tag --jsonl` (interfaces.md §2): one request per line in, one answer per line out, same order. */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import { LANGS, type Lang } from '../shared/model';
import { detectLanguage } from './annotate/language';
import { tagTimexes } from './annotate/time/index';

const Request = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string(),
  ref: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?/, 'ref must be an ISO date').nullable().optional(),
  lang: z.string().optional(),
});

export function tagLine(line: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    return { id: null, error: `not JSON: ${(e as Error).message}` };
  }
  const id = (raw as { id?: unknown } | null)?.id ?? null;
  const parsed = Request.safeParse(raw);
  if (!parsed.success) return { id, error: parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ') };
  const { text, ref, lang: given } = parsed.data;
  const lang: Lang = given && (LANGS as readonly string[]).includes(given) ? (given as Lang) : detectLanguage(text);
  const timexes = tagTimexes(text, { lang: lang === 'und' ? 'en' : lang, ref: ref ? ref.slice(0, 10) : null });
  return { id, lang, timexes: timexes.map((t) => ({ start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, ...(t.mod ? { mod: t.mod } : {}) })) };
}

export async function tagJsonLines(input: Readable, output: Writable): Promise<void> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    let answer: Record<string, unknown>;
    try {
      answer = tagLine(line);
    } catch (e) {
      answer = { id: null, error: `internal: ${(e as Error).message}` };
    }
    if (!output.write(`${JSON.stringify(answer)}\n`)) await new Promise((r) => output.once('drain', r));
  }
}
