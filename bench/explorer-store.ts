/**
 * A store written directly (no annotation run) for the explorer bench and its end-to-end tests: N events over a
 * few documents (one lane each), dense and sparse stretches over 2016–2021, 80% days and 20% weeks / months /
 * quarters / seasons / years, stated, inferred and uncertain dates, catalog entities, and a few undated events in a
 * document without a publication date. Deterministic for a seed. Sentences are real text spans of each document.
 */
import { writeFile } from 'node:fs/promises';
import type { ChronoEvent, Document, Lang, Timex } from '../shared/model';
import { applyMod, formatTimex, isoDay, timexInterval } from '../shared/timex';
import type { AnnotatedDocument } from '../electron/annotate/annotate-document';
import { SINGLE_FILE_VERSION, STORE_FORMAT, type StoreData } from '../electron/store/schema';
import { rng } from './generate-corpus';

export interface ExplorerStoreOptions {
  events: number;
  /** Documents = lanes by document. */
  documents?: number;
  seed?: number;
  /** Share of events with an unknown year (in the last document, which has no publication date). */
  undatedShare?: number;
}

const ENTITIES = ['ant-financial', 'alipay', 'alibaba', 'tencent', 'jack-ma', 'china', 'wechat', 'reuters', 'deutsche-bank', 'jpmorgan', 'ibm', 'hangzhou'];
const NAMES: Record<string, string> = {
  'ant-financial': 'Ant Financial', alipay: 'Alipay', alibaba: 'Alibaba', tencent: 'Tencent', 'jack-ma': 'Jack Ma', china: 'China', wechat: 'WeChat',
  reuters: 'Reuters', 'deutsche-bank': 'Deutsche Bank', jpmorgan: 'JPMorgan', ibm: 'IBM', hangzhou: 'Hangzhou',
};
const LANGS: Lang[] = ['en', 'de', 'fr', 'ar'];
const VERBS: Record<Lang, string[]> = {
  en: ['announced a partnership', 'raised new funds', 'opened an office', 'published its results', 'was fined by regulators', 'launched a payment service'],
  de: ['kündigte eine Partnerschaft an', 'sammelte neues Kapital ein', 'eröffnete ein Büro', 'veröffentlichte Zahlen', 'startete einen Dienst'],
  fr: ['a annoncé un partenariat', 'a levé des fonds', 'a ouvert un bureau', 'a publié ses résultats', 'a lancé un service'],
  ar: ['أعلنت عن شراكة', 'جمعت أموالا جديدة', 'افتتحت مكتبا', 'نشرت نتائجها', 'أطلقت خدمة دفع'],
  und: ['did something'],
};
const TITLES: Record<Lang, string> = { en: 'Fintech wire', de: 'Finanznachrichten', fr: 'Dépêches fintech', ar: 'أخبار التكنولوجيا المالية', und: 'Notes' };

/** Hot spots: most news clusters around a few stretches, the rest is spread thin. */
const HOT = [
  { center: Date.UTC(2018, 5, 8), spread: 20 },
  { center: Date.UTC(2020, 4, 26), spread: 35 },
  { center: Date.UTC(2016, 6, 1), spread: 60 },
  { center: Date.UTC(2021, 3, 13), spread: 10 },
];
const START = Date.UTC(2016, 0, 1);
const END = Date.UTC(2021, 11, 31);

