/**
 * Generates a corpus from the sample articles' own sentences with varied dates: random publication dates in
 * 2016–2021 (in a manifest) and explicit years rewritten, so the tagger resolves real, varied expressions.
 * Deterministic for a seed.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseManifest } from '../electron/corpus/manifest';
import { splitSentences } from '../electron/annotate/sentences';
import type { Lang } from '../shared/model';

export function rng(seed: number): () => number {
  // mulberry32: small, fast, good enough for test data.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AR_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const toArabicDigits = (s: string): string => s.replace(/\d/g, (d) => AR_DIGITS[+d]!);

export interface SentencePool {
  lang: Lang;
  sentences: string[];
}

export async function loadSentencePools(corpusDir: string): Promise<SentencePool[]> {
  const manifest = parseManifest(await readFile(path.join(corpusDir, 'manifest.csv'), 'utf8'));
  const byLang = new Map<Lang, string[]>();
  for (const name of (await readdir(corpusDir)).filter((n) => n.endsWith('.txt')).sort()) {
    const lang = manifest.get(name)?.language ?? 'en';
    const text = await readFile(path.join(corpusDir, name), 'utf8');
    const list = byLang.get(lang) ?? [];
    for (const s of splitSentences(text, lang)) {
      const sentence = text.slice(s.start, s.end);
      if (sentence.length > 40) list.push(sentence);
    }
    byLang.set(lang, list);
  }
  return [...byLang].map(([lang, sentences]) => ({ lang, sentences }));
}

export interface GenerateOptions {
  out: string;
  count: number;
  /** Approximate article size in bytes. */
  bytes?: number;
  seed?: number;
  pools: SentencePool[];
}

export async function generateCorpus(opts: GenerateOptions): Promise<{ files: number; bytes: number }> {
  const rand = rng(opts.seed ?? 1);
  const target = opts.bytes ?? 4000;
  await mkdir(opts.out, { recursive: true });
  const rows = ['file,published,language'];
  let total = 0;
  for (let i = 0; i < opts.count; i++) {
    const pool = opts.pools[i % opts.pools.length]!;
    const year = 2016 + Math.floor(rand() * 6);
    const published = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const parts: string[] = [];
    let size = 0;
    while (size < target) {
      let s = pool.sentences[Math.floor(rand() * pool.sentences.length)]!;
      const y = String(2016 + Math.floor(rand() * 6));
      s = s.replace(/20[12]\d/g, y).replace(/٢٠[١٢][٠-٩]/g, toArabicDigits(y));
      parts.push(s);
      size += Buffer.byteLength(s) + 2;
    }
    const text = parts.join(rand() < 0.5 ? '\n\n' : ' ');
    const file = `${String(i).padStart(6, '0')}_${pool.lang}.txt`;
    await writeFile(path.join(opts.out, file), text);
    rows.push(`${file},${published},${pool.lang}`);
    total += Buffer.byteLength(text);
  }
  await writeFile(path.join(opts.out, 'manifest.csv'), `${rows.join('\n')}\n`);
  return { files: opts.count, bytes: total };
}
