import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { logicalLine, normalisePresentationForms, readsBackwards } from '../../../electron/corpus/arabic-visual';
import { extractDocument, formatOf } from '../../../electron/corpus/read-document';
import { AR_ARTICLE, DE_ARTICLE, docx, EN_ARTICLE } from '../../fixtures/ingest/make-fixtures';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(`test/fixtures/ingest/${name}`));
const extract = (rel: string, bytes: Uint8Array, lang?: 'ar' | 'de' | 'fr' | 'en') => extractDocument(rel, bytes, 'h', lang ? { lang } : {});

describe('formats', () => {
  it('knows its formats by extension and nothing else', () => {
    expect(['a.txt', 'b.MD', 'c.html', 'd.htm', 'e.pdf', 'f.docx'].map(formatOf)).toEqual(['text', 'markdown', 'html', 'html', 'pdf', 'docx']);
    expect(formatOf('g.doc')).toBeNull();
    expect(formatOf('README')).toBeNull();
  });

  it('reads a Chromium-printed Arabic PDF in logical order with ordinary letters', async () => {
    const out = await extract('a.pdf', fixture('arabic-chromium.pdf'));
    expect(out).toMatchObject({ text: AR_ARTICLE.join('\n'), encoding: 'pdf (Arabic reordered)', format: 'pdf' });
  });

  it('reads an English PDF as it is', async () => {
    expect(await extract('e.pdf', fixture('english-chromium.pdf'))).toMatchObject({ text: EN_ARTICLE.join('\n'), encoding: 'pdf' });
  });

  it('reads a .docx as its paragraphs', async () => {
    expect(await extract('g.docx', fixture('german.docx'))).toMatchObject({ text: DE_ARTICLE.join('\n\n'), encoding: 'docx', format: 'docx' });
  });

  it('reports a broken PDF and a broken .docx as undecodable, not as a crash', async () => {
    expect(await extract('x.pdf', new TextEncoder().encode('%PDF-1.4 nothing else here'))).toMatchObject({ file: 'x.pdf', code: 'undecodable' });
    expect(await extract('x.docx', new TextEncoder().encode('PK not really a zip'))).toMatchObject({ file: 'x.docx', code: 'undecodable' });
    expect(await extract('y.docx', new Uint8Array(docx([])))).toMatchObject({ code: 'empty' });
  });

  it('reads Markdown front matter and keeps the body', async () => {
    const out = await extract('m.md', new TextEncoder().encode('---\ntitle: Ant\npublished: 2018-06-08\n---\nBody text.\r\nSecond line.'));
    expect(out).toMatchObject({ text: 'Body text.\nSecond line.', frontMatter: { title: 'Ant', published: '2018-06-08' } });
  });

  it('reads a windows-1256 HTML page by its declared charset, keeping its title', async () => {
    const html = `<html><head><meta charset="windows-1256"><title>خبر</title></head><body><article><p>${AR_ARTICLE.join('</p><p>')}</p></article></body></html>`;
    const dec = new TextDecoder('windows-1256');
    const table = new Map<string, number>();
    for (let b = 0; b < 256; b++) table.set(dec.decode(new Uint8Array([b])), b);
    const bytes = new Uint8Array([...html.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))].map((c) => table.get(c) ?? 0x3f));
    const out = await extract('p.html', bytes, 'ar');
    expect(out).toMatchObject({ encoding: 'windows-1256', format: 'html', frontMatter: { title: 'خبر' } });
    expect('text' in out && out.text).toContain('اليوم، 8 يونيو');
  });

  it('notes how a text was obtained when the reader should know it', async () => {
    expect(await extract('a.pdf', fixture('arabic-chromium.pdf'))).toMatchObject({ notes: [{ code: 'pdf-reordered' }] });
    const dec = new TextDecoder('windows-1256');
    const table = new Map<string, number>();
    for (let b = 0; b < 256; b++) table.set(dec.decode(new Uint8Array([b])), b);
    const guessed = await extract('g.txt', new Uint8Array([...'أعلنت الشركة أمس عن جولة تمويل جديدة'].map((c) => table.get(c) ?? 0x3f)));
    expect(guessed).toMatchObject({ encoding: 'windows-1256', notes: [{ code: 'encoding-guessed' }] });
    expect(await extract('u.txt', new TextEncoder().encode('plain UTF-8'))).not.toHaveProperty('notes');
    const deep = await extract('d.html', new TextEncoder().encode(`<body>${'<div>'.repeat(500)}<p>Deep.</p>${'</div>'.repeat(500)}</body>`));
    expect(deep).toMatchObject({ text: 'Deep.', notes: [{ code: 'html-plain', message: expect.stringContaining('502 levels deep') }] });
  });

  it('says a page without article text is empty', async () => {
    expect(await extract('n.html', new TextEncoder().encode('<html><head><script>x()</script></head><body><nav></nav></body></html>'))).toMatchObject({ code: 'empty' });
  });
});

describe('Arabic stored in visual order', () => {
  it('sees backwards words from their glyph shapes and from frequent words', () => {
    expect(readsBackwards('ﺖﻨﻠﻋأ ﺔﻛﺮﺸﻟا')).toBe(true);
    expect(readsBackwards('يف نم ىلع ةكرشلا')).toBe(true);
    expect(readsBackwards(AR_ARTICLE.join('\n'))).toBe(false);
    expect(readsBackwards('ﺃﻋﻠﻨﺖ ﺍﻟﺸﺮﻛﺔ')).toBe(false);
  });

  it('reverses a line piece by piece, keeping numbers and Latin words in their own order and mirroring brackets', () => {
    // Visual order, left to right, as a PDF stores it; pdf.js already puts the letters inside one piece in order.
    const visual = ['.', '(', '2018', ')', ' ', 'الجاري', ' ', 'Ant', ' ', 'Group', ' ', 'العام'];
    expect(logicalLine(visual)).toBe('العام Ant Group الجاري (2018).');
  });

  it('maps presentation forms to ordinary letters and touches nothing else', () => {
    expect(normalisePresentationForms('ﺃﻋﻠﻨﺖ ﻻ … ½ ²')).toBe('أعلنت لا … ½ ²');
  });
});
