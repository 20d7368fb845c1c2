/**
 * One owner per store file: two writers would lose each other's writes (pitfalls.md: lowdb shares a temp name).
 * A lock file holds the owner's pid; a lock left by a dead process is taken over.
 */
import { open, readFile, rm } from 'node:fs/promises';

export class StoreLockedError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface StoreLock {
  release(): Promise<void>;
}

// Locks this process holds: a second open from the same process is refused too.
const held = new Set<string>();

export async function lockStore(storeFile: string): Promise<StoreLock> {
  const lockFile = `${storeFile}.lock`;
  if (held.has(lockFile)) throw new StoreLockedError(`the store ${storeFile} is already open in this process`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(lockFile, 'wx');
      await fh.writeFile(String(process.pid));
      await fh.close();
      held.add(lockFile);
      let released = false;
      const release = async (): Promise<void> => {
        if (released) return;
        released = true;
        held.delete(lockFile);
        await rm(lockFile, { force: true });
      };
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new StoreLockedError(`the store ${storeFile} is open in another Chronolens process (pid ${pid}); close it first`);
      }
      await rm(lockFile, { force: true });
    }
  }
  throw new StoreLockedError(`could not lock ${storeFile}`);
}
