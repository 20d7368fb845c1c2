/**
 * `timeline:overview` made once per state of the store and kept as bytes, in memory and in one file beside the
 * store. Deriving the overview of a 10,000-article corpus (147,076 events: edits applied, time order, packing) takes
 * ~2 s and serialising it another ~0.2 s: the first page after a start waited for both, and every later page for
 * the serialisation. Now a page gets the bytes ready-made (gzipped for the browser preview), and a start finds those
 * of the last run on disk when the stored state is the same.
 *
 * The file starts with a digest of everything the overview is derived from (the index lines, which name every
 * document file by its content; the problems; the catalog; the edit log) and of OVERVIEW_CACHE_FORMAT, and is only
 * read for the same digest. What the digest cannot see (a new version of the code that derives the overview) is
 * caught by checking an answer read from disk against a fresh derivation once the server has been quiet for a
 * second, off the page's critical path: a stale file is replaced and has answered at most the pages before. That
 * derivation also warms what `event:get` and `events:search` need.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { TimelineOverviewWire } from '../../shared/ipc/contract';

/** Bump when the overview's form or derivation changes, so files of older runs are not read. */
export const OVERVIEW_CACHE_FORMAT = 'chronolens.overview/3';

const MAGIC = Buffer.from(`${OVERVIEW_CACHE_FORMAT}\n`);
const DIGEST_CHARS = 64;
const QUIET_MS = 1000;

export interface OverviewCacheOptions {
  /** Derives the overview as the store holds it now. */
  compute: () => TimelineOverviewWire;
  /** Cheap, and different whenever the overview can be (the repository's revision). */
  revision: () => string;
  /** What the overview is derived from, as JSON-able data: equal states give equal overviews. */
  state: () => unknown;
  /** Where the last answer is kept between runs; null keeps it in memory only (read-only stores). */
  file: string | null;
  /**
   * How long after an answer read from disk it is checked against a fresh derivation, ms (default 10,000); the check
   * (seconds of work on a large store) then waits for a second without requests (`touch`), so it does not hold up
   * a page that is still loading.
   */
  checkAfterMs?: number;
}

/** The `Result` envelope `timeline:overview` answers, as JSON bytes. */
export interface OverviewAnswer {
  gzip: Buffer;
  json(): Buffer;
  value(): TimelineOverviewWire;
}

interface Entry {
  revision: string;
  digest: string;
  gzip: Buffer;
  json?: Buffer;
  wire?: TimelineOverviewWire;
  fromDisk: boolean;
}

const envelope = (wire: TimelineOverviewWire): Buffer => Buffer.from(`{"ok":true,"value":${JSON.stringify(wire)}}`);

export class OverviewCache {
  private entry: Entry | null = null;
  private check: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private lastActivity = 0;

  constructor(private readonly opts: OverviewCacheOptions) {}

  /** The answer for the store as it is now. */
  async answer(): Promise<OverviewAnswer> {
    const revision = this.opts.revision();
    if (this.entry?.revision !== revision) {
      const digest = this.digest();
      const gzip = this.entry?.digest === digest ? null : await this.read(digest);
      if (this.entry?.digest === digest) this.entry = { ...this.entry, revision };
      else if (gzip) {
        this.entry = { revision, digest, gzip, fromDisk: true };
        this.scheduleCheck();
      } else {
        this.entry = this.derive(revision, digest);
        this.persist(this.entry);
      }
    }
    return this.view(this.entry);
  }

  /** Something else was asked of the server: a pending check waits until it has been quiet for a second. */
  touch(): void {
    this.lastActivity = performance.now();
  }

  /** Waits for the file being written, and stops the pending check. */
  async close(): Promise<void> {
    if (this.check) clearTimeout(this.check);
    this.check = null;
    await this.writing;
  }

  private view(e: Entry): OverviewAnswer {
    return {
      gzip: e.gzip,
      json: () => (e.json ??= gunzipSync(e.gzip)),
      value: () => (e.wire ??= (JSON.parse((e.json ??= gunzipSync(e.gzip)).toString('utf8')) as { value: TimelineOverviewWire }).value),
    };
  }

  private digest(): string {
    return createHash('sha256').update(OVERVIEW_CACHE_FORMAT).update(JSON.stringify(this.opts.state())).digest('hex');
  }

  private derive(revision: string, digest: string): Entry {
    const wire = this.opts.compute();
    const json = envelope(wire);
    // Level 1: a fifth of the size in ~0.1 s for 20 MB; higher levels cost several times that for little more.
    return { revision, digest, gzip: gzipSync(json, { level: 1 }), json, wire, fromDisk: false };
  }

  private async read(digest: string): Promise<Buffer | null> {
    if (!this.opts.file) return null;
    const bytes = await readFile(this.opts.file).catch(() => null);
    if (!bytes || bytes.length < MAGIC.length + DIGEST_CHARS + 1 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    const at = MAGIC.length;
    if (bytes.toString('latin1', at, at + DIGEST_CHARS) !== digest || bytes[at + DIGEST_CHARS] !== 0x0a) return null;
    return bytes.subarray(at + DIGEST_CHARS + 1);
  }

  /** Written beside the store in the background (temp file, then rename): a failure only costs the next start time. */
  private persist(e: Entry): void {
    const file = this.opts.file;
    if (!file) return;
    const tmp = `${file}.${process.pid}.tmp`;
    this.writing = this.writing
      .then(() => writeFile(tmp, Buffer.concat([MAGIC, Buffer.from(`${e.digest}\n`, 'latin1'), e.gzip])))
      .then(() => rename(tmp, file))
      .catch(() => undefined);
  }

  /** An answer read from disk is checked against a fresh derivation once the page has had it. */
  private scheduleCheck(delayMs = this.opts.checkAfterMs ?? 10_000): void {
    if (this.check) clearTimeout(this.check);
    this.check = setTimeout(() => {
      this.check = null;
      const quietFor = performance.now() - this.lastActivity;
      if (quietFor < QUIET_MS) return this.scheduleCheck(QUIET_MS - quietFor);
      const e = this.entry;
      if (!e?.fromDisk || e.revision !== this.opts.revision()) return;
      const fresh = this.derive(e.revision, e.digest);
      // The derived objects are kept either way (no parse later); the file is rewritten only when it was stale.
      const stale = !fresh.json!.equals(this.view(e).json());
      this.entry = fresh;
      if (stale) this.persist(fresh);
    }, delayMs);
    this.check.unref?.();
  }
}
