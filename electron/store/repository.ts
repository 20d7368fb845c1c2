/** The only code that reads or writes db.data. Everything else asks it. */
import type { DocTimex, Entity, EventsExport, FileProblem } from '../../shared/model';
import type { DocumentSummary, DocumentView, HistoryState, TimelineData } from '../../shared/ipc/contract';
import { applyEdits, type ApplyResult, type Edit, type EditOp } from '../../shared/edits';
import type { AnnotatedDocument } from '../annotate/annotate-document';
import { defaultEntityMatcher } from '../annotate/entities/index';
import type { OpenStore } from './database';
import { migrateStore, type StoredDocument, type UserDate } from './schema';
import type { UserStore } from './user-store';

export class Repository {
  private machineRev = 0;
  private userRev = 0;
  private cached: { machineRev: number; userRev: number; result: ApplyResult } | null = null;

  constructor(
    private readonly store: OpenStore,
    private readonly user: UserStore | null = null,
  ) {}

  /** Machine events with the researcher's edits re-applied (memoised until either side changes). */
  effective(): ApplyResult {
    if (this.cached && this.cached.machineRev === this.machineRev && this.cached.userRev === this.userRev) return this.cached.result;
    const docs = this.store.db.data.documents;
    const texts = new Map(docs.map((d) => [d.document.id, d.document.text]));
    const result = applyEdits(
      docs.flatMap((d) => d.events),
      texts,
      this.user?.log ?? [],
    );
    this.cached = { machineRev: this.machineRev, userRev: this.userRev, result };
    return result;
  }

  history(): HistoryState {
    return this.user?.history() ?? { canUndo: false, canRedo: false, edits: 0 };
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

  get corpusDir(): string | null {
    return this.store.db.data.corpusDir;
  }

  get isEmpty(): boolean {
    return this.store.db.data.documents.length === 0;
  }

  /** Stored documents by relative file path: for re-annotation by content hash. */
  storedByFile(): Map<string, StoredDocument> {
    return new Map(this.store.db.data.documents.map((d) => [d.document.file, d]));
  }

  /** The per-file problems of the last annotation. */
  get problems(): FileProblem[] {
    return this.store.db.data.problems;
  }

  /** Publication dates the user set, by relative file path (a version 1 store gains the empty map here). */
  userDates(): Record<string, UserDate> {
    const data = this.store.db.data;
    migrateStore(data);
    return data.userDates;
  }

  /** Records (a value) or forgets (null) the user's date for a file; call a write method afterwards. */
  setUserDate(file: string, value: string | null): void {
    const dates = this.userDates();
    if (value === null) delete dates[file];
    else dates[file] = { value, setAt: new Date().toISOString() };
  }

  async writeUserDates(): Promise<void> {
    await this.store.db.write();
  }

  /** A stored document by id or by relative file path. */
  findDocument(idOrFile: string): StoredDocument | null {
    return this.store.db.data.documents.find((d) => d.document.id === idOrFile || d.document.file === idOrFile) ?? null;
  }

  /** Replaces one document's annotations (same file) and writes the store. */
  async replaceDocument(doc: StoredDocument): Promise<void> {
    const data = this.store.db.data;
    const documents = data.documents.map((d) => (d.document.file === doc.document.file ? doc : d));
    await this.replaceCorpus(data.corpusDir ?? '', documents, data.problems);
  }

  documentSummary(id: string): DocumentSummary | null {
    const a = this.findDocument(id);
    if (!a) return null;
    const d = a.document;
    return { id: d.id, file: d.file, lang: d.lang, title: d.title, published: d.published, eventCount: a.events.length, problems: d.problems ?? [] };
  }

  /** Cached annotations by relative file path, for re-annotation by content hash. */
  annotatedByFile(): Map<string, AnnotatedDocument> {
    return new Map(this.store.db.data.documents.map((d) => [d.document.file, d]));
  }

  async replaceCorpus(corpusDir: string, documents: AnnotatedDocument[], problems: FileProblem[]): Promise<void> {
    const data = this.store.db.data;
    data.corpusDir = corpusDir;
    data.documents = [...documents].sort((a, b) => a.document.file.localeCompare(b.document.file));
    data.problems = problems;
    data.updatedAt = new Date().toISOString();
    this.machineRev++;
    await this.store.db.write();
  }

  timeline(): TimelineData {
    const data = this.store.db.data;
    const documents: DocumentSummary[] = data.documents.map(({ document: d, events }) => ({
      id: d.id,
      file: d.file,
      lang: d.lang,
      title: d.title,
      published: d.published,
      eventCount: events.length,
      problems: d.problems ?? [],
    }));
    const { events, orphaned } = this.effective();
    return { corpusDir: data.corpusDir, documents, events, problems: data.problems, orphaned, history: this.history() };
  }

  documentView(id: string): DocumentView | null {
    const a = this.store.db.data.documents.find((d) => d.document.id === id);
    if (!a) return null;
    const catalog = defaultEntityMatcher();
    const entityIds = [...new Set((a.mentions ?? []).map((m) => m.entity))];
    return {
      document: a.document,
      timexes: a.timexes.map((t) => ({ ...t, doc: id })),
      amounts: a.amounts.map((x) => ({ ...x, doc: id })),
      mentions: (a.mentions ?? []).map((m) => ({ ...m, doc: id })),
      events: this.effective().events.filter((e) => e.doc === id),
      entities: entityIds.map((eid) => {
        const info = catalog.entity(eid);
        return { id: eid, name: info?.name ?? eid, type: info?.type ?? 'OTHER' };
      }),
    };
  }

  /** interfaces.md §4. Event `timex` indexes are rebased onto the flat export list. */
  eventsExport(): EventsExport {
    const out: EventsExport = { format: 'chronolens.events/1', documents: [], timexes: [], amounts: [], entities: [], events: [] };
    // Entities with their mentions; ids come from the catalog, so they are stable across runs.
    const entities = new Map<string, Entity>();
    const catalog = defaultEntityMatcher();
    const effectiveByDoc = new Map<string, ReturnType<Repository['effective']>['events']>();
    for (const e of this.effective().events) {
      if (e.hidden) continue; // hidden by the researcher: not in reports
      const list = effectiveByDoc.get(e.doc) ?? [];
      list.push(e);
      effectiveByDoc.set(e.doc, list);
    }
    for (const a of this.store.db.data.documents) {
      const { id, file, lang, title, text, published } = a.document;
      out.documents.push({ id, file, lang, title, text, published });
      const base = out.timexes.length;
      out.timexes.push(...a.timexes.map((t): DocTimex => ({ doc: id, start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, ...(t.mod ? { mod: t.mod } : {}) })));
      const amountBase = out.amounts.length;
      out.amounts.push(...a.amounts.map((x) => ({ ...x, doc: id })));
      for (const m of a.mentions ?? []) {
        let entity = entities.get(m.entity);
        if (!entity) {
          const info = catalog.entity(m.entity);
          entity = { id: m.entity, name: info?.name ?? m.entity, type: info?.type ?? 'OTHER', mentions: [] };
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
