/**
 * Which catalog a document was matched with: a short content hash of the catalog, stored with each document so the
 * store knows what to match again after the researcher edits the catalog. Matchers are built once per catalog.
 */
import { createHash } from 'node:crypto';
import type { Catalog } from '../../../shared/catalog';
import { defaultCatalog } from './catalog';
import { defaultEntityMatcher, EntityMatcher } from './match-entities';

export const catalogKey = (c: Catalog): string => createHash('sha256').update(JSON.stringify(c.entities)).digest('hex').slice(0, 16);

let defaultKey: string | null = null;
/** The key of the bundled catalog: documents without a key were matched with it. */
export function defaultCatalogKey(): string {
  defaultKey ??= catalogKey(defaultCatalog());
  return defaultKey;
}

let last: { key: string; matcher: EntityMatcher } | null = null;

/** The matcher for a catalog, built once for the latest catalog asked for (a run uses one catalog throughout). */
export function matcherFor(c: Catalog, key = catalogKey(c)): EntityMatcher {
  if (key === defaultCatalogKey()) return defaultEntityMatcher();
  if (last?.key !== key) last = { key, matcher: new EntityMatcher(c) };
  return last.matcher;
}
