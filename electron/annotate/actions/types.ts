/** News actions: language-independent ids with an English label, and per-language words that signal them. */
export type ActionId =
  | 'funding' | 'ipo' | 'invest' | 'budget' | 'valuation' | 'richest' | 'patent' | 'test' | 'launch'
  | 'order' | 'propose' | 'hire' | 'announce' | 'report' | 'speak' | 'publish';

/** Words as written; a trailing `*` matches any word starting so (Latin only); spaces make phrases. */
export type ActionWords = Partial<Record<ActionId, string[]>>;
