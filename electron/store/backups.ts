/**
 * Rolling backups beside a store file (`NAME.bak-<time>`), and finding the newest one that still opens.
 * A backup is taken at most once per interval, and only the newest few are kept.
 */
import { copyFile, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

export interface BackupPolicy {
  keep: number;
  minIntervalMs: number;
}

export const DEFAULT_BACKUPS: BackupPolicy = { keep: 10, minIntervalMs: 60_000 };

async function listBackups(file: string): Promise<string[]> {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const names = await readdir(dir).catch(() => [] as string[]);
  // The timestamp suffix sorts lexically in time order; `.bak` (the previous write) is the newest of all.
  const rolling = names.filter((n) => n.startsWith(`${base}.bak-`)).sort().reverse();
  return [...(names.includes(`${base}.bak`) ? [`${base}.bak`] : []), ...rolling].map((n) => path.join(dir, n));
}

const stamp = (d = new Date()): string => d.toISOString().replace(/[:.]/g, '-');

export class RollingBackups {
  private last = 0;
  constructor(
    private readonly file: string,
    private readonly policy: BackupPolicy = DEFAULT_BACKUPS,
  ) {}

  /** Copies the current file aside if the interval has passed; prunes the oldest beyond `keep`. */
  async maybeBackup(now = Date.now()): Promise<string | null> {
    if (now - this.last < this.policy.minIntervalMs) return null;
    const target = `${this.file}.bak-${stamp(new Date(now))}`;
    try {
      await copyFile(this.file, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    this.last = now;
    const all = (await listBackups(this.file)).filter((p) => !p.endsWith('.bak'));
    await Promise.all(all.slice(this.policy.keep).map((p) => rm(p, { force: true })));
    return target;
  }
}

/** The newest backup whose content passes `isGood`, or null. */
export async function lastGoodBackup(file: string, isGood: (data: unknown) => boolean): Promise<string | null> {
  for (const candidate of await listBackups(file)) {
    try {
      if (isGood(JSON.parse((await readFile(candidate, 'utf8')).replace(/^\uFEFF/, '')))) return candidate;
    } catch {
      // unreadable or not JSON: try an older one
    }
  }
  return null;
}

export { stamp as backupStamp };
