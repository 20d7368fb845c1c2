/** The only code that reads or writes db.data and the per-document files. Everything else asks it. */
import type { DocTimex, Entity, EntityType, EventsExport, FileProblem } from '../../shared/model';
import type { DocumentSummary, DocumentView, HistoryState, TimelineData } from '../../shared/ipc/contract';
import { applyEdits, type ApplyResult, type Edit, type EditOp } from '../../shared/edits';
import { aliasText, applyCatalogEdits, foldName, type CandidateView, type Catalog, type CatalogState, type EntityCatalogView } from '../../shared/catalog';
import { catalogKey, defaultCatalog, matcherFor, type EntityMatcher } from '../annotate/entities/index';
import { linkCorpus, packLinkOut, unlinked, withLinks, type LinkDoc, type LinkOut, type LinkStats } from '../annotate/link-events';
import { writeDocumentFile, writeLinkShards, type LightDoc, type OpenStore } from './database';
import { DocumentFileError } from './document-files';
import { prepareDocument, type PreparedDocument } from './prepare-document';
import { linkShard, migrateStore, validateDocumentFile, type DocEntry, type DocumentFile, type StoredDocument, type UserDate } from './schema';
import type { UserStore } from './user-store';

export class StoredDocumentError extends Error {}

/** The anchors' documents in an edit log: the only texts re-applying edits needs. */
function docsOfEdits(log: readonly Edit[]): Set<string> {
  const ids = new Set<string>();
  for (const e of log) {
    const op = e.op;
    if (op.kind === 'event.update' || op.kind === 'event.delete') ids.add(op.target.doc);
    else if (op.kind === 'event.add') ids.add(op.anchor.doc);
    else if (op.kind === 'event.merge') for (const t of op.targets) ids.add(t.doc);
    else if (op.kind === 'link.decide') ids.add(op.a.doc).add(op.b.doc);
  }
  return ids;
}

/** Whether `now` holds the links `old` holds (the same objects where linking kept the previous result). */
const sameLinks = (old: LightDoc, now: Map<string, LinkOut> | null): boolean => {
  const a = old.links;
  if ((a?.size ?? 0) !== (now?.size ?? 0)) return false;
  if (!a || !now) return true;
  for (const [k, v] of now) {
    const w = a.get(k);
    if (w === v) continue;
    const stored = old.packed?.[k];
    if (!w || JSON.stringify(packLinkOut(v)) !== JSON.stringify(stored ?? packLinkOut(w))) return false;
  }
  return true;
};

export interface CommitResult {
  link: LinkStats;
  /** Documents whose links changed. */
  relinkedDocs: number;
}

/** The document and links files an index names. */
const fileNames = (documents: readonly DocEntry[], links: Record<string, string> | undefined): string[] => [...documents.map((e) => e.data), ...Object.values(links ?? {})];

export class Repository {
  private machineRev = 0;
  private userRev = 0;
  private cached: { machineRev: number; userRev: number; result: ApplyResult } | null = null;
  /** Texts of documents that edits point into, by document file name (named by content: never stale). */
  private readonly texts = new Map<string, string>();
  /** Documents written by the run in progress, not yet in the index. */
  private pending = new Map<string, LightDoc>();

  constructor(
    private readonly store: OpenStore,
    private readonly user: UserStore | null = null,
  ) {}

  private get data() {
    return this.store.db.data;
  }

  private machine: { rev: number; events: ReturnType<Repository['effective']>['events'] } | null = null;

  /** Machine events (with links) in file order (memoised until the machine side changes). */
  private machineEvents() {
    if (this.machine?.rev === this.machineRev) return this.machine.events;
    const events = this.data.documents.flatMap((e) => {
      const light = this.store.cache.get(e.id);
      if (!light) return [];
      const links = light.links;
      return links ? light.doc.events.map((ev) => withLinks(ev, links.get(ev.id))) : [...light.doc.events];
    });
    this.machine = { rev: this.machineRev, events };
    return events;
  }

  /** Machine events with the researcher's edits re-applied (memoised until either side changes). */
  effective(): ApplyResult {
    if (this.cached && this.cached.machineRev === this.machineRev && this.cached.userRev === this.userRev) return this.cached.result;
    const log = this.user?.log ?? [];
    const texts = new Map<string, string>();
    for (const id of docsOfEdits(log)) {
      const e = this.entry(id);
      if (!e) continue;
      let text = this.texts.get(e.data);
      if (text === undefined) {
        text = this.loadDocument(id)!.document.text;
        this.texts.set(e.data, text);
      }
      texts.set(id, text);
    }
    const result = applyEdits(this.machineEvents(), texts, log);
    this.cached = { machineRev: this.machineRev, userRev: this.userRev, result };
    return result;
  }

