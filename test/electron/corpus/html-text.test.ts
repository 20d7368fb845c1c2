import { describe, expect, it } from 'vitest';
import { declaredCharset, htmlToText, MAX_READABILITY_DEPTH, nestingDepth, stripTags } from '../../../electron/corpus/html-text';

const article = `<!doctype html><html><head><meta charset="utf-8"><title>Ant raises $14bn | Example News</title>
<style>body { color: red } .x::after { content: "STYLE TEXT" }</style>
<script>globalThis.__chronolensPwned = true; document.write('SCRIPT TEXT');</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World news menu</a></nav>
<header><div class="logo">Example News header</div></header>
<article><h1>Ant raises $14bn</h1>
<p>PARIS, 8 juin 2018 (AFP) - Ant Financial a annoncé une levée de fonds de 14 milliards de dollars, la plus grande jamais réalisée par une entreprise privée au monde.</p>
<p>La société, filiale d'Alibaba, valorisée à 150 milliards de dollars, investira dans la technologie &amp; l'innovation au cours des prochaines années.</p>
<p>Elle compte dépenser cet argent pour développer ses activités à l'international, selon son président.</p>
<img src="x" onerror="globalThis.__chronolensPwned = true"></article>
<aside>Related: other stories</aside><footer>© 2018 Example footer</footer>
<script>globalThis.__chronolensPwned = true</script></body></html>`;

describe('HTML article text', () => {
  it('keeps the article and drops navigation, header, footer, scripts and styles', () => {
    const out = htmlToText(article);
    expect(out.method).toBe('readability');
    expect(out.text).toContain("PARIS, 8 juin 2018 (AFP) - Ant Financial a annoncé");
    expect(out.text).toContain("technologie & l'innovation");
    for (const junk of ['World news menu', 'Example News header', 'footer', 'SCRIPT TEXT', 'STYLE TEXT', 'color: red']) expect(out.text).not.toContain(junk);
    expect(out.title).toBe('Ant raises $14bn | Example News');
  });

  it('separates paragraphs with a blank line', () => {
    expect(htmlToText(article).text.split('\n\n')).toHaveLength(3);
  });

  it('runs no script and no event handler from the page', () => {
    htmlToText(article);
    expect((globalThis as Record<string, unknown>).__chronolensPwned).toBeUndefined();
  });

  it('measures nesting depth in one pass, ignoring void and self-closing elements', () => {
    expect(nestingDepth('<div><p>a<br>b<img src=x><span/></p></div>')).toBe(2);
    expect(nestingDepth('<div>'.repeat(50) + 'x' + '</div>'.repeat(50))).toBe(50);
    expect(nestingDepth('<p title="a > b">x</p><!-- <div><div> -->')).toBe(1);
  });

  it('reads a 20,000-level page with the plain stripper, quickly and without overflowing the stack', () => {
    const deep = `<html><body>${'<div>'.repeat(20_000)}<p>Deep text on 8 June 2018.</p>${'</div>'.repeat(20_000)}</body></html>`;
    expect(nestingDepth(deep)).toBeGreaterThan(MAX_READABILITY_DEPTH);
    const t0 = performance.now();
    const out = htmlToText(deep);
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(out).toMatchObject({ text: 'Deep text on 8 June 2018.', method: 'plain' });
  });

  it('falls back to the plain text of the body when Readability finds no article', () => {
    const out = htmlToText('<html><head><title>T</title><script>x()</script></head><body><div>Kurz: heute, 8. Juni.</div></body></html>');
    expect(out.text).toBe('Kurz: heute, 8. Juni.');
  });

  it('strips tags linearly, decoding entities and skipping unclosed scripts', () => {
    expect(stripTags('a &lt;b&gt; &#1575;&#x644; &eacute;<br>c')).toBe('a <b> ال é\nc');
    expect(stripTags('before<script>never closed')).toBe('before');
  });

  it('finds a declared charset in the first bytes', () => {
    expect(declaredCharset(new TextEncoder().encode('<html><head><meta charset="windows-1256">'))).toBe('windows-1256');
    expect(declaredCharset(new TextEncoder().encode('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">'))).toBe('ISO-8859-6');
    expect(declaredCharset(new TextEncoder().encode('<p>no charset</p>'))).toBeNull();
  });
});
