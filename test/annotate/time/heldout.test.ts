/**
 * Held-out style checks: news sentences written for this file (not taken from any evaluation set), one or more
 * per rule family of issue #3, with the values a careful annotator would give for the reference date.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../shared/model';
import { tagTimexes } from '../../../electron/annotate/time/index';

const REF = '2019-03-14'; // a Thursday

type Case = [lang: Lang, sentence: string, expected: Array<[text: string, value: string, mod?: string]>];

const CASES: Case[] = [
  ["en", "The committee will meet next Tuesday to review the bids.", [["next Tuesday", "2019-03-19"]]],
  ["en", "Shares fell last Friday after the profit warning.", [["last Friday", "2019-03-08"]]],
  ["en", "The strike ended three days ago, the union said.", [["three days ago", "2019-03-11"]]],
  ["en", "Sales rose 4% in the last quarter, the company said.", [["last quarter", "2018-Q4"]]],
  ["en", "The plant will close at the end of the month.", [["the end of the month", "2019-03", "END"]]],
  ["en", "The bill passed on 03/05/2019 with a narrow majority.", [["03/05/2019", "2019-03-05"]]],
  ["en", "Polls open on Tuesday, April 2, across the state.", [["Tuesday, April 2", "2019-04-02"]]],
  ["en", "Talks resume the day after tomorrow in Geneva.", [["the day after tomorrow", "2019-03-16"]]],
  ["en", "Retailers expect record sales on Black Friday this year.", [["Black Friday this year", "2019-11-29"]]],
  ["en", "Markets in Hong Kong were closed for Chinese New Year.", [["Chinese New Year", "2019-02-05"]]],
  ["en", "The ceasefire held through Eid al-Fitr.", [["Eid al-Fitr", "2019-06-04"]]],
  ["en", "The report was filed on 2019-02-28.", [["2019-02-28", "2019-02-28"]]],
  ["en", "Earnings are due Feb. 28, 2020.", [["Feb. 28, 2020", "2020-02-28"]]],
  ["de", "Die Verhandlungen werden am nächsten Dienstag fortgesetzt.", [["nächsten Dienstag", "2019-03-19"]]],
  ["de", "Der Vertrag wurde vor drei Wochen unterzeichnet.", [["vor drei Wochen", "2019-02-21"]]],
  ["de", "Die Wahl findet in zwei Wochen statt.", [["in zwei Wochen", "2019-03-28"]]],
  ["de", "Das Gesetz tritt am dritten April in Kraft.", [["dritten April", "2019-04-03"]]],
  ["de", "Der Umsatz stieg im vergangenen Quartal deutlich.", [["vergangenen Quartal", "2018-Q4"]]],
  ["de", "Die Zahlen werden Ende des Monats veröffentlicht.", [["Ende des Monats", "2019-03", "END"]]],
  ["de", "Die Sitzung ist für den 2.4.2019 angesetzt.", [["2.4.2019", "2019-04-02"]]],
  ["de", "Am Dienstag, 2. April, stimmt der Bundestag ab.", [["Dienstag, 2. April", "2019-04-02"]]],
  ["de", "Die Delegation reist übermorgen nach Brüssel.", [["übermorgen", "2019-03-16"]]],
  ["de", "Die Gespräche sollen am Mittwoch in zwei Wochen beginnen.", [["Mittwoch in zwei Wochen", "2019-03-27"]]],
  ["de", "Die Geschäfte bleiben an Pfingstmontag geschlossen.", [["Pfingstmontag", "2019-06-10"]]],
  ["de", "Das Opferfest 2019 wird in vielen Städten gefeiert.", [["Opferfest 2019", "2019-08-11"]]],
  ["fr", "Le conseil se réunira mardi prochain à Paris.", [["mardi prochain", "2019-03-19"]]],
  ["fr", "L'accord a été signé il y a trois semaines.", [["il y a trois semaines", "2019-02-21"]]],
  ["fr", "Les résultats seront publiés dans deux semaines.", [["dans deux semaines", "2019-03-28"]]],
  ["fr", "La loi entrera en vigueur le premier avril.", [["premier avril", "2019-04-01"]]],
  ["fr", "Le chiffre d'affaires a progressé le trimestre dernier.", [["trimestre dernier", "2018-Q4"]]],
  ["fr", "Le rapport sera rendu à la fin du mois.", [["à la fin du mois", "2019-03", "END"]]],
  ["fr", "La séance est fixée au 02/04/2019.", [["02/04/2019", "2019-04-02"]]],
  ["fr", "Le vote aura lieu mardi 2 avril au Sénat.", [["mardi 2 avril", "2019-04-02"]]],
  ["fr", "Le ministre se rendra à Bruxelles après-demain.", [["après-demain", "2019-03-16"]]],
  ["fr", "Les syndicats manifesteront lundi en huit.", [["lundi en huit", "2019-03-25"]]],
  ["fr", "Les écoles seront fermées le lundi de Pâques.", [["lundi de Pâques", "2019-04-22"]]],
  // Past tense read from the auxiliary ("a signé") or the Präteritum: the May before, not the coming one.
  ["fr", "Le 26 mai, l'entreprise a signé le contrat.", [["26 mai", "2018-05-26"]]],
  ["de", "Am 26. Mai unterzeichnete das Unternehmen den Vertrag, im Juni investierte es.", [["26. Mai", "2018-05-26"], ["Juni", "2018-06"]]],
  // "last <season>" said during that season is the one a year before; "in the spring", "au printemps" are dates.
  ["en", "Last spring the firm hired 40 people; in the spring it will launch its app.", [["Last spring", "2018-SP"], ["spring", "2019-SP"]]],
  ["fr", "Au printemps, la société lancera son application ; le printemps dernier, elle recrutait.", [["printemps", "2019-SP"], ["printemps dernier", "2018-SP"]]],
  ["de", "Im letzten Frühjahr sank der Absatz.", [["letzten Frühjahr", "2018-SP"]]],
  // "<count> <unit> later/earlier" counts from the last date mentioned; "خلال خمس سنوات" is a span, not 2024.
  ["en", "The plant opened in 2015. Two years later it doubled its output.", [["2015", "2015"], ["Two years later", "2017"]]],
  ["de", "Die Firma wurde 2012 gegründet; zwei Jahre später ging sie an die Börse.", [["2012", "2012"], ["zwei Jahre später", "2014"]]],
  ["fr", "L'usine a ouvert en 2015 ; deux ans plus tard, elle a doublé sa production.", [["2015", "2015"], ["deux ans plus tard", "2017"]]],
  ["ar", "تعتزم الشركة استثمار المبلغ خلال خمس سنوات.", []],
  // Ranges: two dates, the first taking the year (and month) the second states.
  ["en", "From May to July 2017 the firm grew; between March 3 and March 5, 2018, trading halted.", [["May", "2017-05"], ["July 2017", "2017-07"], ["March 3", "2018-03-03"], ["March 5, 2018", "2018-03-05"]]],
  ["de", "Von März bis Mai 2017 wuchs die Firma; vom 3. bis 5. März 2018 ruhte der Handel, mit 3 bis 5 Personen.", [["März", "2017-03"], ["Mai 2017", "2017-05"], ["3.", "2018-03-03"], ["5. März 2018", "2018-03-05"]]],
  ["fr", "De mars à mai 2017, l'entreprise a grandi ; du 3 au 5 mars 2018, les échanges ont cessé.", [["mars", "2017-03"], ["mai 2017", "2017-05"], ["3", "2018-03-03"], ["5 mars 2018", "2018-03-05"]]],
  ["ar", "من مارس إلى مايو 2017 نمت الشركة، ومن 3 إلى 5 مارس 2018 توقف التداول، وبين 2016 و2018 تضاعفت الأرباح.", [["مارس", "2017-03"], ["مايو 2017", "2017-05"], ["3", "2018-03-03"], ["5 مارس 2018", "2018-03-05"], ["2016", "2016"], ["2018", "2018"]]],
  // Perfect verbs are past: February of this year, though the sentence also speaks of the coming May.
  ["ar", "قال المتحدث إن الشركة ستعلن نتائجها في أيار المقبل، بعد أن حققت أرباحا في شباط.", [["أيار المقبل", "2019-05"], ["شباط", "2019-02"]]],
  // A bare German year between auxiliary and participle is a date; counts before nouns and attributive participles are not.
  ["de", "Die Bank hatte 2016 begonnen, hat 2012 Mitarbeiter und befragte die 2000 befragten Kunden.", [["2016", "2016"]]],
  ["ar", "تراجعت المبيعات في الربيع الماضي.", [["الربيع الماضي", "2018-SP"]]],
  ["ar", "سيعلن الوزير النتائج يوم الاثنين.", [["يوم الاثنين", "2019-03-18"]]],
  ["ar", "ستبدأ المفاوضات مطلع الأسبوع المقبل.", [["مطلع الأسبوع المقبل", "2019-W12", "START"]]],
  ["ar", "وقالت الوزارة إن الاجتماع سيتم الشهر المقبل.", [["الشهر المقبل", "2019-04"]]],
  ["ar", "يصل الوفد إلى القاهرة بعد غدٍ.", [["بعد غدٍ", "2019-03-16"]]],
  ["ar", "وكان الرئيس قد استقبل الوفد أمس الأول.", [["أمس الأول", "2019-03-12"]]],
  ["ar", "وخلال الربع الأول من ۲۰۱۸ ارتفعت الأرباح، وخلال الربع الثالث من العام الماضي تراجعت.", [["الربع الأول من ۲۰۱۸", "2018-Q1"], ["الربع الثالث من العام الماضي", "2018-Q3"]]],
  ["ar", "وصل الوفد أول أمس إلى عمان.", [["أول أمس", "2019-03-12"]]],
  ["ar", "جرت الانتخابات في 12 أيار/مايو 2018.", [["12 أيار/مايو 2018", "2018-05-12"]]],
  ["ar", "وقع الاتفاق في 3 أيار (مايو) 2017.", [["3 أيار (مايو) 2017", "2017-05-03"]]],
  ["ar", "تبدأ العطلة مع عيد الفطر.", [["عيد الفطر", "2019-06-04"]]],
  ["ar", "ارتفعت الأسعار خلال الأسبوع الماضي.", [["الأسبوع الماضي", "2019-W10"]]],
  ["ar", "سيزور الرئيس باريس يوم الخميس القادم.", [["يوم الخميس القادم", "2019-03-21"]]],
];

describe('held-out news sentences', () => {
  for (const [lang, sentence, expected] of CASES) {
    it(`${lang}: ${sentence}`, () => {
      const got = tagTimexes(sentence, { lang, ref: REF }).filter((t) => t.type === 'DATE');
      expect(got.map((t) => (t.mod ? [t.text, t.value, t.mod] : [t.text, t.value]))).toEqual(expected);
    });
  }
});

describe('calendar holidays', () => {
  const cases: Array<[Lang, string, string]> = [
    ['en', 'Thanksgiving 2021', '2021-11-25'],
    ['en', 'Memorial Day 2019', '2019-05-27'],
    ['en', 'Eid al-Adha 2018', '2018-08-21'],
    ['en', 'Yom Kippur 2018', '2018-09-19'],
    ['en', 'Chinese New Year 2020', '2020-01-25'],
    ['de', 'Muttertag 2019', '2019-05-12'],
    ['de', 'Zuckerfest 2019', '2019-06-04'],
    ['fr', "l'Aïd el-Kébir 2019", '2019-08-11'],
    ['ar', 'رأس السنة الهجرية 2019', '2019-08-31'],
  ];
  for (const [lang, text, value] of cases) {
    it(`${lang}: ${text}`, () => {
      expect(tagTimexes(text, { lang, ref: REF }).map((t) => t.value)).toContain(value);
    });
  }
});

describe('Arabic future prefix', () => {
  it('reads سـ verbs as future and leaves nouns like سيارة alone', () => {
    expect(tagTimexes('سيعلن الوزير النتائج يوم الاثنين', { lang: 'ar', ref: REF })[0]?.value).toBe('2019-03-18');
    expect(tagTimexes('أعلن الوزير النتائج يوم الاثنين', { lang: 'ar', ref: REF })[0]?.value).toBe('2019-03-11');
    expect(tagTimexes('سيارة الوزير يوم الاثنين', { lang: 'ar', ref: REF })[0]?.value).toBe('2019-03-11');
    expect(tagTimexes('سنوات الحرب يوم الاثنين', { lang: 'ar', ref: REF })[0]?.value).toBe('2019-03-11');
  });
});
