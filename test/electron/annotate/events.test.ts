import { describe, expect, it } from 'vitest';
import type { Lang, Published } from '../../../shared/model';
import { findAmounts } from '../../../electron/annotate/amounts';
import { defaultEntityMatcher } from '../../../electron/annotate/entities/index';
import { buildEvents } from '../../../electron/annotate/events';
import { splitSentences } from '../../../electron/annotate/sentences';
import { tagTimexes } from '../../../electron/annotate/time/index';

const PUB = (value: string): Published => ({ value, source: 'manifest', certainty: 'stated', evidence: 'test' });

function events(text: string, lang: Lang, published: string) {
  const pub = PUB(published);
  const matcher = defaultEntityMatcher();
  return buildEvents('d', text, splitSentences(text, lang), tagTimexes(text, { lang, ref: published }), pub, {
    lang,
    amounts: findAmounts(text, lang),
    mentions: matcher.match(text, lang),
    entity: (id) => matcher.entity(id),
  });
}

describe('events', () => {
  it('labels a German statement "entity · action · amount"', () => {
    const [e] = events('Dabei hat Ant Financial vor kurzem im Juni 11,9 Mrd. Euro für die Finanzierung der Technologieentwicklung aufgebracht.', 'de', '2018-09-21');
    expect(e).toMatchObject({ label: 'Ant Financial · funding round · €11.9 bn', date: { value: '2018-06' }, entities: ['ant-financial'], amounts: [0], role: 'headline' });
  });

  it('gives a coordinated clause with a date of its own its own event, in each language', () => {
    const pairs = (text: string, lang: Lang, pub: string) => events(text, lang, pub).map((e) => [e.date.value, e.label]);
    const ar = 'وفي وقتٍ مبكر من صيف عام ٢٠١٦، أطلقت "آنت فاينانشيال" تكنولوجيا بلوكتشين، واستمرت لتوظيف خبراء بلوكتشين في العام التالي.';
    const [first, second] = events(ar, 'ar', '2018-06-08');
    expect([first, second].map((e) => [e!.date.value, e!.label])).toEqual([
      ['2016-SU', 'Ant Financial · launch'],
      ['2017', 'Ant Financial · hiring'],
    ]);
    // Both are the sentence's statements (its span); the second says where its date stands, and has its own id.
    expect(first).toMatchObject({ start: 0, end: ar.length });
    expect(first!.part).toBeUndefined();
    expect(second).toMatchObject({ start: 0, end: ar.length });
    expect(ar.slice(second!.part)).toMatch(/^العام التالي/);
    expect(second!.id).not.toBe(first!.id);
    expect(pairs('Im Sommer 2016 startete Ant Financial eine Blockchain-Plattform, und im Folgejahr wurden Blockchain-Experten eingestellt.', 'de', '2018-09-21')).toEqual([
      ['2016-SU', 'Ant Financial · launch'],
      ['2017', 'Ant Financial · hiring'],
    ]);
    expect(pairs("À l'été 2016, Ant Financial a lancé une plateforme blockchain, puis l'année suivante a recruté des experts.", 'fr', '2018-09-21')).toEqual([
      ['2016-SU', 'Ant Financial · launch'],
      ['2017', 'Ant Financial · hiring'],
    ]);
    expect(pairs('In the summer of 2016 Ant Financial launched a blockchain platform, and the following year it began hiring experts.', 'en', '2018-09-21')).toEqual([
      ['2016-SU', 'Ant Financial · launch'],
      ['2017', 'Ant Financial · hiring'],
    ]);
  });

  it('keeps one event for a list of dates, a range, a frame or a since-clause in one sentence', () => {
    expect(events('Ant Financial raised funds in 2016, 2017 and 2018.', 'en', '2018-09-21')).toHaveLength(1);
    expect(events('Ant Financial tested the platform from May to July 2018, and launched it in September.', 'en', '2018-09-21').map((e) => e.date.value)).toEqual(['2018-05', '2018-09']);
    expect(events('In the year ending 31 March 2018, Alipay served 870 million users, according to its announcement in June 2018.', 'en', '2018-09-21')).toHaveLength(1);
    expect(events('Ant Financial has grown since 2014, and launched a platform in June 2018.', 'en', '2018-09-21')).toHaveLength(1);
    // Two dates in one clause: one statement.
    expect(events('Am 20. September 2018 kündigte Ant Financial die Plattform für den 1. Oktober an.', 'de', '2018-09-21')).toHaveLength(1);
  });

  it('labels a range with both ends, in each language', () => {
    expect(events('Im Juni hat Ant Financial zwischen 1 und 2 Mrd. Euro für die Finanzierung aufgebracht.', 'de', '2018-09-21')[0]!.label).toBe('Ant Financial · funding round · €1–2 bn');
    expect(events('Le 24 mai, Tencent a annoncé une levée de fonds entre 1 et 2 milliards de dollars.', 'fr', '2020-05-27')[0]!.label).toBe('Tencent · funding round · $1–2 bn');
    expect(events('In June 2018 Ant Financial raised $1-2bn in a funding round.', 'en', '2018-09-21')[0]!.label).toBe('Ant Financial · funding round · $1–2 bn');
    expect(events('جمعت آنت فاينانشيال في يونيو من 1 إلى 2 مليار دولار في جولة تمويل.', 'ar', '2018-09-21')[0]!.label).toBe('Ant Financial · funding round · $1–2 bn');
  });

  it('labels a French statement by its action and its subject', () => {
    const [e] = events("Le 24 mai, le Congrès national du peuple a proposé un fonds de développement de la blockchain.", 'fr', '2020-05-27');
    expect(e).toMatchObject({ label: "National People's Congress · proposal", date: { value: '2020-05-24' } });
  });

  it('names the person for a statement in an Arabic sentence', () => {
    const [e] = events('وفي عام ٢٠١٧، قال المدير التنفيذي لشركة آنت فاينانشيال إيريك جينغ إن بلوكتشين سينفذ بعمق في علي باي.', 'ar', '2018-06-08');
    expect(e).toMatchObject({ label: 'Eric Jing · statement', date: { value: '2017', certainty: 'stated' } });
  });

  it('names who reported, not the first name in the sentence, for a saying or reporting verb', () => {
    expect(events('On Monday, Alipay was told to exit small loans, the Financial Times reported.', 'en', '2021-04-13')[0]!.label).toBe('Financial Times · report');
    expect(events('تم إخبار Alipay بالتفرغ من أعمال القروض ، الأوقات المالية ذكرت يوم الاثنين.', 'ar', '2021-04-13')[0]!.label).toBe('Financial Times · report');
    expect(events('Am Montag berichtete die Financial Times, dass Alipay sein Kreditgeschäft abgeben muss.', 'de', '2021-04-13')[0]!.label).toBe('Financial Times · report');
    expect(events('Le 26 mai, Tencent espérait renforcer la fintech dans le pays, a rapporté Reuters.', 'fr', '2020-05-27')[0]!.label).toBe('Reuters · report');
  });

  it('does not take the organisation a speaker works for as the speaker', () => {
    expect(events('In 2017, the chief executive of Ant Financial Eric Jing said that blockchain would be used in Alipay.', 'en', '2018-06-08')[0]!.label).toBe('Eric Jing · statement');
  });

  it('never names a person or place as the actor of an IPO or funding round', () => {
    expect(events('In November regulators pulled the plug on the $37 bn IPO after Jack Ma criticised officials in China.', 'en', '2021-04-13')[0]!.label).toBe('IPO · $37 bn');
  });

  it('resolves "the conglomerate", "la société", "der Konzern" to the organisation the sentence before led with', () => {
    const en = events('Ant Group, the parent of Alipay, is the largest payments company in China. In November regulators pulled the plug on the $37 bn IPO of the conglomerate after its founder Jack Ma criticised officials.', 'en', '2021-04-13');
    expect(en[0]).toMatchObject({ label: 'Ant Financial · IPO · $37 bn', entities: ['jack-ma', 'ant-financial'] });
    const fr = events("Tencent est le géant chinois de la messagerie. Le 26 mai, la société a annoncé une levée de fonds de 2 milliards de dollars.", 'fr', '2020-05-27');
    expect(fr[0]!.label).toBe('Tencent · funding round · $2 bn');
    const de = events('Alibaba ist ein E-Commerce-Riese. Im Juni hat der Konzern 2 Mrd. Euro für die Finanzierung aufgebracht.', 'de', '2018-09-21');
    expect(de[0]!.label).toBe('Alibaba · funding round · €2 bn');
    // Without such a noun, a name from the sentence before is not borrowed.
    expect(events('Alibaba ist ein E-Commerce-Riese. Im Juni wurden 2 Mrd. Euro für die Finanzierung aufgebracht.', 'de', '2018-09-21')[0]!.label).toBe('funding round · €2 bn');
  });

  it('takes the figure of an undated lead sentence into the next sentence that dates it', () => {
    const text = 'دخلت شركة آنت إنترناشيونال في اتفاقيات نهائية للحصول على مبلغ ١٤ مليار دولار في جولة تمويل. وسوف يتم إنفاق الأموال على الابتكار، وفقًا لإعلان الشركة اليوم، ٨ يونيو.';
    const [e] = events(text, 'ar', '2018-06-08');
    expect(e).toMatchObject({ label: 'Ant Financial · funding round · $14 bn', date: { value: '2018-06-08' }, amounts: [0] });
    expect(e!.text.startsWith('وسوف')).toBe(true);
  });

  it('takes the lead paragraph’s figure into the next paragraph when that one dates it and refers back to the organisation', () => {
    const lead = 'Le géant chinois de la technologie Tencent Holdings va consacrer près de 70 milliards de dollars au cours des cinq prochaines années à la fintech.';
    const [e] = events(`${lead}\n\nReuters a rapporté le 26 mai que la société espérait renforcer la fintech.`, 'fr', '2020-05-27');
    expect(e).toMatchObject({ label: 'Tencent · investment · $70 bn', date: { value: '2020-05-26' }, amounts: [0] });
    expect(e!.entities).toEqual(expect.arrayContaining(['tencent', 'reuters']));
    // A new paragraph about something else keeps its own reading.
    const [other] = events(`${lead}\n\nLe 30 avril, Cointelegraph annonçait un nouvel accélérateur.`, 'fr', '2020-05-27');
    expect(other).toMatchObject({ label: 'Cointelegraph · announcement', amounts: [] });
    const en = events('Tencent will spend $70bn over the next five years on fintech.\n\nOn May 26 Reuters reported that the company hoped to grow.', 'en', '2020-05-27');
    expect(en[0]).toMatchObject({ label: 'Tencent · investment · $70 bn', date: { value: '2020-05-26' } });
  });

  it('marks a date that only frames a figure as context, in Arabic and English', () => {
    expect(events('ووفقًا لإعلان الشركة، في السنة المنتهية في ٣١ مارس ٢٠١٨، خدمت علي باي حوالي ٨٧٠ مليون مستخدم.', 'ar', '2018-06-08')[0]).toMatchObject({ role: 'context', date: { value: '2018-03-31' } });
    expect(events('In the year ending 31 March 2018, Alipay served 870 million users.', 'en', '2018-06-08')[0]).toMatchObject({ role: 'context' });
  });

  it('prefers the main date over a framing one in the same sentence', () => {
    const [e] = events('On 8 June 2018 Ant said that in the year ending 31 March 2018 it served 870 million users.', 'en', '2018-06-08');
    expect(e).toMatchObject({ role: 'headline', date: { value: '2018-06-08' } });
  });

  it('dates a range by its start and exposes its end', () => {
    const [e] = events('The trial ran from May 2018 to July 2018 in Hangzhou.', 'en', '2018-09-01');
    expect(e!.date).toMatchObject({ value: '2018-05', to: '2018-07' });
  });

  it('falls back to the clipped sentence when no entity, action or amount is named', () => {
    const [e] = events('هذا الأسبوع كانت هناك 3 حركات جديدة تزيد من الأمور.', 'ar', '2018-08-10');
    expect(e!.label).toBe('هذا الأسبوع كانت هناك 3 حركات جديدة تزيد من الأمور.');
  });

  it('keeps the old signature working without entities or amounts', () => {
    const text = 'Gestern kündigte Ant Financial eine Plattform an.';
    const out = buildEvents('d', text, splitSentences(text, 'de'), tagTimexes(text, { lang: 'de', ref: '2018-09-21' }), PUB('2018-09-21'));
    expect(out[0]).toMatchObject({ date: { value: '2018-09-20' }, entities: [], amounts: [] });
  });
});
