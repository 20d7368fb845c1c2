/**
 * The entity catalog and the researcher's edits to it. The catalog is plain JSON-able data (the bundled default is
 * assets/entities/default-catalog.json); the researcher's changes (add, rename, alias, merge, delete, dismissing a
 * suggested name) are edits in the same append-only log as event edits (edits.ts), replayed over the bundled catalog
 * every time. So they survive re-annotation and new versions of the default catalog, Undo/Redo work on them like on
 * any edit, and an edit whose entity is gone is reported as orphaned, never dropped.
 */
import type { EntityType } from './model';
import type { Edit, OrphanedEdit } from './edits';

export type Alias = string | { text: string; caseSensitive?: boolean; quoted?: boolean };

export interface CatalogEntry {
  id: string;
  name: string;
  type: EntityType;
  aliases: Alias[];
}

export interface Catalog {
  format: 'chronolens.entities/1';
  description?: string;
  entities: CatalogEntry[];
}

export const ENTITY_TYPES: readonly EntityType[] = ['ORG', 'PERSON', 'PLACE', 'OTHER'];

/** Catalog edits (members of EditOp, edits.ts). */
export type CatalogOp =
  /** A new entity. `id` is assigned by the main process when the renderer leaves it out (see newEntityId). */
  | { kind: 'entity.add'; id?: string; name: string; type: EntityType; aliases?: string[] }
  /** Renames and/or retypes an entity; a replaced name stays an alias, so the text it matched still matches. */
  | { kind: 'entity.update'; id: string; name?: string; type?: EntityType }
  | { kind: 'entity.alias'; id: string; add?: string[]; remove?: string[] }
  /** `from` entities become `into`: their names and aliases join its aliases, their ids go. */
  | { kind: 'entity.merge'; into: string; from: string[] }
  | { kind: 'entity.delete'; id: string }
  /** A suggested name (candidate) the researcher does not want offered again; `key` is its folded form. */
  | { kind: 'candidate.dismiss'; key: string; text: string };

export type CatalogOpKind = CatalogOp['kind'];
export const CATALOG_OP_KINDS: readonly CatalogOpKind[] = ['entity.add', 'entity.update', 'entity.alias', 'entity.merge', 'entity.delete', 'candidate.dismiss'];
export const isCatalogOp = (op: { kind: string }): op is CatalogOp => (CATALOG_OP_KINDS as readonly string[]).includes(op.kind);
/** Catalog edits that change what the matcher finds (dismissing a suggestion changes nothing in the documents). */
export const changesMatching = (op: { kind: string }): boolean => isCatalogOp(op) && op.kind !== 'candidate.dismiss';

export const aliasText = (a: Alias): string => (typeof a === 'string' ? a : a.text);

/**
 * A name (or a whole text) folded as the matcher folds words (text-tokens.ts): case, Latin diacritics, ß, Arabic
 * hamza forms, taa marbuta, alef maqsura, Persian letters and tatweel; spacing collapsed. Used to tell whether two
 * names a researcher typed are the same name, and whether a text may contain a name at all (catalog-sync.ts).
 */
