import { Fragment, type ReactNode } from 'react';
import type { MarkData } from './document-marks';
import type { SegmentNode } from './mark-segments';

interface Props {
  text: string;
  nodes: SegmentNode<MarkData>[];
  onSelectEvent: (id: string) => void;
}

/** Renders the segment tree as React elements: the text is only ever a text node, never markup. */
export function MarkedText({ text, nodes, onSelectEvent }: Props) {
  const render = (list: SegmentNode<MarkData>[]): ReactNode[] =>
    list.map((n) => {
      const key = `${n.type}-${n.start}-${n.end}-${n.type === 'span' ? n.span.data.kind : ''}`;
      if (n.type === 'text') return <Fragment key={key}>{text.slice(n.start, n.end)}</Fragment>;
      const d = n.span.data;
      const children = render(n.children);
      switch (d.kind) {
        case 'active-sentence':
          return (
            <span key={key} className="sentence active" data-testid="active-sentence" data-event-ref={d.eventId}>
              {children}
            </span>
          );
        case 'event-sentence':
          return (
            <span key={key} className="sentence" data-event-ref={d.eventId} onClick={() => onSelectEvent(d.eventId)} title="Select this event">
              {children}
            </span>
          );
        case 'timex':
          return d.eventId ? (
            <mark
              key={key}
              data-kind="timex"
              data-event-ref={d.eventId}
              title={d.title}
              className="jump"
              onClick={(ev) => {
                ev.stopPropagation();
                onSelectEvent(d.eventId!);
              }}
            >
              {children}
            </mark>
          ) : (
            <mark key={key} data-kind="timex" title={d.title}>
              {children}
            </mark>
          );
        default:
          return (
            <mark key={key} data-kind={d.kind} title={d.title}>
              {children}
            </mark>
          );
      }
    });
  return <>{render(nodes)}</>;
}
