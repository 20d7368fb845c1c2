/**
 * Document files written by annotation workers (writeDocumentFileSync) and adopted by the main thread's run:
 * flushed and committed like its own, deleted when the run is abandoned; a file a stopped worker left half-written
 * is swept, an older file is not.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentFiles, documentFileName, writeDocumentFileSync } from '../../../electron/store/document-files';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'chronolens-worker-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('writeDocumentFileSync', () => {
  it('makes the folder, creates a new name, and replaces an existing one whole', () => {
    const dir = path.join(tmp, 'a', 'store.json.d');
    const json = JSON.stringify({ doc: 'اليوم، ٨ يونيو' });
    const name = documentFileName('d1', json);
    expect(writeDocumentFileSync(dir, name, json)).toBe(true);
    expect(readFileSync(path.join(dir, name), 'utf8')).toBe(json);
    // Same content again (another run): replaced through a temp file, nothing else left behind.
    expect(writeDocumentFileSync(dir, name, json)).toBe(false);
    expect(readdirSync(dir)).toEqual([name]);
    expect(readFileSync(path.join(dir, name), 'utf8')).toBe(json);
  });
});

describe('DocumentFiles.adopt / abandon / sweepNewer', () => {
  it('commits adopted files with the run, and an abandoned run deletes the ones it created', async () => {
    const docs = DocumentFiles.forStore(path.join(tmp, 'b.json'));
    const a = JSON.stringify({ n: 1 });
    const b = JSON.stringify({ n: 2 });
    const na = documentFileName('d1', a);
    const nb = documentFileName('d2', b);
    docs.adopt(na, writeDocumentFileSync(docs.dir, na, a));
    await docs.commit();
    expect(await docs.read(na)).toEqual({ n: 1 });
    // The next run adopts one, then is abandoned: its file goes, the committed one stays.
    docs.adopt(nb, writeDocumentFileSync(docs.dir, nb, b));
    await docs.abandon();
    expect(existsSync(path.join(docs.dir, nb))).toBe(false);
    expect(existsSync(path.join(docs.dir, na))).toBe(true);
  });

  it('sweeps files written since a run started that nothing names, and keeps older ones and named ones', async () => {
    const docs = DocumentFiles.forStore(path.join(tmp, 'c.json'));
    const old = 'd0.aaaaaaaaaaaaaaaa.json';
    const named = 'd1.bbbbbbbbbbbbbbbb.json';
    writeDocumentFileSync(docs.dir, old, '{"old":true}');
    // Written before the run: an hour ago.
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(path.join(docs.dir, old), hourAgo, hourAgo);
    const since = Date.now();
    // Written during the run and named by the index (say, the same content as before).
    writeDocumentFileSync(docs.dir, named, '{"named":true}');
    // What a worker stopped mid-write leaves: a created, unadopted, partial file.
    writeFileSync(path.join(docs.dir, 'd2.cccccccccccccccc.json'), '{"partial":');
    expect(await docs.sweepNewer(since, new Set([named]))).toBe(1);
    expect(readdirSync(docs.dir).sort()).toEqual([old, named].sort());
  });
});
