import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { annotateCorpus } from '../../../electron/corpus/annotate-corpus';
import { htmlPublicationDate, isoDatePart } from '../../../electron/corpus/html-date';
import { extractDocument } from '../../../electron/corpus/read-document';
import { setPublicationDate } from '../../../electron/corpus/set-date';
import { openStore } from '../../../electron/store/database';
import { Repository } from '../../../electron/store/repository';

const PAGES = path.resolve('test/fixtures/ingest/pages');
const page = (name: string): string => readFileSync(path.join(PAGES, name), 'utf8');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'chronolens-html-date-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the publication date a web page declares', () => {
  it('reads Open Graph article:published_time first (not the modified time, a later <time>, or a script)', () => {
    expect(htmlPublicationDate(page('wire-en.html'))).toEqual({
      value: '2018-06-08',
      certainty: 'stated',
      evidence: 'page metadata: <meta property="article:published_time" content="2018-06-08T09:12:54Z">',
    });
  });

  it("reads the article's datePublished in a JSON-LD @graph (not the website's, not dateModified or og:updated_time)", () => {
    expect(htmlPublicationDate(page('journal-fr.html'))).toEqual({
      value: '2018-06-08',
      certainty: 'stated',
      evidence: 'page metadata: JSON-LD NewsArticle, ReportageNewsArticle "datePublished": "2018-06-08T11:37:03+02:00"',
    });
  });

  it('prefers microdata itemprop="datePublished" to a generic <meta name="date">', () => {
    expect(htmlPublicationDate(page('zeitung-de.html'))).toEqual({
      value: '2018-09-21',
      certainty: 'stated',
      evidence: 'page metadata: <time datetime="2018-09-21T14:05:00+02:00" itemprop="datePublished">',
    });
    // Without the microdata, the <meta name="date"> is what the page says.
    const bare = page('zeitung-de.html').replace(' itemprop="datePublished"', '');
    expect(htmlPublicationDate(bare)).toMatchObject({ value: '2018-09-20', certainty: 'stated', evidence: expect.stringContaining('<meta name="date"') });
  });

  it("takes the byline's <time> (before the article's first paragraph) as inferred, never a <time> in the text", () => {
    expect(htmlPublicationDate(page('akhbar-ar.html'))).toEqual({
      value: '2018-06-08',
      certainty: 'inferred',
      evidence: 'page metadata: the first <time> of the article, before its text: <time datetime="2018-06-08">',
    });
  });

  it('finds nothing in a page with only modification dates, broken JSON-LD, an impossible date and a <time> in the text', () => {
    expect(htmlPublicationDate(page('undated-en.html'))).toBeNull();
  });

  it('reads dates in ISO 8601 only, as the page writes them, and only real ones', () => {
    expect(['2018-06-08T23:30:00Z', '2018-06-08 10:00', '2018-06-08+02:00', '2018-06', '2018', '2018-02-30', '08/06/2018', '20180608', '2018-13-01'].map(isoDatePart)).toEqual([
      '2018-06-08', '2018-06-08', '2018-06-08', '2018-06', '2018', null, null, null, null,
    ]);
    expect(htmlPublicationDate('<meta content="2018-06-08T09:00:00&#43;02:00" property="og:article:published_time">')).toMatchObject({ value: '2018-06-08' });
  });

  it('stays linear on hostile markup', () => {
    const hostile = `${'<meta name="date" content="x'.repeat(20_000)}${'<time datetime='.repeat(20_000)}<script type="application/ld+json">${'['.repeat(50_000)}`;
    const t0 = performance.now();
    expect(htmlPublicationDate(hostile)).toBeNull();
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

describe('HTML pages in a corpus', () => {
  it('date each page from its markup, with the source "html" and the evidence, below the manifest', async () => {
    const dir = path.join(tmp, 'corpus');
    cpSync(PAGES, dir, { recursive: true });
    // The manifest dates one page itself: what the researcher wrote wins over what the page says.
    writeFileSync(path.join(dir, 'manifest.csv'), 'file,published\nzeitung-de.html,2018-09-22\n');
    const store = await openStore(path.join(tmp, 'store.json'));
    try {
      const repo = new Repository(store);
      await annotateCorpus(dir, repo, { jobs: 0 });
      const published = Object.fromEntries([...repo.storedByFile()].map(([f, d]) => [f, d.document.published]));
      expect(published['wire-en.html']).toEqual({ value: '2018-06-08', source: 'html', certainty: 'stated', evidence: 'page metadata: <meta property="article:published_time" content="2018-06-08T09:12:54Z">' });
      expect(published['journal-fr.html']).toMatchObject({ value: '2018-06-08', source: 'html', certainty: 'stated' });
      expect(published['akhbar-ar.html']).toMatchObject({ value: '2018-06-08', source: 'html', certainty: 'inferred' });
      expect(published['zeitung-de.html']).toMatchObject({ value: '2018-09-22', source: 'manifest' });
      expect(published['undated-en.html']).toMatchObject({ value: null, source: 'none' });
      // Relative dates resolve against the page's date: "Yesterday" in the wire story is 7 June 2018.
      const wire = repo.findDocument('wire-en.html')!;
      expect(wire.timexes.find((t) => t.text === 'Yesterday')).toMatchObject({ value: '2018-06-07' });
      // A date the user sets wins; cleared, the page's own date is back (kept with the document's inputs).
      await setPublicationDate(repo, 'wire-en.html', '2018-06-09');
      expect(repo.findDocument('wire-en.html')!.document.published).toMatchObject({ value: '2018-06-09', source: 'user' });
      await setPublicationDate(repo, 'wire-en.html', null);
      expect(repo.findDocument('wire-en.html')!.document.published).toEqual(published['wire-en.html']);
    } finally {
      await store.close();
    }
  });

  it('keep the page date when the document is read again from the bytes (and a page without one has none)', async () => {
    const bytes = new TextEncoder().encode(page('journal-fr.html'));
    expect(await extractDocument('journal-fr.html', bytes, 'h')).toMatchObject({ format: 'html', pageDate: { value: '2018-06-08', certainty: 'stated' } });
    expect(await extractDocument('undated-en.html', new TextEncoder().encode(page('undated-en.html')), 'h')).not.toHaveProperty('pageDate');
  });
});
