/**
 * Turns overlapping annotation spans over a text into a tree of nested segments, ready to render as elements
 * without ever parsing the (untrusted) text as HTML.
 *
 * Spans with a lower `rank` are outer (the selected sentence is rank 0, so it is always one single element);
 * among equal ranks the earlier and longer span is outer. A span that crosses an outer one is split in pieces.
 */
export interface MarkSpan<T> {
  start: number;
  end: number;
  rank: number;
  data: T;
}

export type SegmentNode<T> =
  | { type: 'text'; start: number; end: number }
  | { type: 'span'; span: MarkSpan<T>; start: number; end: number; children: SegmentNode<T>[] };

export function buildSegments<T>(textLength: number, spans: readonly MarkSpan<T>[]): SegmentNode<T>[] {
  const valid = spans
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(textLength, s.end) }))
    .filter((s) => s.end > s.start);
  // A fixed nesting order per span, so the same span always sits at the same depth in every piece.
  const order = valid
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.rank - b.s.rank || a.s.start - b.s.start || b.s.end - a.s.end || a.i - b.i)
    .map((x) => x.s);

  const cuts = new Set<number>([0, textLength]);
  for (const s of order) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);

  const root: SegmentNode<T>[] = [];
  // Open elements, outermost first, each with the span it renders and the children list being filled.
  const open: Array<{ span: MarkSpan<T>; node: Extract<SegmentNode<T>, { type: 'span' }> }> = [];
  for (let p = 0; p + 1 < points.length; p++) {
    const a = points[p]!;
    const b = points[p + 1]!;
    const covering = order.filter((s) => s.start <= a && s.end >= b);
    let keep = 0;
    while (keep < open.length && keep < covering.length && open[keep]!.span === covering[keep]) keep++;
    open.length = keep;
    for (let k = keep; k < covering.length; k++) {
      const span = covering[k]!;
      const node: Extract<SegmentNode<T>, { type: 'span' }> = { type: 'span', span, start: a, end: b, children: [] };
      (k === 0 ? root : open[k - 1]!.node.children).push(node);
      open.push({ span, node });
    }
    for (const o of open) o.node.end = b;
    const target = open.length === 0 ? root : open[open.length - 1]!.node.children;
    const last = target[target.length - 1];
    if (last && last.type === 'text' && last.end === a) last.end = b;
    else target.push({ type: 'text', start: a, end: b });
  }
  return root;
}