  history(): HistoryState {
    return this.user?.history() ?? { canUndo: false, canRedo: false, edits: 0 };
  }

  private catalogMemo: { userRev: number; state: CatalogState; key: string; names: Map<string, { name: string; type: EntityType }> } | null = null;

  /** The bundled entity catalog with the researcher's catalog edits replayed (memoised until the edits change). */
  catalogState(): CatalogState {
    return this.catalogInfo().state;
  }

  private catalogInfo(): NonNullable<Repository['catalogMemo']> {
    if (this.catalogMemo?.userRev === this.userRev) return this.catalogMemo;
    const state = applyCatalogEdits(defaultCatalog(), this.user?.log ?? []);
    this.catalogMemo = { userRev: this.userRev, state, key: catalogKey(state.catalog), names: new Map(state.catalog.entities.map((e) => [e.id, { name: e.name, type: e.type }])) };
    return this.catalogMemo;
  }

  catalog(): Catalog {
    return this.catalogInfo().state.catalog;
  }

  /** Key of the current catalog: documents matched with another one are matched again (catalog-sync.ts). */
  catalogKey(): string {
    return this.catalogInfo().key;
  }

  entityMatcher(): EntityMatcher {
    return matcherFor(this.catalog(), this.catalogKey());
  }

  /** Name and type of an entity in the current catalog (an id merged away or deleted: undefined). */
  entityInfo(id: string): { name: string; type: EntityType } | undefined {
    return this.catalogInfo().names.get(id);
  }

  private entityRef(id: string): Pick<Entity, 'id' | 'name' | 'type'> {
    const info = this.entityInfo(id);
    return { id, name: info?.name ?? id, type: info?.type ?? 'OTHER' };
  }

  private listing: { machineRev: number; userRev: number; view: EntityCatalogView } | null = null;

  /**
   * The catalog as the entity panel shows it: every entity with its mention, document and event counts, and the
   * names the corpus uses that the catalog lacks (candidates), dismissed ones left out. Reads every document once
   * per change of the store or the edits.
   */
  entityCatalog(): EntityCatalogView {
    if (this.listing?.machineRev === this.machineRev && this.listing.userRev === this.userRev) return this.listing.view;
    const { state } = this.catalogInfo();
    const mentions = new Map<string, number>();
    const documents = new Map<string, number>();
    const candidates = new Map<string, CandidateView>();
    for (const entry of this.data.documents) {
      const a = this.loadDocument(entry.id);
      if (!a) continue;
      const seen = new Set<string>();
      for (const m of a.mentions ?? []) {
        mentions.set(m.entity, (mentions.get(m.entity) ?? 0) + 1);
        if (!seen.has(m.entity)) documents.set(m.entity, (documents.get(m.entity) ?? 0) + 1);
        seen.add(m.entity);
      }
      for (const c of a.candidates ?? []) {
        const key = foldName(c.text);
        if (state.dismissed.has(key)) continue;
        const v = candidates.get(key) ?? { key, text: c.text, kind: c.kind, count: 0, documents: 0, docs: [] };
        v.count += c.count;
        v.documents += 1;
        if (v.docs.length < 5) v.docs.push({ id: entry.id, title: entry.title || entry.file });
        candidates.set(key, v);
      }
    }
    const events = new Map<string, number>();
    for (const e of this.effective().events) if (!e.hidden) for (const id of e.entities) events.set(id, (events.get(id) ?? 0) + 1);
    const view: EntityCatalogView = {
      entities: state.catalog.entities.map((e) => ({
        id: e.id,
        name: e.name,
        type: e.type,
        aliases: e.aliases.map(aliasText),
        origin: state.added.has(e.id) ? 'user' : 'bundled',
        edited: state.changed.has(e.id),
        mentions: mentions.get(e.id) ?? 0,
        documents: documents.get(e.id) ?? 0,
        events: events.get(e.id) ?? 0,
      })),
      candidates: [...candidates.values()].sort((x, y) => y.count - x.count || y.documents - x.documents || x.text.localeCompare(y.text)),
      dismissed: [...state.dismissed].map(([key, text]) => ({ key, text })),
      orphaned: state.orphaned,
    };
    this.listing = { machineRev: this.machineRev, userRev: this.userRev, view };
    return view;
  }

