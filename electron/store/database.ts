/**
 * Opens lowdb stores with our durable adapter, passed explicitly (lowdb's presets go to memory under tests).
 * With `recover`, a corrupt or newer-version file is kept aside (renamed, never overwritten) and the newest good
 * backup is restored; the caller is told what happened so the user can be.
 */
import { copyFile, mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { backupStamp, lastGoodBackup, type BackupPolicy } from './backups';
import { DurableJsonFile, StoreReadError } from './durable-json-file';
import { linkCorpus, packLinkOut, unlinked, unpackLinkOut, type LinkDoc, type LinkOut, type PackedLinkOut } from '../annotate/link-events';
import { DocumentFiles, forEachLimited } from './document-files';
import { emptyStore, linkShard, LINKS_FORMAT, migrateStore, STORE_VERSION, validateDocumentFile, validateLinksFile, validateStore, type DocEntry, type DocumentFile, type LinksFile, type StoredDocument, type StoreData, type StoreIndex } from './schema';
import { linkDocOf, prepareDocument, type PreparedDocument } from './prepare-document';
import { lockStore, type StoreLock } from './store-lock';

export interface Recovery {
  reason: string;
  keptAside: string;
  restoredFrom: string | null;
}

export interface OpenJson<T> {
  db: Low<T>;
  file: string;
  /** False when the file did not exist and the store starts from defaults. */
  existed: boolean;
  recovered: Recovery | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Take the single-owner lock (default true). Read-only users (exports) pass false. */
  lock?: boolean;
  /** Keep a bad file aside and restore the last good backup instead of failing. */
  recover?: boolean;
  /**
   * Never touch the disk: no lock, no folder, no recovery, and any write throws. Exports use it, so they work while
   * the app holds the store open.
   */
  readOnly?: boolean;
}

export class ReadOnlyStoreError extends Error {}

interface JsonStoreSpec<T> {
  defaults: () => T;
  validate: (data: unknown) => string | null;
  backup: boolean;
  rolling?: BackupPolicy;
  migrate?: (data: T) => T;
}

export async function openJsonStore<T extends object>(file: string, spec: JsonStoreSpec<T>, opts: OpenOptions = {}): Promise<OpenJson<T>> {
  const abs = path.resolve(file);
  if (!opts.readOnly) await mkdir(path.dirname(abs), { recursive: true });
  const lock: StoreLock | null = opts.lock === false || opts.readOnly ? null : await lockStore(abs);
  try {
    const adapter = new DurableJsonFile<T>(abs, { backup: spec.backup, validate: spec.validate, ...(spec.rolling ? { rolling: spec.rolling } : {}) });
    let recovered: Recovery | null = null;
    let data: T | null;
    try {
      data = await adapter.read();
    } catch (e) {
      if (!(e instanceof StoreReadError) || !opts.recover || opts.readOnly) throw e;
      const keptAside = `${abs}.unreadable-${backupStamp()}`;
      await rename(abs, keptAside);
      const good = await lastGoodBackup(abs, (d) => spec.validate(d) === null);
      if (good) await copyFile(good, abs);
      recovered = { reason: e.message, keptAside, restoredFrom: good };
      data = good ? await adapter.read() : null;
    }
    const db = new Low<T>(adapter, spec.defaults());
    if (data) db.data = spec.migrate ? spec.migrate(data) : data;
    if (opts.readOnly)
      db.write = async () => {
        throw new ReadOnlyStoreError(`${abs} is open read-only`);
      };
    return { db, file: abs, existed: data !== null, recovered, close: async () => lock?.release() };
  } catch (e) {
    await lock?.release();
    throw e;
  }
}

/** What the timeline and linking need of a document, kept in memory for every document: no text. */
export interface LightDoc {
  doc: LinkDoc;
  /** What linking added to its events, by event id (null: nothing). */
  links: Map<string, LinkOut> | null;
  /** `links` as stored (memoised). */
  packed?: Record<string, PackedLinkOut> | null;
}

export interface OpenStore extends OpenJson<StoreIndex> {
  /** The per-document files beside the index. */
  docs: DocumentFiles;
  /** Every indexed document's events and links, by document id. */
  cache: Map<string, LightDoc>;
  /** Documents whose links file could not be read: linked again by the next run. */
  stale: Set<string>;
}

export const lightOf = (a: StoredDocument, links: Map<string, LinkOut> | null): LightDoc => ({ doc: linkDocOf(a), links });

/** Writes a document's own file (events as annotated, without links), prepared here or by a worker; returns its index line. */
export async function writeDocumentFile(docs: DocumentFiles, a: StoredDocument | PreparedDocument): Promise<DocEntry> {
  const p = 'json' in a ? a : prepareDocument(a);
  if (p.written) docs.adopt(p.name, p.written === 'created');
  else await docs.writeJson(p.name, p.json);
  return p.entry;
}

/** A document's links as stored, or null when linking added nothing to its events. */
const packDoc = (light: LightDoc | undefined): Record<string, PackedLinkOut> | null => {
  if (!light) return null;
  if (light.packed === undefined) light.packed = light.links?.size ? Object.fromEntries([...light.links].map(([k, v]) => [k, packLinkOut(v)])) : null;
  return light.packed;
};

/**
 * Writes the links shards in `dirty` (all when null) from `cache` for the documents of `order`; returns the index's
 * shard → file map (shards not rewritten keep their file from `previous`).
 */
export async function writeLinkShards(docs: DocumentFiles, order: readonly DocEntry[], cache: ReadonlyMap<string, LightDoc>, previous: Readonly<Record<string, string>>, dirty: ReadonlySet<string> | null): Promise<Record<string, string>> {
  const shards = new Map<string, Record<string, Record<string, PackedLinkOut>>>();
  for (const e of order) {
    const shard = linkShard(e.id);
    if (dirty && !dirty.has(shard)) continue;
    const packed = packDoc(cache.get(e.id));
    let docsOf = shards.get(shard);
    if (!docsOf) shards.set(shard, (docsOf = {}));
    if (packed) docsOf[e.id] = packed;
  }
  const out: Record<string, string> = {};
  if (dirty) for (const [shard, name] of Object.entries(previous)) if (!dirty.has(shard)) out[shard] = name;
  await forEachLimited([...shards], 8, async ([shard, docsOf]) => {
    if (!Object.keys(docsOf).length) return;
    const file: LinksFile = { format: LINKS_FORMAT, version: STORE_VERSION, shard, docs: docsOf };
    out[shard] = await docs.write(`links-${shard}`, file);
  });
  return Object.fromEntries(Object.entries(out).sort(([x], [y]) => (x < y ? -1 : 1)));
}

/** Versions 1 and 2 held every document in the one file: split it (links computed again), then write the index. */
async function splitSingleFile(store: OpenJson<StoreIndex>, docs: DocumentFiles, cache: Map<string, LightDoc>, readOnly: boolean): Promise<void> {
  const data = store.db.data;
  migrateStore(data);
  const whole = (data as unknown as StoreData).documents;
  const entries: DocEntry[] = [];
  for (const a of whole) {
    const bare: StoredDocument = { ...a, events: a.events.map(unlinked) };
    entries.push(await writeDocumentFile(docs, bare));
    cache.set(bare.document.id, lightOf(bare, null));
  }
  const { out } = linkCorpus(entries.map((e) => cache.get(e.id)!.doc));
  for (const e of entries) {
    const light = cache.get(e.id)!;
    const links = new Map(light.doc.events.flatMap((ev) => (out.has(ev.id) ? [[ev.id, out.get(ev.id)!] as const] : [])));
    light.links = links.size ? links : null;
  }
  data.links = await writeLinkShards(docs, entries, cache, {}, null);
  data.documents = entries;
  data.version = STORE_VERSION;
  if (readOnly) return;
  await docs.commit();
  await store.db.write();
}

/**
 * Reads every document's events and links. A document whose file is unreadable is dropped (a per-file problem: the
 * next run annotates it again); a links shard that is unreadable leaves its documents to be linked again.
 */
async function loadCache(data: StoreIndex, docs: DocumentFiles, cache: Map<string, LightDoc>, stale: Set<string>): Promise<void> {
  const linksOf = new Map<string, Record<string, PackedLinkOut>>();
  const badShards = new Set<string>();
  await forEachLimited(Object.entries(data.links ?? {}), 8, async ([shard, name]) => {
    try {
      const raw = await docs.read(name);
      const problem = validateLinksFile(raw, shard);
      if (problem) throw new Error(problem);
      for (const [id, l] of Object.entries((raw as LinksFile).docs)) linksOf.set(id, l);
    } catch {
      badShards.add(shard);
    }
  });
  const bad = new Map<string, string>();
  await forEachLimited(data.documents, 16, async (e) => {
    let a: StoredDocument;
    try {
      const raw = await docs.read(e.data);
      const problem = validateDocumentFile(raw, e.id);
      if (problem) throw new Error(problem);
      a = (raw as DocumentFile).doc;
    } catch (err) {
      bad.set(e.id, (err as Error).message);
      return;
    }
    const packed = linksOf.get(e.id);
    if (badShards.has(linkShard(e.id))) stale.add(e.id);
    cache.set(e.id, { ...lightOf(a, packed ? new Map(Object.entries(packed).map(([k, v]) => [k, unpackLinkOut(v)])) : null), packed: packed ?? null });
  });
  if (!bad.size) return;
  for (const e of data.documents) {
    const why = bad.get(e.id);
    if (why) data.problems.push({ file: e.file, code: 'internal', message: `its stored annotations could not be read (${why}); it will be annotated again` });
  }
  data.documents = data.documents.filter((e) => !bad.has(e.id));
  data.problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * The machine-annotation store: the index (`NAME.json`, lock, recovery, backups) and the per-document files beside
 * it (`NAME.json.d/`). Every document's events are read on open (their text and annotations stay on disk).
 */
export async function openStore(file: string, opts: OpenOptions = {}): Promise<OpenStore> {
  const base = await openJsonStore(file, { defaults: emptyStore, validate: validateStore, backup: true }, opts);
  try {
    const docs = DocumentFiles.forStore(base.file, !!opts.readOnly);
    const cache = new Map<string, LightDoc>();
    const stale = new Set<string>();
    if (base.db.data.version < 3) await splitSingleFile(base, docs, cache, !!opts.readOnly);
    else await loadCache(base.db.data, docs, cache, stale);
    return Object.assign(base, { docs, cache, stale });
  } catch (e) {
    await base.close();
    throw e;
  }
}
