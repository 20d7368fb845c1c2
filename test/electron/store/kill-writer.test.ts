/**
 * Crash safety: a writer process is killed (SIGKILL) at random moments, again and again, over hundreds of write
 * cycles. After every kill the edits file must parse and hold every edit acknowledged before the kill.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { rng } from '../../../bench/generate-corpus';
import { userFileFor } from '../../../electron/store/user-store';

describe('the edits file under kill -9', () => {
  it('always parses and holds every acknowledged write, over at least 200 write cycles', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'chronolens-kill-'));
    const writer = path.join(dir, 'writer.mjs');
    await build({ entryPoints: ['test/fixtures/store-writer.ts'], bundle: true, platform: 'node', format: 'esm', outfile: writer, logLevel: 'silent', banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } });
    const store = path.join(dir, 'store.json');
    const rand = rng(7);
    let cycles = 0;
    let kills = 0;
    let acked = 0;
    while (cycles < 200 || kills < 20) {
      const child = spawn(process.execPath, [writer, store], { stdio: ['ignore', 'pipe', 'inherit'] });
      let buf = '';
      const killAfter = 5 + Math.floor(rand() * 40);
      let cyclesHere = 0;
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (d: Buffer) => {
          buf += d.toString();
          let nl;
          while ((nl = buf.indexOf('\n')) >= 0) {
            const line = buf.slice(0, nl);
            buf = buf.slice(nl + 1);
            const m = /^ack (\d+)$/.exec(line);
            if (m) {
              acked = Math.max(acked, Number(m[1]));
              cyclesHere++;
              // Kill at a random moment: sometimes right away, sometimes after a short random delay mid-write.
              if (cyclesHere === killAfter) setTimeout(() => child.kill('SIGKILL'), Math.floor(rand() * 3));
            }
          }
        });
        child.on('exit', () => resolve());
      });
      kills++;
      cycles += cyclesHere;
      const data = JSON.parse(await readFile(userFileFor(store), 'utf8'));
      const seqs = new Set<number>(data.edits.map((e: { seq: number }) => e.seq));
      for (let s = 1; s <= acked; s++) expect(seqs.has(s), `acknowledged edit ${s} lost after kill ${kills}`).toBe(true);
    }
    expect(cycles).toBeGreaterThanOrEqual(200);
    expect(kills).toBeGreaterThanOrEqual(20);
  }, 180_000);
});