function pickDay(rand: () => number): string {
  let t: number;
  if (rand() < 0.45) {
    const h = HOT[Math.floor(rand() * HOT.length)]!;
    // Sum of uniforms: a bell around the hot spot.
    t = h.center + ((rand() + rand() + rand() - 1.5) / 1.5) * h.spread * 86_400_000;
  } else t = START + rand() * (END - START);
  const d = new Date(Math.min(END, Math.max(START, t)));
  return isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function pickValue(rand: () => number): { value: string; mod?: 'START' | 'MID' | 'END' } {
  const day = pickDay(rand);
  const r = rand();
  if (r < 0.8) return { value: day };
  const [y, m] = day.split('-').map(Number) as [number, number];
  if (r < 0.86) return { value: day.slice(0, 7) };
  if (r < 0.9) return { value: `${y}-W${String(1 + Math.floor(rand() * 52)).padStart(2, '0')}` };
  if (r < 0.93) return { value: `${y}-Q${Math.ceil(m / 3)}` };
  if (r < 0.96) return { value: `${y}-${['SP', 'SU', 'FA', 'WI'][Math.floor(rand() * 4)]}` };
  if (r < 0.98) return { value: String(y), mod: (['START', 'MID', 'END'] as const)[Math.floor(rand() * 3)]! };
  return { value: String(y) };
}

export function buildExplorerStore(opts: ExplorerStoreOptions): StoreData {
  const rand = rng(opts.seed ?? 50);
  const nDocs = Math.max(2, opts.documents ?? 8);
  const undatedShare = opts.undatedShare ?? 0.01;
  const documents: AnnotatedDocument[] = [];
  const perDoc = Math.ceil(opts.events / nDocs);
  let made = 0;
  for (let di = 0; di < nDocs; di++) {
    const lang = LANGS[di % LANGS.length]!;
    const id = `gdoc${String(di).padStart(3, '0')}`;
    const lastDoc = di === nDocs - 1;
    const published = lastDoc ? null : `${2016 + (di % 6)}-0${1 + (di % 9)}-1${di % 10}`;
    const parts: string[] = [];
    let offset = 0;
    const events: ChronoEvent[] = [];
    const timexes: Timex[] = [];
    const mentions: NonNullable<AnnotatedDocument['mentions']> = [];
    const sentences: Document['sentences'] = [];
    const count = Math.min(perDoc, opts.events - made);
    for (let k = 0; k < count; k++) {
      const undated = lastDoc && rand() < undatedShare * nDocs;
      const { value, mod } = undated ? { value: `XXXX-${pickDay(rand).slice(5)}`, mod: undefined } : pickValue(rand);
      const ent = ENTITIES[Math.min(ENTITIES.length - 1, Math.floor(rand() * rand() * ENTITIES.length))]!;
      const verb = VERBS[lang][Math.floor(rand() * VERBS[lang].length)]!;
      const dateText = formatTimex(value, mod);
      const prefix = `${NAMES[ent]} `;
      const sentence = `${prefix}${verb} (${dateText}), item ${k + 1}.`;
      const start = offset;
      const end = start + sentence.length;
      parts.push(sentence);
      offset = end + 1;
      sentences.push({ start, end });
      const tStart = start + sentence.indexOf(dateText);
      timexes.push({ start: tStart, end: tStart + dateText.length, text: dateText, type: 'DATE', value, ...(mod ? { mod } : {}) });
      mentions.push({ start, end: start + NAMES[ent]!.length, text: NAMES[ent]!, entity: ent });
      const iv = timexInterval(value);
      const narrowed = iv ? applyMod(iv, mod) : null;
      const c = rand();
      const certainty = undated || c < 0.1 ? 'uncertain' : c < 0.35 ? 'inferred' : 'stated';
      const second = rand() < 0.3 ? ENTITIES[Math.floor(rand() * ENTITIES.length)]! : null;
      events.push({
        id: `${id}-e${start}`,
        doc: id,
        start,
        end,
        text: sentence,
        label: `${NAMES[ent]} · ${verb}`,
        date: { value, ...(mod ? { mod } : {}), certainty, ...(narrowed ? { start: narrowed.start, end: narrowed.end } : {}) },
        timex: k,
        entities: second && second !== ent ? [ent, second] : [ent],
        amounts: [],
        edited: false,
      });
    }
    made += count;
    const text = parts.join(' ');
    documents.push({
      document: {
        id,
        file: `generated/${id}_${lang}.txt`,
        lang,
        title: `${TITLES[lang]} ${di + 1}`,
        text,
        published: published
          ? { value: published, source: 'manifest', certainty: 'stated', evidence: `manifest.csv: published = ${published}` }
          : { value: null, source: 'none', certainty: 'uncertain', evidence: 'no manifest entry, front matter, file name date or dateline' },
        hash: `hash-${id}`,
        sentences,
        ...(lastDoc ? { problems: [{ code: 'no-date', message: 'No publication date: relative dates could not be resolved.' }] } : {}),
      },
      timexes,
      amounts: [],
      mentions,
      events,
    });
  }
  return {
    format: STORE_FORMAT,
    // A single-file store (version 2), split into the current layout when it is opened.
    version: SINGLE_FILE_VERSION,
    corpusDir: null,
    updatedAt: new Date(0).toISOString(),
    documents,
    problems: [{ file: 'generated/broken.pdf', code: 'unreadable', message: 'The PDF has no text layer.' }],
    userDates: {},
  };
}

export async function writeExplorerStore(file: string, opts: ExplorerStoreOptions): Promise<StoreData> {
  const data = buildExplorerStore(opts);
  await writeFile(file, JSON.stringify(data));
  return data;
}
