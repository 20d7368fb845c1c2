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

/** The sample corpus has no English article: these sentences, written for the bench, stand in for one. */
export const ENGLISH_SENTENCES = [
  'Ant Financial said on Friday that it had raised $14 billion in the largest single fundraising by a private company.',
  'The company was valued at about $150 billion in the round, which closed on 8 June 2018, according to people familiar with the deal.',
  'Yesterday, regulators in Beijing ordered Alipay to separate its lending business from its payment service.',
  'In the year ending 31 March 2018, Alipay and its partners served about 870 million active users worldwide.',
  'Jack Ma, who founded Alibaba in 1999, said last year that blockchain should not be confused with bitcoin.',
  'Early in the summer of 2016, the group started using blockchain to track charitable donations.',
  'The next day, shares of its listed partners rose by more than 5 percent in Hong Kong.',
  'Tencent plans to spend about $70 billion over the next five years on cloud computing, artificial intelligence and fintech.',
  'On 26 May 2020, Reuters reported that the investment would focus on data centres and 5G networks.',
  'Late last July, the central bank published new rules for non-bank payment providers.',
  'By the end of 2019, more than a billion people had used the app at least once a month.',
  'The listing, planned for November, was called off two days before trading was due to begin.',
  'Analysts expect the market to recover in the second quarter of 2021, after a weak first quarter.',
  'In March, the company opened a research centre in Singapore with 200 engineers.',
  'Since January 2017, the number of blockchain patents filed by Chinese firms has more than doubled.',
  'The bank said on Monday it would raise its technology budget by a fifth this year.',
  'Three weeks ago, the ministry announced a fund of 1.6 billion dollars for blockchain development.',
  'From 2016 to 2018, the firm tested cross-border transfers between Hong Kong and the Philippines.',
  'A spokesman declined to comment on Tuesday, saying the company would publish its results in August.',
  'Earlier this month, the regulator said the new joint venture would start scoring credit in the autumn.',
];

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
  if (!byLang.has('en')) byLang.set('en', [...ENGLISH_SENTENCES]);
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
