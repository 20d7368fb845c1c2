import { useEffect, useRef } from 'react';

interface Keys {
  /** Enter with an event selected: open the editor. */
  onEnter: () => void;
  onUndo: () => void;
  onRedo: () => void;
  /** False while a dialog is open (it handles its own keys). */
  enabled: boolean;
}

/** Text fields keep their own Enter and Ctrl+Z; buttons and links keep Enter. */
export function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

const isControl = (target: EventTarget | null): boolean => target instanceof HTMLElement && target.closest('button, a[href], summary, [role="menuitem"]') !== null;

/** Enter opens the editor; Ctrl/Cmd+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo, when focus is not in a text field. */
export function useEditorKeys(keys: Keys): void {
  const current = useRef(keys);
  useEffect(() => {
    current.current = keys;
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const k = current.current;
      if (!k.enabled || e.defaultPrevented || e.altKey || isTextField(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) k.onRedo();
        else k.onUndo();
      } else if (mod && key === 'y' && !e.shiftKey) {
        e.preventDefault();
        k.onRedo();
      } else if (!mod && !e.shiftKey && e.key === 'Enter' && !isControl(e.target)) {
        e.preventDefault();
        k.onEnter();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
