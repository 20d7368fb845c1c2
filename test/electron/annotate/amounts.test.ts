import { describe, expect, it } from 'vitest';
import { findAmounts, findQuantities, formatMoney, toUsd } from '../../../electron/annotate/amounts';

const money = (text: string, lang: 'ar' | 'de' | 'fr' | 'en') => findAmounts(text, lang).map((a) => [a.text, a.value, a.currency]);

describe('money amounts', () => {
  it('reads Arabic-Indic digits with a comma decimal: "٤١,٨ مليار دولار" is 41.8 billion dollars', () => {
    expect(money('حيث ارتفع صافي ثروته إلى ٤١,٨ مليار دولار.', 'ar')).toEqual([['٤١,٨ مليار دولار', 41.8e9, 'USD']]);
  });

  it('reads Arabic amounts in Latin digits, with a dot decimal, and in millions', () => {
    expect(money('ميزانية الصين الضخمة البالغة 1.6 مليار دولار نحو تطوير تكنولوجيا blockchain', 'ar')).toEqual([['1.6 مليار دولار', 1.6e9, 'USD']]);
    expect(money('أعلنت شركة الأسهم الخاصة الصينية عن استثمار بقيمة 270 مليون دولار في tZero', 'ar')).toEqual([['270 مليون دولار', 270e6, 'USD']]);
  });

  it('reads Persian digits, Arabic duals and currency words with clitics (بالدولار)', () => {
    expect(money('جمعت الشركة ۳ مليارات بالدولار', 'ar')).toEqual([['۳ مليارات بالدولار', 3e9, 'USD']]);
    expect(money('استثمرت الشركة ملياري دولار في الصين', 'ar')).toEqual([['ملياري دولار', 2e9, 'USD']]);
    expect(money('وبلغت قيمة الصفقة ٥٠٠ مليون يورو', 'ar')).toEqual([['٥٠٠ مليون يورو', 500e6, 'EUR']]);
  });

  it('reads German decimal commas and abbreviated scales: "11,9 Mrd. Euro"', () => {
    expect(money('Dabei hat Ant Financial vor kurzem im Juni 11,9 Mrd. Euro für die Finanzierung aufgebracht.', 'de')).toEqual([['11,9 Mrd. Euro', 11.9e9, 'EUR']]);
    expect(money('Die Bank investiert 5 Milliarden US-Dollar und 250 Mio. Euro.', 'de')).toEqual([['5 Milliarden US-Dollar', 5e9, 'USD'], ['250 Mio. Euro', 250e6, 'EUR']]);
    expect(money('Der Umsatz stieg auf 1.250.000 Euro.', 'de')).toEqual([['1.250.000 Euro', 1_250_000, 'EUR']]);
  });

  it('reads German and French "Billion/billion" as 10^12 (long scale)', () => {
    expect(money('Die Schulden erreichten 2 Billionen Euro.', 'de')).toEqual([['2 Billionen Euro', 2e12, 'EUR']]);
  });

  it('reads French scales with "de": "70 milliards de dollars", "1,6 milliard de dollars", spaced thousands', () => {
    expect(money('Tencent Holdings va consacrer près de 70 milliards de dollars au cours des cinq prochaines années.', 'fr')).toEqual([['70 milliards de dollars', 70e9, 'USD']]);
    expect(money('Le fonds a levé 1,6 milliard de dollars et 5 000 euros.', 'fr')).toEqual([['1,6 milliard de dollars', 1.6e9, 'USD'], ['5 000 euros', 5000, 'EUR']]);
  });

  it('reads English symbols and suffixes: "$1.6bn", "US$ 5 million", "€11.9 billion", "£3m", "RMB 100 million"', () => {
    expect(money('Ant raised $1.6bn, then US$ 5 million, €11.9 billion, £3m and RMB 100 million.', 'en')).toEqual([
      ['$1.6bn', 1.6e9, 'USD'],
      ['US$ 5 million', 5e6, 'USD'],
      ['€11.9 billion', 11.9e9, 'EUR'],
      ['£3m', 3e6, 'GBP'],
      ['RMB 100 million', 100e6, 'CNY'],
    ]);
    expect(money('The company raised 14 billion dollars, 1,500 million yuan and HK$ 2 billion.', 'en')).toEqual([
      ['14 billion dollars', 14e9, 'USD'],
      ['1,500 million yuan', 1.5e9, 'CNY'],
      ['HK$ 2 billion', 2e9, 'HKD'],
    ]);
  });

  it('does not take counts of people or things, percentages or years for money', () => {
    expect(money('خدمت علي باي حوالي ٨٧٠ مليون مستخدم نشط سنويًا وأكثر من ١٥ مليون شركة صغيرة في الصين.', 'ar')).toEqual([]);
    expect(money('لدى Alipay أكثر من مليار مستخدم في الصين والهند.', 'ar')).toEqual([]);
    expect(money('Der E-Commerce-Konzern hat 90 solcher Patente angemeldet.', 'de')).toEqual([]);
    expect(money('Tencent avait ouvert des candidatures, avec un total de 30 places disponibles.', 'fr')).toEqual([]);
    expect(money('Save 20% off! In 2018 the eur area grew.', 'en')).toEqual([]);
  });

  it('reads ranges in all four languages as a low end (value) and a high end (max), sharing the scale and currency', () => {
    const ranges = (text: string, lang: 'ar' | 'de' | 'fr' | 'en') => findAmounts(text, lang).map((a) => [a.text, a.value, a.max, a.currency]);
    expect(ranges('The round raised between 1 and 2 billion dollars, then $1-2bn in debt and 1.5 to 2.5 billion yuan.', 'en')).toEqual([
      ['between 1 and 2 billion dollars', 1e9, 2e9, 'USD'],
      ['$1-2bn', 1e9, 2e9, 'USD'],
      ['1.5 to 2.5 billion yuan', 1.5e9, 2.5e9, 'CNY'],
    ]);
    expect(ranges('Ant sammelte zwischen 1 und 2 Mrd. Euro ein, Tencent 500 Mio. bis 1 Mrd. Euro.', 'de')).toEqual([
      ['zwischen 1 und 2 Mrd. Euro', 1e9, 2e9, 'EUR'],
      ['500 Mio. bis 1 Mrd. Euro', 500e6, 1e9, 'EUR'],
    ]);
    expect(ranges('Tencent investira entre 1 et 2 milliards de dollars, puis de 3 à 4 milliards d’euros.', 'fr')).toEqual([
      ['entre 1 et 2 milliards de dollars', 1e9, 2e9, 'USD'],
      ['3 à 4 milliards d’euros', 3e9, 4e9, 'EUR'],
    ]);
    expect(ranges('جمعت الشركة من 1 إلى 2 مليار دولار، وبين ١ و٢ مليار يورو.', 'ar')).toEqual([
      ['1 إلى 2 مليار دولار', 1e9, 2e9, 'USD'],
      ['وبين ١ و٢ مليار يورو', 1e9, 2e9, 'EUR'],
    ]);
  });

  it('does not read year spans, percent spans, lists or falling pairs as money ranges', () => {
    expect(findAmounts('From 2017-2018 growth was 10-20% and 3-2 billion dollars changed hands.', 'en').map((a) => [a.text, a.value, a.max])).toEqual([['2 billion dollars', 2e9, undefined]]);
    expect(findAmounts('Le fonds a levé 1,6 milliard de dollars et 5 000 euros.', 'fr').map((a) => a.max)).toEqual([undefined, undefined]);
    expect(findAmounts('Sie zahlte 1 und 2 Mrd. Euro.', 'de').map((a) => [a.value, a.max])).toEqual([[2e9, undefined]]); // "und" without "zwischen"
  });

  it('keeps counts and percentages as quantities with their unit', () => {
    expect(findQuantities('حوالي ٨٧٠ مليون مستخدم نشط', 'ar')).toMatchObject([{ text: '٨٧٠ مليون مستخدم', value: 870e6, kind: 'count', unit: 'مستخدم' }]);
    expect(findQuantities('Save 20% off', 'en')).toMatchObject([{ value: 20, kind: 'percent' }]);
  });

  it('gives UTF-16 offsets into the text', () => {
    const text = 'للحصول على مبلغ ١٤ مليار دولار في جولة تمويل';
    const [a] = findAmounts(text, 'ar');
    expect(text.slice(a!.start, a!.end)).toBe('١٤ مليار دولار');
  });

  it('stays linear on long digit and separator runs', () => {
    const text = `${'1,'.repeat(50_000)}1 ${'٩'.repeat(50_000)} مليار دولار`;
    const t0 = performance.now();
    findQuantities(text, 'ar');
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('comparison in US dollars', () => {
  it('converts €11.9 bn in 2018 to about $14 bn with the yearly average rate', () => {
    expect(toUsd(11.9e9, 'EUR', 2018)! / 1e9).toBeCloseTo(14.05, 1);
    expect(toUsd(14e9, 'USD', 2018)).toBe(14e9);
    expect(toUsd(1e9, 'XYZ', 2018)).toBeNull();
  });

  it('formats amounts for labels', () => {
    expect(formatMoney(14e9, 'USD')).toBe('$14 bn');
    expect(formatMoney(11.9e9, 'EUR')).toBe('€11.9 bn');
    expect(formatMoney(270e6, 'USD')).toBe('$270 m');
    expect(formatMoney(1e9, 'USD', 2e9)).toBe('$1–2 bn');
    expect(formatMoney(500e6, 'EUR', 1e9)).toBe('€0.5–1 bn');
  });
});
