import { describe, expect, it } from 'vitest';
import { defaultCatalog, EntityMatcher, parseCatalog } from '../../../../electron/annotate/entities/index';
import { discoverCandidates } from '../../../../electron/annotate/entities/discover-candidates';
import { tokenize } from '../../../../electron/annotate/text-tokens';

const matcher = new EntityMatcher();
const found = (text: string, lang: 'ar' | 'de' | 'fr' | 'en') => matcher.match(text, lang).map((m) => [m.entity, m.text]);

describe('entity matching', () => {
  it('strips Arabic clitics: و, ل, لل, ب and the article', () => {
    expect(found('وكانت البنوك العالمية الكبرى بما في ذلك دويتشه بنك وسيتي وجي بي مورغان ومورغان ستانلي تعمل كمستشارين', 'ar')).toEqual([
      ['deutsche-bank', 'دويتشه بنك'],
      ['citi', 'وسيتي'],
      ['jpmorgan', 'وجي بي مورغان'],
      ['morgan-stanley', 'ومورغان ستانلي'],
    ]);
    expect(found('قالت مصادر لوكالة فرانس برس إن الحكومة تريد ذلك', 'ar')).toEqual([['afp', 'لوكالة فرانس برس']]);
    expect(found('التنافس بين الولايات المتحدة والصين', 'ar')).toEqual([['united-states', 'الولايات المتحدة'], ['china', 'والصين']]);
  });

  it('folds Arabic spelling variants: hamza on alef, taa marbuta, tashkeel and tatweel', () => {
    expect(found('أعلنت آنت إنترناشيونال وانت انترناشيونال وآنتْ إنترناشيـونال', 'ar').map(([id]) => id)).toEqual(['ant-financial', 'ant-financial', 'ant-financial']);
    expect(found('قال إيريك جينغ وإريك جينغ', 'ar').map(([id]) => id)).toEqual(['eric-jing', 'eric-jing']);
  });

  it('matches Jack Ma\'s bare "ما" only when quoted, never the common word', () => {
    expect(found('وفي شهر مايو، تحدث "ما" في مؤتمر الاستخبارات العالمي الثاني في تيانجين', 'ar')).toEqual([['jack-ma', 'ما'], ['tianjin', 'تيانجين']]);
    expect(found('ما هو افضل سن للزواج؟ لإسقاط ما يسمى بالحدائق المسورة', 'ar')).toEqual([]);
    expect(found('التي أصبح مؤسسها جاك ما في العام الماضي أغنى رجل في آسيا', 'ar')).toEqual([['jack-ma', 'جاك ما'], ['asia', 'آسيا']]);
  });

  it('matches German names with case endings and inside hyphenated compounds', () => {
    expect(found('Der Alibaba-Gründer Jack Ma hat eine Beteiligung von AliPay signalisiert.', 'de')).toEqual([['alibaba', 'Alibaba'], ['jack-ma', 'Jack Ma'], ['alipay', 'AliPay']]);
    expect(found('Die Ankündigung wurde von Ant Financial-Vizepräsident Jiang Guoefei in Hangzhou gemacht.', 'de')).toEqual([['ant-financial', 'Ant Financial'], ['jiang-guofei', 'Jiang Guoefei'], ['hangzhou', 'Hangzhou']]);
    expect(found('Die Berater der Deutschen Bank und Alibabas Chef.', 'de')).toEqual([['deutsche-bank', 'Deutschen Bank'], ['alibaba', 'Alibabas']]);
  });

  it('matches French and English multi-word names, longest first', () => {
    expect(found('Le 24 mai, le Congrès national du peuple a proposé un fonds soutenu par le gouvernement chinois.', 'fr')).toEqual([['npc', 'Congrès national du peuple'], ['chinese-government', 'gouvernement chinois']]);
    expect(found('Tencent Holdings said WeChat and Tencent would invest.', 'en')).toEqual([['tencent', 'Tencent Holdings'], ['wechat', 'WeChat'], ['tencent', 'Tencent']]);
  });

  it('never matches a name across a line break', () => {
    expect(found('Morgan\nStanley', 'en')).toEqual([]);
  });

  it('loads a user catalog of the same shape and rejects a malformed one', () => {
    const user = parseCatalog({ format: 'chronolens.entities/1', entities: [{ id: 'acme', name: 'ACME', type: 'ORG', aliases: ['Acme Corp', 'أكمي'] }] });
    expect(new EntityMatcher(user).match('وقالت أكمي إن Acme Corp ستنمو', 'ar').map((m) => m.entity)).toEqual(['acme', 'acme']);
    expect(() => parseCatalog({ format: 'chronolens.entities/1', entities: [{ id: 'Bad Id', name: 'x', type: 'ORG', aliases: [] }] })).toThrow(/malformed/);
    expect(defaultCatalog().entities.length).toBeGreaterThan(30);
  });
});

describe('candidate discovery', () => {
  const candidates = (text: string, lang: 'ar' | 'de' | 'fr' | 'en') => {
    const toks = tokenize(text);
    return discoverCandidates(text, lang, toks, matcher.match(text, lang, toks)).map((c) => [c.text, c.count, c.kind]);
  };

  it('offers Latin-script names inside Arabic text, with counts', () => {
    expect(candidates('يقول ليو Qiuwan كبير مسؤولي المعلومات. وأكد Qiuwan ذلك', 'ar')).toEqual([['Qiuwan', 2, 'latin-in-arabic']]);
  });

  it('offers capitalised multi-word names in German and English, not sentence openers or dates', () => {
    expect(candidates('Die Ankündigung wurde auf der Ant Technology Exploration Conference (ATEC) gemacht, Ende August.', 'de')).toEqual([
      ['ATEC', 1, 'capitalised'],
      ['Technology Exploration Conference', 1, 'capitalised'],
    ]);
    expect(candidates('The Ministry of Commerce said so.', 'en')).toEqual([['Ministry of Commerce', 1, 'capitalised']]);
  });

  it('offers names after "شركة" that have no article, and skips "الشركة"', () => {
    expect(candidates('أعلنت شركة هواوي عن خطط جديدة وقالت الشركة إنها ستنمو', 'ar')).toEqual([['هواوي', 1, 'org-pattern']]);
  });

  it('offers short quoted names but not catalog names', () => {
    expect(candidates('وأطلقت "هواوي باي" خدمة جديدة مع "علي باي"', 'ar')).toEqual([['هواوي باي', 1, 'quoted']]);
  });
});
