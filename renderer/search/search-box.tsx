import { useEffect, useRef } from 'react';

interface Props {
  query: string;
  onQuery: (q: string) => void;
  /** Enter: jump to the first match. */
  onSubmit: () => void;
  matchCount: number | null;
  total: number;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function SearchBox({ query, onQuery, onSubmit, matchCount, total }: Props) {
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target)) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="search" role="search">
      <label htmlFor="search-input" className="visually-hidden">
        Search events
      </label>
      <input
        id="search-input"
        ref={input}
        type="search"
        data-testid="search"
        dir="auto"
        placeholder="Search events…  ( / )"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onSubmit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onQuery('');
          }
        }}
        aria-describedby="search-count"
      />
      <span id="search-count" className="search-count" aria-live="polite">
        {matchCount === null ? `${total} events` : `${matchCount} of ${total}`}
      </span>
    </div>
  );
}

export { isTyping };
