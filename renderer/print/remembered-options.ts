/**
 * The export dialog's last choices, kept in localStorage as the explorer keeps its view (filters/filter-state.ts).
 * Read back field by field: a stale, hand-edited or foreign value falls back to the default for that field only.
 */
import { DEFAULT_PRINT_OPTIONS, MAX_SCALE, MAX_TITLE, MIN_SCALE, ORIENTATIONS, PAPERS, PRINT_FORMATS, SPLITS, type PrintFormat, type PrintOptions } from '../../shared/print-options';

export const STORAGE_KEY = 'chronolens.print-options';
/** Reports are titled "Chronolens timeline" unless the researcher gives a title of their own. */
export const TITLE_MODES = ['default', 'custom'] as const;
export type TitleMode = (typeof TITLE_MODES)[number];

export interface Remembered extends Pick<PrintOptions, 'paper' | 'orientation' | 'split' | 'scale'> {
  format: PrintFormat;
  titleMode: TitleMode;
  /** The custom title (kept when switching back to the default, so it is there next time). */
  title: string;
}

export const DEFAULT_REMEMBERED: Remembered = {
  format: 'pdf',
  paper: DEFAULT_PRINT_OPTIONS.paper,
  orientation: DEFAULT_PRINT_OPTIONS.orientation,
  split: DEFAULT_PRINT_OPTIONS.split,
  scale: DEFAULT_PRINT_OPTIONS.scale,
  titleMode: 'default',
  title: '',
};

const oneOf = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T => (typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback);

/** Checks a stored value field by field. */
export function parseRemembered(raw: unknown): Remembered {
  const r = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_REMEMBERED;
  const scale = typeof r.scale === 'number' && Number.isFinite(r.scale) && r.scale >= MIN_SCALE && r.scale <= MAX_SCALE ? r.scale : d.scale;
  const title = typeof r.title === 'string' ? r.title.slice(0, MAX_TITLE) : d.title;
  return {
    format: oneOf(r.format, PRINT_FORMATS, d.format),
    paper: oneOf(r.paper, PAPERS, d.paper),
    orientation: oneOf(r.orientation, ORIENTATIONS, d.orientation),
    split: oneOf(r.split, SPLITS, d.split),
    scale,
    titleMode: oneOf(r.titleMode, TITLE_MODES, d.titleMode),
    title,
  };
}

export function loadRemembered(storage: Pick<Storage, 'getItem'> = localStorage): Remembered {
  try {
    return parseRemembered(JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}'));
  } catch {
    return { ...DEFAULT_REMEMBERED };
  }
}

export function saveRemembered(r: Remembered, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(r));
  } catch {
    // Storage full or disabled: the dialog still works, it just won't remember.
  }
}

/** The report's title for these choices: none (the default title) unless a custom one is chosen and not blank. */
export function titleOf(r: Pick<Remembered, 'titleMode' | 'title'>): string | undefined {
  const t = r.title.trim();
  return r.titleMode === 'custom' && t ? t : undefined;
}
