/**
 * After the researcher edits the entity catalog (or undoes/redoes an edit), the documents the change can touch are
 * matched again with the new catalog (rematchEntities: mentions, candidates, events and their labels; dates and
 * amounts stay), then linked again. Every document records the key of the catalog it was matched with, so nothing
 * is missed after a crash: a document matched with neither the previous nor the current catalog is matched again.
 *
 * Which documents: those mentioning an entity the edit changed (renamed, merged, deleted, given or stripped of
 * aliases), and those whose folded text contains a name of a changed entity (a new alias can find new mentions).
 * The rest only have their key updated.
 */
import { aliasText, applyCatalogEdits, foldName, newEntityId, type Catalog, type CatalogEntry, type CatalogOp } from '../../shared/catalog';
import { rematchEntities } from '../annotate/annotate-document';
import { catalogKey, defaultCatalogKey } from '../annotate/entities/index';
import { stripArticle, tokenize } from '../annotate/text-tokens';
import type { Repository } from '../store/repository';
import type { StoredDocument } from '../store/schema';

export interface CatalogChange {
  /** Entities whose existing mentions change meaning: removed, merged away, renamed, retyped, or stripped of a name. */
  ids: Set<string>;
  /** For each name new to an entity, its longest word folded: a text without any of them gains no mention. */
  cores: string[];
}

/** A word of `name` that any text mentioning it must contain (folded; the Arabic article off: clitics vary it). */
function coreOf(name: string): string | null {
  let best = '';
  for (const t of tokenize(name)) {
    if (t.kind === 'sym') continue;
    const w = foldName(t.arabic ? stripArticle(t.norm) : t.text);
    if (w.length > best.length) best = w;
  }
  return best || null;
}

const namesOf = (e: CatalogEntry): string[] => [e.name, ...e.aliases.map(aliasText)];

export function catalogChange(before: Catalog, after: Catalog): CatalogChange {
  const old = new Map(before.entities.map((e) => [e.id, e]));
  const now = new Map(after.entities.map((e) => [e.id, e]));
  const ids = new Set<string>();
  const cores = new Set<string>();
  for (const [id, o] of old) {
    const n = now.get(id);
    const kept = new Set(n ? namesOf(n).map(foldName) : []);
    if (!n || n.name !== o.name || n.type !== o.type || namesOf(o).some((x) => !kept.has(foldName(x)))) ids.add(id);
  }
  for (const [id, n] of now) {
    const had = new Set(old.has(id) ? namesOf(old.get(id)!).map(foldName) : []);
    for (const name of namesOf(n)) {
      if (had.has(foldName(name))) continue;
      const c = coreOf(name);
      if (c) cores.add(c);
    }
  }
  return { ids, cores: [...cores] };
}

/** Whether the change can alter what the document's text matches. */
export function touches(change: CatalogChange, doc: StoredDocument): boolean {
  if ((doc.mentions ?? []).some((m) => change.ids.has(m.entity))) return true;
  if (change.cores.length === 0) return false;
  const text = foldName(doc.document.text);
  return change.cores.some((c) => text.includes(c));
}

export interface SyncResult {
  /** Documents whose catalog key was out of date. */
  checked: number;
  /** Of those, the documents matched again. */
  rematched: number;
}

/**
 * Brings every document up to the repository's current catalog. `before`: the catalog the documents were matched
 * with just before the edit (its documents are filtered with `touches`); others are matched again whole.
 */
export async function syncCatalog(repo: Repository, before: Catalog | null): Promise<SyncResult> {
  const key = repo.catalogKey();
  const beforeKey = before ? catalogKey(before) : null;
  const change = before ? catalogChange(before, repo.catalog()) : null;
  const matcher = repo.entityMatcher();
  const rematched: StoredDocument[] = [];
  let checked = 0;
  for (const entry of repo.documentEntries()) {
    const was = entry.catalog ?? defaultCatalogKey();
    if (was === key) continue;
    checked++;
    const doc = repo.findDocument(entry.id);
    if (!doc) continue;
    if (was === beforeKey && change && !touches(change, doc)) continue;
    rematched.push({ ...rematchEntities(doc, matcher), catalog: key });
  }
  if (checked > 0) await repo.commitRematch(rematched, key);
  return { checked, rematched: rematched.length };
}

export class CatalogEditError extends Error {}

/**
 * Completes a catalog edit and checks it against the current catalog before it is recorded: a new entity gets a
 * readable id; an edit that could not apply (unknown entity, a name that belongs to another entity) is refused
 * with the reason, instead of entering the log as an orphan.
 */
export function prepareCatalogEdit(repo: Repository, op: CatalogOp): CatalogOp {
  const current = repo.catalog();
  const full: CatalogOp = op.kind === 'entity.add' && !op.id ? { ...op, id: newEntityId(op.name, new Set(current.entities.map((e) => e.id))) } : op;
  const trial = applyCatalogEdits(current, [{ seq: 1, at: '', op: full }]);
  if (trial.orphaned.length > 0) throw new CatalogEditError(trial.orphaned[0]!.reason);
  return full;
}
