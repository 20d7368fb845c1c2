/** The only code that reads or writes db.data. Everything else asks it. */
import type { DocTimex, EventsExport, FileProblem } from '../../shared/model';
import type { DocumentSummary, DocumentView, TimelineData } from '../../shared/ipc/contract';
import type { AnnotatedDocument } from '../annotate/annotate-document';
import type { OpenStore } from './database';

export class Repository {
  constructor(private readonly store: OpenStore) {}

  get file(): string {
    return this.store.file;
  }

  get corpusDir(): string | null {
    return this.store.db.data.corpusDir;
  }

  get isEmpty(): boolean {
    return this.store.db.data.documents.length === 0;
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
    return { corpusDir: data.corpusDir, documents, events: data.documents.flatMap((d) => d.events), problems: data.problems };
  }

  documentView(id: string): DocumentView | null {
    const a = this.store.db.data.documents.find((d) => d.document.id === id);
    if (!a) return null;
    return {
      document: a.document,
      timexes: a.timexes.map((t) => ({ ...t, doc: id })),
      amounts: a.amounts.map((x) => ({ ...x, doc: id })),
      mentions: [],
      events: a.events,
    };
  }

  /** interfaces.md §4. Event `timex` indexes are rebased onto the flat export list. */
  eventsExport(): EventsExport {
    const out: EventsExport = { format: 'chronolens.events/1', documents: [], timexes: [], amounts: [], entities: [], events: [] };
    for (const a of this.store.db.data.documents) {
      const { id, file, lang, title, text, published } = a.document;
      out.documents.push({ id, file, lang, title, text, published });
      const base = out.timexes.length;
      out.timexes.push(...a.timexes.map((t): DocTimex => ({ doc: id, start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, ...(t.mod ? { mod: t.mod } : {}) })));
      const amountBase = out.amounts.length;
      out.amounts.push(...a.amounts.map((x) => ({ ...x, doc: id })));
      out.events.push(
        ...a.events.map((e) => ({
          ...e,
          ...(e.timex !== undefined ? { timex: e.timex + base } : {}),
          amounts: e.amounts.map((i) => i + amountBase),
        })),
      );
    }
    return out;
  }
}
