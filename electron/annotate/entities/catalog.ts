/**
 * The entity catalog: plain JSON-able data (assets/entities/default-catalog.json) so a user's edited copy can
 * replace it. Ids are stable across runs and exports: they come from the catalog, never from the text.
 */
import { z } from 'zod';
import type { Catalog } from '../../../shared/catalog';
import defaultCatalogJson from '../../../assets/entities/default-catalog.json';

// The catalog's shape is part of the one data model (shared/catalog.ts, with the researcher's edits to it).
export { aliasText, type Alias, type Catalog, type CatalogEntry } from '../../../shared/catalog';

const aliasSchema = z.union([z.string().min(1), z.object({ text: z.string().min(1), caseSensitive: z.boolean().optional(), quoted: z.boolean().optional() })]);
const catalogSchema = z.object({
  format: z.literal('chronolens.entities/1'),
  description: z.string().optional(),
  entities: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes'),
      name: z.string().min(1),
      type: z.enum(['ORG', 'PERSON', 'PLACE', 'OTHER']),
      aliases: z.array(aliasSchema),
    }),
  ),
});

/** Validates a catalog (a user's copy, say); throws with a readable message when it is malformed. */
export function parseCatalog(data: unknown): Catalog {
  const r = catalogSchema.safeParse(data);
  if (!r.success) throw new Error(`entity catalog is malformed: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const seen = new Set<string>();
  for (const e of r.data.entities) {
    if (seen.has(e.id)) throw new Error(`entity catalog is malformed: duplicate id ${e.id}`);
    seen.add(e.id);
  }
  return r.data as Catalog;
}

let cached: Catalog | null = null;

/** The catalog bundled with the app. */
export function defaultCatalog(): Catalog {
  cached ??= parseCatalog(defaultCatalogJson);
  return cached;
}
