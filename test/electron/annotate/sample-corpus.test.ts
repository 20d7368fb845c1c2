/**
 * The five sample articles are what users see first. These assertions are a careful reading of them: every money
 * amount with its value, the counts that are not money, the dated events with their labels, and the one story two
 * articles tell in two languages (Ant's June 2018 funding round).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotateDocument, type AnnotatedDocument } from '../../../electron/annotate/annotate-document';
import { findQuantities } from '../../../electron/annotate/amounts';
import { linkEvents } from '../../../electron/annotate/link-events';
import { parseManifest } from '../../../electron/corpus/manifest';

const DIR = 'assets/corpus';
const manifest = parseManifest(readFileSync(path.join(DIR, 'manifest.csv'), 'utf8'));
const files = [...manifest.keys()].sort();

function annotateAll(withManifest: boolean): AnnotatedDocument[] {
  return files.map((file) => {
    const meta = manifest.get(file)!;
    return annotateDocument({ id: file.slice(0, 3), file, text: readFileSync(path.join(DIR, file), 'utf8'), hash: file, manifest: withManifest ? meta : { language: meta.language } });
  });
}

const docs = annotateAll(true);
const doc = (prefix: string): AnnotatedDocument => docs.find((d) => d.document.file.startsWith(prefix))!;
const eventWith = (prefix: string, words: string) => doc(prefix).events.find((e) => e.text.includes(words))!;

describe('the sample corpus, read with its manifest', () => {
  it('finds every money amount with its value and currency, and nothing else', () => {
    const amounts = docs.flatMap((d) => d.amounts.map((a) => [d.document.file.slice(0, 3), a.text, a.value, a.currency]));
    expect(amounts).toEqual([
      ['000', '١٤ مليار دولار', 14e9, 'USD'],
      ['000', '١٥٠ مليار دولار', 150e9, 'USD'],
      ['000', '٤١,٨ مليار دولار', 41.8e9, 'USD'],
      ['001', '37 مليار دولار', 37e9, 'USD'],
      ['002', '11,9 Mrd. Euro', 11.9e9, 'EUR'],
      ['003', '70 milliards de dollars', 70e9, 'USD'], // the headline
      ['003', '70 milliards de dollars', 70e9, 'USD'], // the lead
      ['004', '1.6 مليار دولار', 1.6e9, 'USD'],
      ['004', '270 مليون دولار', 270e6, 'USD'],
    ]);
  });

  it('keeps counts of users, companies, patents and places, and percentages, out of the amounts', () => {
    const counts = (prefix: string) => findQuantities(doc(prefix).document.text, doc(prefix).document.lang).filter((q) => q.kind !== 'money').map((q) => [q.text, q.value]);
    expect(counts('000')).toEqual(expect.arrayContaining([['٨٧٠ مليون مستخدم', 870e6], ['١٥ مليون شركة', 15e6]]));
    expect(counts('001')).toEqual(expect.arrayContaining([['مليار مستخدم', 1e9]]));
    expect(counts('002')).toEqual(expect.arrayContaining([['90 solcher Patente', 90]]));
    expect(counts('003')).toEqual(expect.arrayContaining([['30 places', 30], ['20%', 20]]));
  });

  it('dates and labels the events a careful reader would list', () => {
    const listed = docs.flatMap((d) => d.events.map((e) => [d.document.file.slice(0, 3), e.date.value, e.date.mod ?? '', e.role, e.label]));
    expect(listed).toEqual([
      ['000', '2018-06-08', '', 'headline', 'Ant Financial · funding round · $14 bn'],
      ['000', '2018-03-31', '', 'context', 'Alipay · announcement'],
      ['000', '2016-SU', 'START', 'headline', 'Ant Financial · launch'],
      // Same sentence, its second statement: "…، واستمرت لتوظيف خبراء بلوكتشين في الشركة ككل في العام التالي".
      ['000', '2017', '', 'headline', 'Ant Financial · hiring'],
      ['000', '2017', '', 'headline', 'Eric Jing · statement'],
      ['000', '2017', '', 'headline', 'Jack Ma · richest · $41.8 bn'],
      ['000', '2018-05', '', 'headline', 'Jack Ma · statement'],
      ['001', '2021-04-12', '', 'headline', "Alipay · regulators' order"],
      // "تم إخبار Alipay … ، الأوقات المالية ذكرت يوم الاثنين": Alipay was told; the Financial Times reported.
      ['001', '2021-04-12', '', 'headline', 'Financial Times · report'],
      // "… the fintech conglomerate's $37 bn listing, after its founder Jack Ma criticised officials": the
      // conglomerate is Ant Group, named as the previous sentence's subject; Jack Ma did not go public.
      ['001', '2020-11', '', 'headline', 'Ant Financial · IPO · $37 bn'],
      ['001', '2021-04-12', '', 'headline', "China's MIIT · regulators' order"],
      ['001', '2021-03', '', 'headline', "China · regulators' order"],
      ['002', '2018-09-21', '', 'headline', 'Ant Financial · launch'],
      ['002', '2018-09-20', '', 'headline', 'Ant Financial · announcement'],
      ['002', '2018-SU', 'START', 'headline', 'Ant Financial · test'],
      ['002', '2018-06', '', 'headline', 'Ant Financial · funding round · €11.9 bn'],
      ['002', '2018-08', 'END', 'headline', 'Alibaba · patents'],
      ['002', '2018-09', 'START', 'headline', 'Jack Ma · statement'],
      // The lead paragraph's "70 milliards de dollars", dated by "Reuters a rapporté le 26 mai que la société …".
      ['003', '2020-05-26', '', 'headline', 'Tencent · investment · $70 bn'],
      ['003', '2020-04-30', '', 'headline', 'Cointelegraph · announcement'],
      ['003', '2020-05-24', '', 'headline', "National People's Congress · proposal"],
      ['004', '2018-04', '', 'headline', 'China · budget · $1.6 bn'],
      ['004', '2018-W32', '', 'headline', 'هذا الأسبوع كانت هناك 3 حركات جديدة تزيد من الأمور.'],
    ]);
  });

  it('links each event to its sentence, its entities and its amounts', () => {
    const funding = eventWith('000', '٨ يونيو');
    // The figure is in the lead sentence; the next one dates it ("according to the company's announcement today, 8 June").
    expect(doc('000').amounts[funding.amounts[0]!]!.value).toBe(14e9);
    expect(funding.entities).toEqual(['ant-financial', 'alipay']);
    expect(doc('000').document.text.slice(funding.start, funding.end)).toBe(funding.text);
    const richest = eventWith('000', 'أغنى رجل');
    expect(richest.entities).toContain('jack-ma');
    expect(doc('000').amounts[richest.amounts[0]!]!.value).toBe(41.8e9);
    expect(eventWith('000', 'تحدث').entities).toEqual(['jack-ma', 'tianjin']); // the quoted "ما", never the bare word
    expect(eventWith('002', 'gestern').entities).toEqual(['ant-financial', 'jiang-guofei', 'hangzhou']);
    // The IPO's actor, borrowed from the sentence before, is one of the event's entities (filters find it there).
    expect(eventWith('001', '37 مليار').entities).toEqual(['jack-ma', 'ant-financial']);
  });

  it('marks the year ending 31 March 2018 as the frame of a figure, not the headline date', () => {
    expect(eventWith('000', '٣١ مارس').role).toBe('context');
  });

  it('finds the catalog entities, the quoted Jack Ma, and offers unknown names as candidates', () => {
    const ids = (prefix: string) => [...new Set((doc(prefix).mentions ?? []).map((m) => m.entity))];
    expect(ids('000')).toEqual(expect.arrayContaining(['ant-financial', 'alipay', 'deutsche-bank', 'citi', 'cicc', 'jpmorgan', 'morgan-stanley', 'eric-jing', 'alibaba', 'jack-ma', 'tianjin']));
    expect(ids('001')).toEqual(expect.arrayContaining(['alipay', 'afp', 'financial-times', 'ant-financial', 'jack-ma', 'miit', 'alibaba', 'china']));
    expect(ids('002')).toEqual(expect.arrayContaining(['ant-financial', 'alibaba', 'china-money-network', 'jiang-guofei', 'hangzhou', 'alipay', 'gcash', 'jack-ma', 'ibm']));
    expect(ids('003')).toEqual(expect.arrayContaining(['tencent', 'reuters', 'wechat', 'chinese-government', 'dowson-tong', 'cointelegraph', 'npc', 'anhui']));
    expect(ids('004')).toEqual(expect.arrayContaining(['china', 'tzero', 'overstock', 'bank-of-china', 'miit', 'united-states', 'silicon-valley']));
    // "ما" as a word ("ما هو افضل سن للزواج", "ما يسمى") is never Jack Ma.
    expect(doc('001').mentions!.filter((m) => m.entity === 'jack-ma').map((m) => m.text)).toEqual(['جاك ما']);
    expect(doc('002').candidates!.map((c) => c.text)).toEqual(expect.arrayContaining(['Technology Exploration Conference', 'ATEC']));
    expect(doc('004').candidates!.map((c) => c.text)).toContain('Qiuwan');
  });

  it('links the Arabic and German reports of the June 2018 funding round, and nothing else', () => {
    const { documents, stats } = linkEvents(docs);
    const linked = documents.flatMap((d) => d.events.filter((e) => e.sameAs?.length));
    expect(linked.map((e) => [e.label, e.sameAs])).toEqual([
      ['Ant Financial · funding round · $14 bn', [eventWith('002', 'Juni').id]],
      ['Ant Financial · funding round · €11.9 bn', [eventWith('000', '٨ يونيو').id]],
    ]);
    expect(linked[0]!.links![0]!.reasons.join(' ')).toMatch(/€11.9 bn/);
    expect(stats.links).toBe(2);
  });
});

describe('the sample corpus, read without its manifest', () => {
  const bare = annotateAll(false);

  it('invents no year: every event is stated, dated from the text, or keeps its unknown year', () => {
    for (const d of bare) {
      for (const e of d.events) {
        // A year may come from a publication date inferred from the text with quoted evidence, and then says so.
        const ok = e.date.certainty === 'stated' || /X/.test(e.date.value) || (d.document.published.source === 'text' && e.date.certainty === 'inferred');
        expect(ok, `${e.id} ${e.date.value} ${e.date.certainty}`).toBe(true);
      }
    }
    expect(bare.find((d) => d.document.file.startsWith('002'))!.events.find((e) => e.text.includes('Juni'))!.date.value).toBe('XXXX-06');
  });

  it("still links the two funding reports, and the German one borrows its year from the Arabic twin, saying so", () => {
    const { documents } = linkEvents(bare);
    const arabic = documents.find((d) => d.document.file.startsWith('000'))!;
    expect(arabic.document.published).toMatchObject({ value: '2018-06-08', source: 'text', certainty: 'inferred' });
    const german = documents.find((d) => d.document.file.startsWith('002'))!.events.find((e) => e.text.includes('Juni'))!;
    expect(german.sameAs).toHaveLength(1);
    expect(german.date).toMatchObject({ value: '2018-06', certainty: 'inferred', evidence: expect.stringMatching(/.+/) });
  });

  it('finds the same amounts as with the manifest', () => {
    expect(bare.flatMap((d) => d.amounts.map((a) => a.value))).toEqual(docs.flatMap((d) => d.amounts.map((a) => a.value)));
  });
});