  private requireUser(): UserStore {
    if (!this.user) throw new Error('this store was opened without its edits file');
    return this.user;
  }

  /** Records an edit; resolves once it is on disk. */
  async applyEdit(op: EditOp): Promise<Edit> {
    const edit = await this.requireUser().append(op);
    this.userRev++;
    return edit;
  }

  async undo(): Promise<Edit | null> {
    const e = await this.requireUser().undo();
    this.userRev++;
    return e;
  }

  async redo(): Promise<Edit | null> {
    const e = await this.requireUser().redo();
    this.userRev++;
    return e;
  }

  get file(): string {
    return this.store.file;
  }

  /** Changes whenever the machine annotations or the edits do: caches of views derived from them key on it. */
  get revision(): string {
    return `${this.machineRev}:${this.userRev}`;
  }

  get corpusDir(): string | null {
    return this.data.corpusDir;
  }

  get isEmpty(): boolean {
    return this.data.documents.length === 0;
  }

  /** The index lines, in file order. */
  documentEntries(): readonly DocEntry[] {
    return this.data.documents;
  }

  /**
   * Makes the documents matched again with catalog `key` (catalog-sync.ts) part of the corpus: writes their files,
   * records `key` for every document (the others were checked and are unaffected), links again what changed.
   */
  async commitRematch(docs: readonly StoredDocument[], key: string): Promise<void> {
    const staged = new Map<string, DocEntry>();
    for (const d of docs) staged.set(d.document.id, await this.stageDocument({ ...d, catalog: key, events: d.events.map(unlinked) }));
    const entries = this.data.documents.map((e) => staged.get(e.id) ?? { ...e, catalog: key });
    await this.commitCorpus(this.data.corpusDir ?? '', entries, this.data.problems, new Set(staged.keys()));
  }

  /** Index lines by relative file path: for re-annotation by cache key. */
  entriesByFile(): Map<string, DocEntry> {
    return new Map(this.data.documents.map((e) => [e.file, e]));
  }

  /** Whether some document's links must be computed again (its links file was unreadable). */
  get hasStaleLinks(): boolean {
    return this.store.stale.size > 0;
  }

  /** Every stored document, whole, by relative file path (reads every document file: for tests and small stores). */
  storedByFile(): Map<string, StoredDocument> {
    const out = new Map<string, StoredDocument>();
    for (const e of this.data.documents) {
      const a = this.loadDocument(e.id);
      if (a) out.set(e.file, a);
    }
    return out;
  }

  /** The per-file problems of the last annotation. */
  get problems(): FileProblem[] {
    return this.data.problems;
  }

  /** Publication dates the user set, by relative file path (a version 1 store gains the empty map here). */
  userDates(): Record<string, UserDate> {
    migrateStore(this.data);
    return this.data.userDates;
  }

  /** Records (a value) or forgets (null) the user's date for a file; call a write method afterwards. */
  setUserDate(file: string, value: string | null): void {
    const dates = this.userDates();
    if (value === null) delete dates[file];
    else dates[file] = { value, setAt: new Date().toISOString() };
  }

  /** Writes the index alone. */
  async writeUserDates(): Promise<void> {
    await this.store.db.write();
  }

  private entry(idOrFile: string): DocEntry | null {
    return this.data.documents.find((e) => e.id === idOrFile || e.file === idOrFile) ?? null;
  }

  /** One document, whole, read from its file, with what linking added to its events. */
  private loadDocument(id: string): StoredDocument | null {
    const e = this.entry(id);
    if (!e) return null;
    let raw: unknown;
    try {
      raw = this.store.docs.readSync(e.data);
    } catch (err) {
      if (err instanceof DocumentFileError) throw new StoredDocumentError(`the stored annotations of ${e.file} could not be read (${err.message}); annotate the corpus again`);
      throw err;
    }
    const problem = validateDocumentFile(raw, e.id);
    if (problem) throw new StoredDocumentError(`the stored annotations of ${e.file} could not be read (${problem}); annotate the corpus again`);
    const a = (raw as DocumentFile).doc;
    const links = this.store.cache.get(e.id)?.links;
    return links ? { ...a, events: a.events.map((ev) => withLinks(ev, links.get(ev.id))) } : a;
  }

  /** A stored document by id or by relative file path. */
  findDocument(idOrFile: string): StoredDocument | null {
    const e = this.entry(idOrFile);
    return e ? this.loadDocument(e.id) : null;
  }