export function foldName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\u0640/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/[ىیۍ]/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/ß/g, 'ss')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/** A readable, unique id for a new entity: "Zhao Zhiju" → "zhao-zhiju"; a name without Latin letters → "entity-N". */
export function newEntityId(name: string, taken: ReadonlySet<string>): string {
  const slug = foldName(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const base = slug || 'entity';
  if (slug && !taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export interface CatalogState {
  catalog: Catalog;
  /** Ids of entities the researcher added. */
  added: ReadonlySet<string>;
  /** Ids of bundled entities the researcher changed (renamed, retyped, aliased, merged into). */
  changed: ReadonlySet<string>;
  /** Dismissed suggestions: folded key → the text as it was shown. */
  dismissed: ReadonlyMap<string, string>;
  /** Merged-away id → the id it lives on as. */
  mergedInto: ReadonlyMap<string, string>;
  orphaned: OrphanedEdit[];
}

/** Why `name` cannot be added to entity `self`: it already names another entity. */
function conflict(entities: ReadonlyMap<string, CatalogEntry>, name: string, self: string | null): string | null {
  const f = foldName(name);
  for (const e of entities.values()) {
    if (e.id === self) continue;
    if (foldName(e.name) === f || e.aliases.some((a) => foldName(aliasText(a)) === f)) return `“${name}” already names ${e.name} (${e.id})`;
  }
  return null;
}

const hasName = (e: CatalogEntry, name: string): boolean => foldName(e.name) === foldName(name) || e.aliases.some((a) => foldName(aliasText(a)) === foldName(name));

/**
 * Replays the catalog edits of `log` (undone ones skipped) over `base`. Pure; linear in edits and entities. An edit
 * that cannot apply (its entity is gone, a name it adds already belongs to another entity) is orphaned with a reason.
 */
export function applyCatalogEdits(base: Catalog, log: readonly Edit[]): CatalogState {
  const entities = new Map<string, CatalogEntry>(base.entities.map((e) => [e.id, { ...e, aliases: [...e.aliases] }]));
  const added = new Set<string>();
  const changed = new Set<string>();
  const dismissed = new Map<string, string>();
  const mergedInto = new Map<string, string>();
  const orphaned: OrphanedEdit[] = [];
  const live = log.filter((e) => !e.undone).sort((a, b) => a.seq - b.seq);

  for (const edit of live) {
    const op = edit.op;
    if (!isCatalogOp(op)) continue;
    const fail = (reason: string): void => void orphaned.push({ edit, reason });
    const missing = (id: string): boolean => {
      if (entities.has(id)) return false;
      fail(`there is no entity ${id} in the catalog`);
      return true;
    };
    switch (op.kind) {
      case 'entity.add': {
        const id = op.id ?? `user-${edit.seq}`;
        if (entities.has(id)) {
          fail(`the catalog already has an entity ${id}`);
          break;
        }
        const names = [op.name, ...(op.aliases ?? [])];
        const clash = names.map((n) => conflict(entities, n, null)).find((c) => c !== null);
        if (clash) {
          fail(clash);
          break;
        }
        const aliases = (op.aliases ?? []).filter((a, i, all) => foldName(a) !== foldName(op.name) && all.findIndex((b) => foldName(b) === foldName(a)) === i);
        entities.set(id, { id, name: op.name, type: op.type, aliases });
        added.add(id);
        break;
      }
      case 'entity.update': {
        if (missing(op.id)) break;
        const e = entities.get(op.id)!;
        if (op.name !== undefined && foldName(op.name) !== foldName(e.name)) {
          const clash = conflict(entities, op.name, e.id);
          if (clash) {
            fail(clash);
            break;
          }
          // The old name keeps matching; the new one stops being a mere alias.
          const aliases = e.aliases.filter((a) => foldName(aliasText(a)) !== foldName(op.name!));
          if (!aliases.some((a) => foldName(aliasText(a)) === foldName(e.name))) aliases.push(e.name);
          entities.set(e.id, { ...e, name: op.name, aliases, ...(op.type ? { type: op.type } : {}) });
        } else entities.set(e.id, { ...e, ...(op.name !== undefined ? { name: op.name } : {}), ...(op.type ? { type: op.type } : {}) });
        changed.add(e.id);
        break;
      }
      case 'entity.alias': {
        if (missing(op.id)) break;
        const e = entities.get(op.id)!;
        const clash = (op.add ?? []).map((a) => conflict(entities, a, e.id)).find((c) => c !== null);
        if (clash) {
          fail(clash);
          break;
        }
        const gone = (op.remove ?? []).find((r) => !e.aliases.some((a) => foldName(aliasText(a)) === foldName(r)));
        if (gone !== undefined) {
          fail(`“${gone}” is not an alias of ${e.name}`);
          break;
        }
        const remove = new Set((op.remove ?? []).map(foldName));
        const aliases = e.aliases.filter((a) => !remove.has(foldName(aliasText(a))));
        for (const a of op.add ?? []) if (!hasName({ ...e, aliases }, a)) aliases.push(a);
        entities.set(e.id, { ...e, aliases });
        changed.add(e.id);
        break;
      }
      case 'entity.merge': {
        const ids = [op.into, ...op.from];
        if (ids.some((id) => !entities.has(id))) {
          fail(`there is no entity ${ids.filter((id) => !entities.has(id)).join(', ')} in the catalog`);
          break;
        }
        if (op.from.includes(op.into) || new Set(op.from).size !== op.from.length) {
          fail('an entity cannot be merged into itself');
          break;
        }
        const into = entities.get(op.into)!;
        const aliases = [...into.aliases];
        for (const id of op.from) {
          const f = entities.get(id)!;
          for (const a of [f.name, ...f.aliases]) if (!hasName({ ...into, aliases }, aliasText(a))) aliases.push(a);
          entities.delete(id);
          mergedInto.set(id, op.into);
          for (const [old, now] of mergedInto) if (now === id) mergedInto.set(old, op.into);
          added.delete(id);
          changed.delete(id);
        }
        entities.set(into.id, { ...into, aliases });
        changed.add(into.id);
        break;
      }
      case 'entity.delete': {
        if (missing(op.id)) break;
        entities.delete(op.id);
        added.delete(op.id);
        changed.delete(op.id);
        break;
      }
      case 'candidate.dismiss':
        dismissed.set(op.key, op.text);
        break;
    }
  }
  for (const id of added) changed.delete(id);
  return { catalog: { ...base, entities: [...entities.values()] }, added, changed, dismissed, mergedInto, orphaned };
}

/** An entity as the catalog panel lists it, with how often the corpus names it. */
export interface CatalogEntityView {
  id: string;
  name: string;
  type: EntityType;
  /** Aliases as text (the case and quote conditions of bundled aliases are kept, not shown). */
  aliases: string[];
  /** `user`: the researcher added it; `bundled`: from the default catalog (`edited` when the researcher changed it). */
  origin: 'bundled' | 'user';
  edited: boolean;
  /** Mentions in the corpus, documents mentioning it, events naming it. */
  mentions: number;
  documents: number;
  events: number;
}

/** A name the catalog does not know, found in the corpus and offered to the researcher. */
export interface CandidateView {
  /** Folded text: the identity a dismissal records. */
  key: string;
  text: string;
  kind: 'latin-in-arabic' | 'capitalised' | 'quoted' | 'org-pattern';
  count: number;
  documents: number;
  /** A few documents it occurs in. */
  docs: Array<{ id: string; title: string }>;
}

export interface EntityCatalogView {
  entities: CatalogEntityView[];
  /** Most frequent first; dismissed ones left out. */
  candidates: CandidateView[];
  dismissed: Array<{ key: string; text: string }>;
  /** Catalog edits that could not apply (their entity is gone, a name clashes): kept and shown, never dropped. */
  orphaned: OrphanedEdit[];
}
