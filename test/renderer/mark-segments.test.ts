import { describe, expect, it } from 'vitest';
import { buildSegments, type MarkSpan, type SegmentNode } from '../../renderer/source/mark-segments';

/** Serialises the tree as bracketed text, e.g. "a[S:b(t:c)]d". */
function show(text: string, nodes: SegmentNode<string>[]): string {
  return nodes.map((n) => (n.type === 'text' ? text.slice(n.start, n.end) : `[${n.span.data}:${show(text, n.children)}]`)).join('');
}

const span = (start: number, end: number, rank: number, data: string): MarkSpan<string> => ({ start, end, rank, data });

describe('buildSegments', () => {
  const text = 'Heute, am 8. Juni, sammelte Ant 14 Mrd. ein.';

  it('returns the plain text when there are no spans', () => {
    expect(show(text, buildSegments(text.length, []))).toBe(text);
  });

  it('nests marks inside the sentence that contains them', () => {
    const nodes = buildSegments(text.length, [span(10, 17, 2, 't'), span(0, text.length, 0, 'S'), span(28, 31, 2, 'e')]);
    expect(show(text, nodes)).toBe('[S:Heute, am [t:8. Juni], sammelte [e:Ant] 14 Mrd. ein.]');
  });

  it('keeps the top-ranked span whole and splits a mark that crosses it', () => {
    // The mark starts before the sentence does: it is cut in two, the sentence stays one element.
    const nodes = buildSegments(10, [span(0, 6, 2, 'm'), span(4, 10, 0, 'S')]);
    expect(show('0123456789', nodes)).toBe('[m:0123][S:[m:45]6789]');
  });

  it('puts the longer of two marks starting together outside', () => {
    expect(show('abcdef', buildSegments(6, [span(0, 2, 2, 'short'), span(0, 5, 2, 'long')]))).toBe('[long:[short:ab]cde]f');
  });

  it('clamps spans to the text and drops empty ones', () => {
    expect(show('abc', buildSegments(3, [span(2, 9, 2, 'x'), span(1, 1, 2, 'empty')]))).toBe('ab[x:c]');
  });

  it('covers every character exactly once', () => {
    const nodes = buildSegments(text.length, [span(3, 20, 1, 'a'), span(10, 30, 2, 'b'), span(15, 25, 0, 'c')]);
    expect(show(text, nodes).replace(/\[[a-z]+:|\]/g, '')).toBe(text);
  });
});