  /**
   * Writes a freshly annotated document's own file (events as annotated) during a run; it joins the index at
   * `commitCorpus`. Returns its index line.
   */
  async stageDocument(a: StoredDocument | PreparedDocument): Promise<DocEntry> {
    const p = 'json' in a ? a : prepareDocument(a);
    const entry = await writeDocumentFile(this.store.docs, p);
    this.pending.set(entry.id, { doc: p.link, links: null });
    return entry;
  }

  /** Where annotation workers may write document files themselves; null for a read-only store. */
  get documentsDir(): string | null {
    return this.store.docs.writableDir;
  }

  /**
   * Forgets what a failed or cancelled run staged and deletes the files it created. Given the run's start, also the
   * files written since that no index names: a worker stopped in the middle of writing one leaves it unadopted.
   */
  async abandonRun(since?: number): Promise<void> {
    this.pending.clear();
    await this.store.docs.abandon();
    if (since === undefined) return;
    await this.store.docs.sweepNewer(since, new Set(fileNames(this.data.documents, this.data.links)));
  }

  /**
   * Makes `entries` (file order) the corpus: links again what the changed documents (`changed`: staged this run)
   * can affect (everything when the corpus folder changed), writes the links files that changed, flushes every new
   * file, writes the index, then deletes the files neither this index nor the previous one names.
   */
  async commitCorpus(corpusDir: string, entries: DocEntry[], problems: FileProblem[], changed: ReadonlySet<string>): Promise<CommitResult> {
    const data = this.data;
    const oldCache = this.store.cache;
    const sameCorpus = data.corpusDir === corpusDir;
    const next = new Map<string, LightDoc>();
    for (const e of entries) {
      const light = changed.has(e.id) ? this.pending.get(e.id) : oldCache.get(e.id);
      if (!light) throw new Error(`internal: document ${e.file} has no annotations to index`);
      next.set(e.id, light);
    }
    // Incremental linking: the previous links, the changed documents (and those whose links were unreadable), and
    // the earlier versions of what changed or went away.
    const relinked = new Set([...changed, ...[...this.store.stale].filter((id) => next.has(id))]);
    const before: LinkDoc[] = [];
    for (const [id, light] of oldCache) if (!next.has(id) || relinked.has(id)) before.push(light.doc);
    const previous = new Map<string, LinkOut>();
    for (const light of oldCache.values()) if (light.links) for (const [k, v] of light.links) previous.set(k, v);
    const docs = entries.map((e) => next.get(e.id)!.doc);
    const full = !sameCorpus || oldCache.size === 0;
    // The documents written this run are flushed while linking runs.
    const flushing = this.store.docs.commit();
    flushing.catch(() => undefined);
    const { out, stats } = linkCorpus(docs, {}, full ? undefined : { previous, changed: relinked, before });
    // The links shards to write: those of documents added, removed, changed or whose links changed.
    const dirty = new Set<string>();
    let relinkedDocs = 0;
    for (const e of entries) {
      const light = next.get(e.id)!;
      const links = new Map<string, LinkOut>();
      for (const ev of light.doc.events) {
        const o = out.get(ev.id);
        if (o) links.set(ev.id, o);
      }
      const now = links.size ? links : null;
      const old = oldCache.get(e.id);
      if (old === light && sameLinks(old, now) && !this.store.stale.has(e.id)) continue;
      relinkedDocs++;
      next.set(e.id, { doc: light.doc, links: now });
      if (old?.links || now) dirty.add(linkShard(e.id));
    }
    for (const id of oldCache.keys()) if (!next.has(id)) dirty.add(linkShard(id));
    const shards = await writeLinkShards(this.store.docs, entries, next, full ? {} : (data.links ?? {}), full ? null : dirty);
    await flushing;
    await this.store.docs.commit();
    const keep = new Set(fileNames(data.documents, data.links));
    data.corpusDir = corpusDir;
    data.documents = entries;
    data.links = shards;
    data.problems = problems;
    data.updatedAt = new Date().toISOString();
    this.store.cache = next;
    this.store.stale.clear();
    this.pending.clear();
    this.machineRev++;
    await this.store.db.write();
    // What neither this index nor the previous one (the .bak) names.
    for (const n of fileNames(entries, shards)) keep.add(n);
    await this.store.docs.prune(keep);
    return { link: stats, relinkedDocs };
  }

