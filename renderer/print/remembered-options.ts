/** The export dialog's last choices (paper, orientation, split, scale), kept in localStorage. */
import { DEFAULT_PRINT_OPTIONS, parsePrintOptions, type PrintOptions } from '../../shared/print-options';

const STORAGE_KEY = 'chronolens.print-options';
export type Remembered = Pick<PrintOptions, 'paper' | 'orientation' | 'split' | 'scale'>;

/** The last choices (paper, orientation, split, scale), validated: a damaged entry falls back to the defaults. */
export function loadRemembered(storage: Pick<Storage, 'getItem'> = localStorage): Remembered {
  const d: Remembered = { paper: DEFAULT_PRINT_OPTIONS.paper, orientation: DEFAULT_PRINT_OPTIONS.orientation, split: DEFAULT_PRINT_OPTIONS.split, scale: DEFAULT_PRINT_OPTIONS.scale };
  try {
    const parsed = parsePrintOptions(JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}'));
    if (!parsed.ok) return d;
    const { paper, orientation, split, scale } = parsed.value;
    return { paper, orientation, split, scale };
  } catch {
    return d;
  }
}

export function saveRemembered(r: Remembered, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(r));
  } catch {
    // Storage full or disabled: the dialog still works, it just won't remember.
  }
}

