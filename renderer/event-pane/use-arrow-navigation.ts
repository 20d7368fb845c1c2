import { useEffect, useRef } from 'react';
import { isTyping } from '../search/search-box';
import { stepSelection } from './event-order';

/** Left / right arrows step through `ordered` (time order) unless the user is typing somewhere. */
export function useArrowNavigation(ordered: readonly { id: string }[], selectedId: string | null, select: (id: string) => void): void {
  const state = useRef({ ordered, selectedId, select });
  useEffect(() => {
    state.current = { ordered, selectedId, select };
  }, [ordered, selectedId, select]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      const s = state.current;
      const next = stepSelection(s.ordered, s.selectedId, e.key === 'ArrowRight' ? 1 : -1);
      if (next === null) return;
      e.preventDefault();
      s.select(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
