/**
 * The researcher's edits, in their own small lowdb file beside the machine store (`NAME.user.json`), so saving an
 * edit never rewrites megabytes of annotations. Writes are serialised and each caller awaits its own write before
 * the edit is acknowledged (lowdb's queue may skip intermediate writes: pitfalls.md).
 */
import type { Edit, EditOp } from '../../shared/edits';
import type { HistoryState } from '../../shared/ipc/contract';
import { DEFAULT_BACKUPS } from './backups';
import { openJsonStore, type OpenJson, type OpenOptions } from './database';

export const USER_FORMAT = 'chronolens.user';
export const USER_VERSION = 1;

export interface UserData {
  format: typeof USER_FORMAT;
  version: number;
  nextSeq: number;
  edits: Edit[];
}

const defaults = (): UserData => ({ format: USER_FORMAT, version: USER_VERSION, nextSeq: 1, edits: [] });

export function validateUserData(data: unknown): string | null {
  const d = data as Partial<UserData>;
  if (d.format !== USER_FORMAT) return 'not a Chronolens edits file';
  if (typeof d.version !== 'number') return 'the edits file has no version';
  if (d.version > USER_VERSION) return `the edits file was written by a newer Chronolens (version ${d.version})`;
  if (!Array.isArray(d.edits) || typeof d.nextSeq !== 'number') return 'the edits file is missing its edit log';
  return null;
}

export const userFileFor = (storeFile: string): string => storeFile.replace(/\.json$/i, '') + '.user.json';

export class UserStore {
  private queue: Promise<void> = Promise.resolve();

  private constructor(private readonly store: OpenJson<UserData>) {}

  static async open(storeFile: string, opts: OpenOptions = {}): Promise<UserStore> {
    return new UserStore(await openJsonStore(userFileFor(storeFile), { defaults, validate: validateUserData, backup: true, rolling: DEFAULT_BACKUPS }, opts));
  }

  get file(): string {
    return this.store.file;
  }

  get recovered(): OpenJson<UserData>['recovered'] {
    return this.store.recovered;
  }

  get log(): readonly Edit[] {
    return this.store.db.data.edits;
  }

  history(): HistoryState {
    const edits = this.log;
    return { canUndo: edits.some((e) => !e.undone), canRedo: edits.some((e) => e.undone), edits: edits.filter((e) => !e.undone).length };
  }

  /** Serialises writes; resolves when this state is on disk. */
  private persist(): Promise<void> {
    const write = this.queue.then(() => this.store.db.write());
    this.queue = write.catch(() => undefined);
    return write;
  }

  /** Appends an edit. A new edit discards the undone ones (as in every editor: no redo past a new edit). */
  async append(op: EditOp, at = new Date()): Promise<Edit> {
    const data = this.store.db.data;
    data.edits = data.edits.filter((e) => !e.undone);
    const edit: Edit = { seq: data.nextSeq++, at: at.toISOString(), op };
    data.edits.push(edit);
    await this.persist();
    return edit;
  }

  async undo(): Promise<Edit | null> {
    const last = [...this.log].reverse().find((e) => !e.undone);
    if (!last) return null;
    last.undone = true;
    await this.persist();
    return last;
  }

  async redo(): Promise<Edit | null> {
    const next = this.log.find((e) => e.undone);
    if (!next) return null;
    delete next.undone;
    await this.persist();
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.store.close();
  }
}
