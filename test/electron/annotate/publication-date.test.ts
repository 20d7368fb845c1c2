import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotateDocument } from '../../../electron/annotate/annotate-document';
import { currentYear, datePublication, inferPublicationDate, publicationDate } from '../../../electron/annotate/publication-date';
import { tagTimexes } from '../../../electron/annotate/time/index';
import type { Lang } from '../../../shared/model';

const infer = (text: string, lang: Lang) => inferPublicationDate(text, lang, tagTimexes(text, { lang, ref: null }));
const sample = (name: string): string => readFileSync(`assets/corpus/${name}`, 'utf8');

describe('publication date from metadata', () => {
  it('trusts the user, then the manifest, then front matter, then the file name', () => {
    const all = { file: '2017-01-02_x.txt', manifest: { published: '2018-06-08' }, frontMatter: { published: '2019-01-01' } };
    expect(publicationDate({ ...all, user: '2020-05' })).toMatchObject({ value: '2020-05', source: 'user', certainty: 'stated' });
    expect(publicationDate(all)).toMatchObject({ value: '2018-06-08', source: 'manifest' });
    expect(publicationDate({ ...all, manifest: {} })).toMatchObject({ value: '2019-01-01', source: 'frontmatter' });
    expect(publicationDate({ file: all.file })).toMatchObject({ value: '2017-01-02', source: 'filename' });
    expect(publicationDate({ file: 'x.txt' })).toMatchObject({ value: null, source: 'none', certainty: 'uncertain' });
  });

  it("puts a web page's own date below the manifest and front matter, above a dated file name", () => {
    const pageDate = { value: '2018-06-07', certainty: 'inferred' as const, evidence: 'page metadata: the first <time> of the article, before its text: <time datetime="2018-06-07">' };
    expect(publicationDate({ file: '2017-01-02_x.html', pageDate })).toEqual({ value: '2018-06-07', source: 'html', certainty: 'inferred', evidence: pageDate.evidence });
    expect(publicationDate({ file: '2017-01-02_x.html', pageDate, frontMatter: { published: '2019-01-01' } })).toMatchObject({ source: 'frontmatter' });
    expect(publicationDate({ file: 'x.html', pageDate, manifest: { published: '2018-06-08' } })).toMatchObject({ value: '2018-06-08', source: 'manifest' });
  });

  it('does not tag the text when metadata gives the date', () => {
    let calls = 0;
    const out = datePublication({ file: 'a.txt', text: 'Today, 8 June, this year (2018).', lang: 'en', manifest: { published: '2019-02-03' } }, () => {
      calls++;
      return [];
    });
    expect(out.published.value).toBe('2019-02-03');
    expect(calls).toBe(0);
  });
});

