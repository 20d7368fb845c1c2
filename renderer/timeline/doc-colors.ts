/** Number of distinct document colours defined in styles/app.css (`.doc-c0` … `.doc-c9`). */
export const DOC_COLOR_COUNT = 10;

/** Stable colour class per document, by its position in the (sorted) document list. */
export function docColorClasses(docIds: readonly string[]): Map<string, string> {
  return new Map(docIds.map((id, i) => [id, `doc-c${i % DOC_COLOR_COUNT}`]));
}
