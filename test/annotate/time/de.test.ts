import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { tagTimexes } from '../../../electron/annotate/time/index';
import { find, values } from './helpers';

const REF = '2018-09-21';

describe('German news (sample article 002, published 2018-09-21)', () => {
  const text = readFileSync(new URL('../../../../shared/corpus/002_d34475018d67325a.txt', import.meta.url), 'utf8');
  const tags = tagTimexes(text, { lang: 'de', ref: REF });
  const byText = (s: string) => tags.find((t) => t.text.includes(s));

  it("resolves 'am 21. September' to the publication day", () => {
    expect(byText('21. September')?.value).toBe('2018-09-21');
  });
  it("resolves 'gestern' to the day before the publication date", () => {
    expect(byText('gestern')?.value).toBe('2018-09-20');
  });
  it("reads 'In den letzten zwei Jahren' as a two-year duration, not a date", () => {
    const t = byText('zwei Jahren');
    expect(t?.type).toBe('DURATION');
    expect(t?.value).toBe('P2Y');
  });
  it("resolves 'Anfang des Sommers' to this summer with mod START", () => {
    expect(byText('Sommers')).toMatchObject({ value: '2018-SU', mod: 'START' });
  });
  it("resolves 'im Juni' to June of the publication year", () => {
    expect(byText('Juni')?.value).toBe('2018-06');
  });
  it("resolves 'Ende August' with mod END and 'Anfang des Monats' to the current month", () => {
    expect(byText('August')).toMatchObject({ value: '2018-08', mod: 'END' });
    expect(byText('Monats')).toMatchObject({ value: '2018-09', mod: 'START' });
  });
  it("leaves money and counts untagged ('11,9 Mrd. Euro', '90 solcher Patente')", () => {
    expect(tags.some((t) => /11|90/.test(t.text))).toBe(false);
  });
});

describe('German date forms', () => {
  it("reads '01.10.2018' and '3. März 2017' as days", () => {
    expect(values('Die Frist endete am 01.10.2018.', 'de', REF)).toEqual(['2018-10-01']);
    expect(values('Am 3. März 2017 wurde der Vertrag unterzeichnet.', 'de', REF)).toEqual(['2017-03-03']);
  });
  it("resolves 'vorgestern', 'heute' and 'morgen'", () => {
    expect(find('Vorgestern sprach der Minister.', 'de', REF, 'orgestern')?.value).toBe('2018-09-19');
    expect(find('Heute beginnt die Messe.', 'de', REF, 'Heute')?.value).toBe('2018-09-21');
    expect(find('Morgen wird abgestimmt.', 'de', REF, 'Morgen')?.value).toBe('2018-09-22');
  });
  it("resolves 'im Vorjahr', 'letzte Woche' and 'vergangenen Monat' against the publication date", () => {
    expect(find('Der Umsatz lag über dem Wert im Vorjahr.', 'de', REF, 'Vorjahr')?.value).toBe('2017');
    expect(find('Letzte Woche stieg der Kurs.', 'de', REF, 'Woche')?.value).toBe('2018-W37');
    expect(find('Vergangenen Monat fiel der Index.', 'de', REF, 'Monat')?.value).toBe('2018-08');
  });
  it("resolves 'vor zwei Jahren' to a year", () => {
    expect(find('Vor zwei Jahren begann das Projekt.', 'de', REF, 'Jahren')?.value).toBe('2016');
  });
  it("reads 'im dritten Quartal' as a quarter of the publication year", () => {
    expect(find('Im dritten Quartal stieg der Gewinn.', 'de', REF, 'Quartal')?.value).toBe('2018-Q3');
  });
  it("reads 'Frühjahr 2019' as a season and 'Mitte Mai' with mod MID", () => {
    expect(find('Im Frühjahr 2019 soll es losgehen.', 'de', REF, 'Frühjahr')?.value).toBe('2019-SP');
    expect(find('Mitte Mai kam es zum Streit.', 'de', REF, 'Mai')).toMatchObject({ value: '2018-05', mod: 'MID' });
  });
  it("tags a range 'zwischen 2016 und 2018' as two years", () => {
    expect(values('Zwischen 2016 und 2018 wuchs die Firma.', 'de', REF)).toEqual(['2016', '2018']);
  });
  it("reads 'seit mehreren Jahren' as a duration, never a date", () => {
    const t = find('Er arbeitet seit mehreren Jahren daran.', 'de', REF, 'Jahren');
    expect(t?.type).toBe('DURATION');
  });
  it("resolves 'im Folgejahr' against the last date mentioned", () => {
    expect(find('Im Jahr 2015 wurde die Firma gegründet, im Folgejahr ging sie an die Börse.', 'de', REF, 'Folgejahr')?.value).toBe('2016');
  });
  it("leaves '2 Mrd. Euro' and '2018 Mitarbeiter' untagged", () => {
    expect(values('Das kostet 2 Mrd. Euro und betrifft 2018 Mitarbeiter.', 'de', REF)).toEqual([]);
  });
  it("keeps 'gestern' unresolved when there is no publication date", () => {
    expect(find('Gestern kündigte die Firma an.', 'de', null, 'Gestern')?.value).toBe('XXXX-XX-XX');
  });
});
