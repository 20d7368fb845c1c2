import { useEffect, useRef } from 'react';

/**
 * Marks edited events (a pencil) on the timeline and in the event list, and rows picked for a merge, with data
 * attributes styled in editor.css. Those views belong to the explorer and vis-timeline redraws its items at will, so
 * the marks are (re)applied whenever the DOM changes; attributes React does not manage survive its renders.
 */
export function useDomMarks(edited: ReadonlySet<string>, picked: readonly string[]): void {
  const state = useRef({ edited, picked: new Set(picked) });
  const frame = useRef(0);

  const apply = useRef((): void => {
    frame.current = 0;
    const { edited: e, picked: p } = state.current;
    for (const el of document.querySelectorAll<HTMLElement>('[data-row-id]')) {
      const id = el.dataset.rowId ?? '';
      if (el.hasAttribute('data-edited') !== e.has(id)) el.toggleAttribute('data-edited', e.has(id));
      if (el.hasAttribute('data-picked') !== p.has(id)) el.toggleAttribute('data-picked', p.has(id));
    }
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid="timeline"] [data-event-id]')) {
      const on = e.has(el.dataset.eventId ?? '');
      if (el.hasAttribute('data-edited') !== on) el.toggleAttribute('data-edited', on);
    }
  });

  useEffect(() => {
    state.current = { edited, picked: new Set(picked) };
    apply.current();
  }, [edited, picked]);

  useEffect(() => {
    const schedule = (): void => {
      if (!frame.current) frame.current = requestAnimationFrame(() => apply.current());
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, []);
}
