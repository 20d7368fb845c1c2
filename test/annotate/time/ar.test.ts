import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { tagTimexes } from '../../../electron/annotate/time/index';
import { find, values } from './helpers';

const corpus = (f: string) => readFileSync(new URL(`../../../../shared/corpus/${f}`, import.meta.url), 'utf8');

describe('Arabic news: sample article 000 (published 2018-06-08)', () => {
  const tags = tagTimexes(corpus('000_146d0f612b7a5602.txt'), { lang: 'ar', ref: '2018-06-08' });
  const byText = (s: string) => tags.find((t) => t.text.includes(s));

  it("reads 'اليوم، ٨ يونيو' as the publication day", () => {
    expect(byText('٨ يونيو')?.value).toBe('2018-06-08');
  });
  it("reads '٣١ مارس ٢٠١٨' with Arabic-Indic digits", () => {
    expect(byText('٣١ مارس')?.value).toBe('2018-03-31');
  });
  it("reads 'في وقت مبكر من صيف عام ٢٠١٦' as summer 2016 with mod START", () => {
    expect(byText('صيف')).toMatchObject({ value: '2016-SU', mod: 'START' });
  });
  it("resolves 'العام التالي' against summer 2016, not the publication date", () => {
    expect(byText('التالي')?.value).toBe('2017');
  });
  it("reads 'عام ٢٠١٧' and resolves 'العام الماضي' to the year before publication", () => {
    expect(byText('عام ٢٠١٧')?.value).toBe('2017');
    expect(byText('الماضي')?.value).toBe('2017');
  });
  it("resolves 'شهر مايو من العام الجاري (٢٠١٨)' to May 2018", () => {
    expect(byText('مايو')?.value).toBe('2018-05');
  });
  it('never tags the amounts ١٤ مليار, ١٥٠ مليار, ٤١,٨ مليار or ٨٧٠ مليون', () => {
    expect(tags.some((t) => /١٤|١٥٠|٤١|٨٧٠/.test(t.text))).toBe(false);
  });
});

describe('Arabic news: sample article 001 (published Tuesday 2021-04-13)', () => {
  const tags = tagTimexes(corpus('001_aa85632ba5fb63a3.txt'), { lang: 'ar', ref: '2021-04-13' });
  it("resolves 'يوم الاثنين' and 'يوم الإثنين' to the Monday before publication", () => {
    const mondays = tags.filter((t) => /الاثنين|الإثنين/.test(t.text));
    expect(mondays.length).toBe(3);
    for (const t of mondays) expect(t.value).toBe('2021-04-12');
  });
  it("resolves 'في نوفمبر' to the previous November and 'الشهر الماضي' to March", () => {
    expect(tags.find((t) => t.text.includes('نوفمبر'))?.value).toBe('2020-11');
    expect(tags.find((t) => t.text.includes('الشهر'))?.value).toBe('2021-03');
  });
});

describe('Arabic news: sample article 004 (published 2018-08-10)', () => {
  const tags = tagTimexes(corpus('004_551c0009b75b6349.txt'), { lang: 'ar', ref: '2018-08-10' });
  it("resolves 'أبريل الماضي' to April 2018", () => {
    expect(tags.find((t) => t.text.includes('أبريل'))?.value).toBe('2018-04');
  });
  it("reads 'العامين الماضيين' (dual) as a two-year duration", () => {
    expect(tags.find((t) => t.text.includes('العامين'))).toMatchObject({ type: 'DURATION', value: 'P2Y' });
  });
  it("resolves 'هذا الأسبوع' to the ISO week of publication", () => {
    expect(tags.find((t) => t.text.includes('الأسبوع'))?.value).toBe('2018-W32');
  });
  it("leaves '1.6 مليار' and '270 مليون' untagged", () => {
    expect(tags.some((t) => /1\.6|270/.test(t.text))).toBe(false);
  });
});

describe('Arabic date forms', () => {
  const REF = '2018-06-08';
  it('reads the Levantine, Egyptian and Maghreb month names alike', () => {
    expect(find('وقع الاتفاق في ١٥ حزيران ٢٠١٧', 'ar', REF, 'حزيران')?.value).toBe('2017-06-15');
    expect(find('وقع الاتفاق في ١٥ يونيو ٢٠١٧', 'ar', REF, 'يونيو')?.value).toBe('2017-06-15');
    expect(find('وقع الاتفاق في ١٥ جوان ٢٠١٧', 'ar', REF, 'جوان')?.value).toBe('2017-06-15');
    expect(find('وقع الاتفاق في ٣ كانون الثاني ٢٠١٧', 'ar', REF, 'كانون')?.value).toBe('2017-01-03');
  });
  it("reads the paired forms 'أيار/مايو' and 'أيار (مايو)' as one expression", () => {
    const a = tagTimexes('في ١٠ أيار/مايو ٢٠١٨ أعلنت الشركة', { lang: 'ar', ref: REF });
    expect(a.length).toBe(1);
    expect(a[0]?.value).toBe('2018-05-10');
    const b = tagTimexes('في أيار (مايو) ٢٠١٨ أعلنت الشركة', { lang: 'ar', ref: REF });
    expect(b.length).toBe(1);
    expect(b[0]?.value).toBe('2018-05');
  });
  it('reads Persian digits and attached clitics (وفي، وبـ)', () => {
    expect(find('وفي ۱۲ مارس ۲۰۱۸ أعلن البنك', 'ar', REF, 'مارس')?.value).toBe('2018-03-12');
    expect(find('وبعام 2015 بدأ المشروع', 'ar', REF, '2015')?.value).toBe('2015');
  });
  it("reads 'مطلع', 'منتصف' and 'أواخر' as modifiers", () => {
    expect(find('في مطلع العام المقبل', 'ar', REF, 'العام')).toMatchObject({ value: '2019', mod: 'START' });
    expect(find('في منتصف مارس', 'ar', REF, 'مارس')).toMatchObject({ value: '2018-03', mod: 'MID' });
    expect(find('في أواخر 2017', 'ar', REF, '2017')).toMatchObject({ value: '2017', mod: 'END' });
  });
  it("reads 'الربع الأول' as a quarter and 'سنة 2017' as a year", () => {
    expect(find('ارتفعت الأرباح في الربع الأول', 'ar', REF, 'الربع')?.value).toBe('2018-Q1');
    expect(find('في سنة 2017 تأسست الشركة', 'ar', REF, '2017')?.value).toBe('2017');
  });
  it("resolves 'أمس' and 'غدا' and 'قبل عامين'", () => {
    expect(find('أعلنت الشركة أمس عن نتائجها', 'ar', REF, 'أمس')?.value).toBe('2018-06-07');
    expect(find('سيعقد الاجتماع غدا', 'ar', REF, 'غدا')?.value).toBe('2018-06-09');
    expect(find('تأسست الشركة قبل عامين', 'ar', REF, 'عامين')?.value).toBe('2016');
  });
  it("tags 'من 2016 إلى 2018' as two years and 'خمس سنوات' as a duration", () => {
    expect(values('من 2016 إلى 2018 نمت الشركة', 'ar', REF)).toEqual(['2016', '2018']);
    expect(find('تستمر الخطة خمس سنوات', 'ar', REF, 'سنوات')).toMatchObject({ type: 'DURATION', value: 'P5Y' });
  });
  it('does not tag the ordinary word "أب" (father) as August', () => {
    expect(values('قال الأب إن ابنه سافر', 'ar', REF)).toEqual([]);
  });
});
