import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { boundaryOffset, selectionAnchor, type DomNode } from '../../../renderer/editor/selection-offsets';

const TEXT = 'Ant raised $14 bn in June. وسوف يتم ٨ يونيو. Ma spoke in May.';
const at = (s: string): number => TEXT.indexOf(s);

/** The DOM the source pane renders: bare text nodes, sentences and marks around them with their start offset. */
function render(): { body: DomNode; find: (s: string) => DomNode } {
  const s1 = at('Ant');
  const s2 = at('وسوف');
  const m = at('٨ يونيو');
  const html =
    `<div class="doc-body"><span data-offset="${s1}">Ant raised <mark data-offset="${at('$14')}">$14 bn</mark> in June.</span> ` +
    `<span data-offset="${s2}">وسوف يتم <mark data-offset="${m}">٨ يونيو</mark>.</span> Ma spoke in May.</div>`;
  const { document } = parseHTML(`<html><body>${html}</body></html>`);
  const body = document.querySelector('.doc-body') as unknown as DomNode;
  const find = (s: string): DomNode => {
    const walk = (n: DomNode): DomNode | null => {
      if (n.nodeType === 3 && (n.textContent ?? '').includes(s)) return n;
      for (let i = 0; i < n.childNodes.length; i++) {
        const r = walk(n.childNodes[i]!);
        if (r) return r;
      }
      return null;
    };
    return walk(body)!;
  };
  return { body, find };
}

describe('selection offsets', () => {
  it('maps a point in a text node inside a mark to its offset in the document text', () => {
    const { body, find } = render();
    const node = find('$14 bn');
    expect(boundaryOffset(body, node, 1)).toBe(at('14 bn'));
  });

  it('maps points in bare text after the last element, and element boundaries (node, child index)', () => {
    const { body, find } = render();
    // The text node is ' Ma spoke in May.': offset 4 is just before 'spoke'.
    expect(boundaryOffset(body, find('Ma spoke'), 4)).toBe(at('spoke'));
    expect(boundaryOffset(body, body, 0)).toBe(0);
    expect(boundaryOffset(body, body, body.childNodes.length)).toBe(TEXT.length);
  });

  it('gives the exact selected substring with its offsets, across marks and in Arabic, either direction', () => {
    const { body, find } = render();
    const from = find('Ant raised');
    const to = find(' in June.');
    const a = selectionAnchor(body, { anchorNode: from, anchorOffset: 4, focusNode: to, focusOffset: 4 }, 'd1', TEXT);
    expect(a).toEqual({ doc: 'd1', start: at('raised'), end: at(' June.'), text: 'raised $14 bn in' });
    expect(TEXT.slice(a!.start, a!.end)).toBe(a!.text);
    // Selected right to left (focus before anchor), in the Arabic sentence: the same substring.
    const ar = selectionAnchor(body, { anchorNode: find('٨ يونيو'), anchorOffset: 7, focusNode: find('وسوف'), focusOffset: 5 }, 'd1', TEXT);
    expect(ar).toEqual({ doc: 'd1', start: at('يتم'), end: at('٨ يونيو') + 7, text: 'يتم ٨ يونيو' });
  });

  it('leaves white space at the ends out and refuses empty or outside selections', () => {
    const { body, find } = render();
    const node = find('Ma spoke');
    const a = selectionAnchor(body, { anchorNode: node, anchorOffset: 0, focusNode: node, focusOffset: 4 }, 'd1', TEXT);
    expect(a?.text).toBe('Ma');
    expect(selectionAnchor(body, { anchorNode: node, anchorOffset: 2, focusNode: node, focusOffset: 2 }, 'd1', TEXT)).toBeNull();
    const { document } = parseHTML('<p>elsewhere</p>');
    const outside = document.querySelector('p')!.firstChild as unknown as DomNode;
    expect(selectionAnchor(body, { anchorNode: outside, anchorOffset: 0, focusNode: node, focusOffset: 2 }, 'd1', TEXT)).toBeNull();
  });
});