describe('publication date inferred from the text', () => {
  it('combines "اليوم، ٨ يونيو" with "العام الجاري (٢٠١٨)" in the sample article 000', () => {
    const p = infer(sample('000_146d0f612b7a5602.txt'), 'ar');
    expect(p).toMatchObject({ value: '2018-06-08', source: 'text', certainty: 'inferred' });
    expect(p.evidence).toContain('اليوم، ٨ يونيو');
    expect(p.evidence).toContain('العام الجاري (٢٠١٨)');
  });

  it('invents no year for the four sample articles that never state theirs', () => {
    const langs: Record<string, Lang> = { '001': 'ar', '002': 'de', '003': 'fr', '004': 'ar' };
    for (const name of readdirSync('assets/corpus').filter((n) => n.endsWith('.txt') && !n.startsWith('000'))) {
      const p = infer(sample(name), langs[name.slice(0, 3)]!);
      expect(p.value, name).toBeNull();
      expect(p.source, name).toBe('none');
    }
  });

  it('reads an explicit dateline as stated, in French, German, English and Arabic', () => {
    expect(infer('PARIS, 8 juin 2018 (AFP) - Le groupe chinois a annoncé une levée de fonds.', 'fr')).toMatchObject({ value: '2018-06-08', certainty: 'stated' });
    expect(infer('Titel\n\nBerlin, 21. September 2018 (dpa) - Ant Financial startet eine Plattform.', 'de')).toMatchObject({ value: '2018-09-21', certainty: 'stated' });
    expect(infer('HANGZHOU, China, June 8, 2018 – Ant Financial said on Friday it raised money.', 'en')).toMatchObject({ value: '2018-06-08', certainty: 'stated' });
    const ar = infer('بكين، ٨ يونيو ٢٠١٨ (أ ف ب) - أعلنت الشركة عن جولة تمويل.', 'ar');
    expect(ar).toMatchObject({ value: '2018-06-08', certainty: 'stated' });
    expect(ar.evidence).toContain('بكين، ٨ يونيو ٢٠١٨ (أ ف ب)');
  });

  it('reads "published on" lines in the four languages', () => {
    expect(infer('Ant raises $14bn\nPublished on 8 June 2018\n\nThe company said yesterday it had closed the round.', 'en')).toMatchObject({ value: '2018-06-08', certainty: 'stated' });
    expect(infer('Veröffentlicht am 08.06.2018\nDie Ankündigung wurde gestern gemacht.', 'de')).toMatchObject({ value: '2018-06-08', certainty: 'stated' });
    expect(infer('Publié le 8 juin 2018\nLe groupe a annoncé hier une levée de fonds.', 'fr')).toMatchObject({ value: '2018-06-08', certainty: 'stated' });
    expect(infer('نشر في ٨ يونيو ٢٠١٨\nأعلنت الشركة أمس عن جولة تمويل.', 'ar')).toMatchObject({ value: '2018-06-08', certainty: 'stated' });
  });

  it('does not read "published" after a date in a sentence as a publication line', () => {
    const p = infer('Laut neuen Daten, die Ende August 2018 veröffentlicht wurden, liegt Alibaba vorn.', 'de');
    expect(p.value).toBeNull();
  });

  it('completes "today, 8 June" with the year named as this year, in each language', () => {
    expect(infer('Ant said today, 8 June, that it raised $14bn. Earlier this year (2018) it had hinted at it.', 'en')).toMatchObject({ value: '2018-06-08', certainty: 'inferred' });
    expect(infer('Ant teilte heute, am 8. Juni, mit, dass die Runde abgeschlossen ist. Im Mai dieses Jahres (2018) hatte Ma davon gesprochen.', 'de')).toMatchObject({ value: '2018-06-08', certainty: 'inferred' });
    expect(infer("Ant a annoncé aujourd'hui, 8 juin, la clôture. En mai de cette année (2018), Ma en avait parlé.", 'fr')).toMatchObject({ value: '2018-06-08', certainty: 'inferred' });
  });

  it('keeps a day without a year unknown and says what it saw', () => {
    const p = infer('Ant said today, 8 June, that it raised $14bn.', 'en');
    expect(p.value).toBeNull();
    expect(p.certainty).toBe('uncertain');
    expect(p.evidence).toContain('XXXX-06-08');
  });

  it('refuses to choose when the article names two different current years', () => {
    expect(currentYear('this year (2018) ... this year (2019)')).toBe('conflict');
    expect(infer('Ant said today, 8 June, it raised money. This year (2018) was good; this year (2019) will be better.', 'en').value).toBeNull();
  });

  it('rejects a day that does not exist in the named year', () => {
    expect(infer('Ant said today, 29 February, it raised money. This year (2018) was good.', 'en').value).toBeNull();
  });

  it('gives the year alone when the article names only its current year', () => {
    expect(infer('Sales rose this year (2019) by a fifth.', 'en')).toMatchObject({ value: '2019', source: 'text', certainty: 'inferred' });
  });
});

describe('annotation with an inferred publication date', () => {
  it('resolves article 000’s relative dates against the inferred date without a manifest', () => {
    const text = sample('000_146d0f612b7a5602.txt');
    const a = annotateDocument({ id: 'd0', file: '000.txt', text, hash: 'h' });
    expect(a.document.published.value).toBe('2018-06-08');
    // "العام الماضي" (last year) resolves to 2017 once the article is dated.
    const lastYear = a.timexes.find((t) => t.text === 'العام الماضي');
    expect(lastYear?.value).toBe('2017');
  });

  it('keeps relative dates unresolved (X) when nothing dates the article', () => {
    const a = annotateDocument({ id: 'd2', file: '002.txt', text: sample('002_d34475018d67325a.txt'), hash: 'h' });
    expect(a.document.published.value).toBeNull();
    expect(a.timexes.find((t) => t.text === 'gestern')?.value).toMatch(/X/);
    expect(a.timexes.every((t) => !/^20\d\d-\d\d-\d\d$/.test(t.value))).toBe(true);
  });
});