  /** Replaces one document's annotations (same file): writes its file, links again, writes the index. */
  async replaceDocument(doc: StoredDocument): Promise<void> {
    const entries = this.data.documents;
    const at = entries.findIndex((e) => e.file === doc.document.file);
    if (at < 0) throw new Error(`no document ${doc.document.file} in the store`);
    const entry = await this.stageDocument({ ...doc, events: doc.events.map(unlinked) });
    const next = [...entries];
    next[at] = entry;
    await this.commitCorpus(this.data.corpusDir ?? '', next, this.data.problems, new Set([entry.id]));
  }

  documentSummary(id: string): DocumentSummary | null {
    const e = this.entry(id);
    if (!e) return null;
    return { id: e.id, file: e.file, lang: e.lang, title: e.title, published: e.published, eventCount: e.events, problems: e.problems ?? [] };
  }

  timeline(): TimelineData {
    const data = this.data;
    const documents: DocumentSummary[] = data.documents.map((e) => ({ id: e.id, file: e.file, lang: e.lang, title: e.title, published: e.published, eventCount: e.events, problems: e.problems ?? [] }));
    const { events, orphaned } = this.effective();
    return { corpusDir: data.corpusDir, documents, events, problems: data.problems, orphaned, history: this.history(), entities: this.namedEntities(events) };
  }

  private named: { events: readonly unknown[]; userRev: number; list: Array<Pick<Entity, 'id' | 'name' | 'type'>> } | null = null;

  /** The entities `events` name, with their current names (memoised per events array and catalog). */
  private namedEntities(events: ApplyResult['events']): Array<Pick<Entity, 'id' | 'name' | 'type'>> {
    if (this.named?.events === events && this.named.userRev === this.userRev) return this.named.list;
    const ids = new Set<string>();
    for (const e of events) for (const id of e.entities) ids.add(id);
    this.named = { events, userRev: this.userRev, list: [...ids].map((id) => this.entityRef(id)) };
    return this.named.list;
  }

  documentView(id: string): DocumentView | null {
    const e = this.data.documents.find((d) => d.id === id);
    if (!e) return null;
    const a = this.loadDocument(e.id)!;
    const entityIds = [...new Set((a.mentions ?? []).map((m) => m.entity))];
    return {
      document: a.document,
      timexes: a.timexes.map((t) => ({ ...t, doc: id })),
      amounts: a.amounts.map((x) => ({ ...x, doc: id })),
      mentions: (a.mentions ?? []).map((m) => ({ ...m, doc: id })),
      events: this.effective().events.filter((ev) => ev.doc === id),
      entities: entityIds.map((eid) => this.entityRef(eid)),
    };
  }

  /** interfaces.md §4. Event `timex` indexes are rebased onto the flat export list. Reads one document at a time. */
  eventsExport(): EventsExport {
    const out: EventsExport = { format: 'chronolens.events/1', documents: [], timexes: [], amounts: [], entities: [], events: [] };
    // Entities with their mentions; ids come from the catalog, so they are stable across runs.
    const entities = new Map<string, Entity>();
    const effectiveByDoc = new Map<string, ReturnType<Repository['effective']>['events']>();
    for (const e of this.effective().events) {
      if (e.hidden) continue; // hidden by the researcher: not in reports
      const list = effectiveByDoc.get(e.doc) ?? [];
      list.push(e);
      effectiveByDoc.set(e.doc, list);
    }
    for (const entry of this.data.documents) {
      const a = this.loadDocument(entry.id)!;
      const { id, file, lang, title, text, published } = a.document;
      out.documents.push({ id, file, lang, title, text, published });
      const base = out.timexes.length;
      out.timexes.push(...a.timexes.map((t): DocTimex => ({ doc: id, start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, ...(t.mod ? { mod: t.mod } : {}) })));
      const amountBase = out.amounts.length;
      out.amounts.push(...a.amounts.map((x) => ({ ...x, doc: id })));
      for (const m of a.mentions ?? []) {
        let entity = entities.get(m.entity);
        if (!entity) {
          entity = { ...this.entityRef(m.entity), mentions: [] };
          entities.set(m.entity, entity);
        }
        entity.mentions.push({ doc: id, start: m.start, end: m.end, text: m.text });
      }
      out.events.push(
        ...(effectiveByDoc.get(id) ?? []).map((e) => ({
          ...e,
          ...(e.timex !== undefined ? { timex: e.timex + base } : {}),
          amounts: e.amounts.map((i) => i + amountBase),
        })),
      );
    }
    out.entities = [...entities.values()].sort((x, y) => x.id.localeCompare(y.id));
    return out;
  }
}
