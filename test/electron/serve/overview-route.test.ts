/**
 * `cli serve` answers `timeline:overview` with the cache's ready-made bytes (gzipped when the client takes it): the
 * same answer dispatch gives, changed by an edit, and found beside the store by the next start.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/app-services';
import { startServer, type RunningServer } from '../../../electron/serve/server';
import { writeExplorerStore } from '../../../bench/explorer-store';
import { anchorOf } from '../../../shared/edits';
import { unpackEvents } from '../../../shared/timeline-pack';
import type { TimelineOverviewWire } from '../../../shared/ipc/contract';

interface Reply {
  status: number;
  encoding: string | undefined;
  body: Buffer;
}

function post(server: RunningServer, channel: string, body: string, gzip: boolean): Promise<Reply> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: `/api/call/${channel}`, method: 'POST', headers: { 'X-Chronolens-Token': server.token, 'Content-Type': 'application/json', ...(gzip ? { 'Accept-Encoding': 'gzip, deflate, br' } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const valueOf = (r: Reply): TimelineOverviewWire => {
  const text = (r.encoding === 'gzip' ? gunzipSync(r.body) : r.body).toString('utf8');
  return (JSON.parse(text) as { ok: true; value: TimelineOverviewWire }).value;
};

describe('the overview route of cli serve', () => {
  let dir: string;
  let storeFile: string;
  let services: AppServices;
  let server: RunningServer;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'chronolens-overview-route-'));
    storeFile = path.join(dir, 'store.json');
    await writeExplorerStore(storeFile, { events: 3000, documents: 4, seed: 11 });
    services = await createAppServices({ storeFile });
    server = await startServer({ services, staticDir: dir });
  });
  afterAll(async () => {
    await server?.close();
    await services?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers what the handler answers, gzipped for a client that takes gzip and plain for one that does not', async () => {
    const expected = await services.handlers['timeline:overview']({});
    const zipped = await post(server, 'timeline:overview', '{}', true);
    expect(zipped.status).toBe(200);
    expect(zipped.encoding).toBe('gzip');
    expect(valueOf(zipped)).toEqual(JSON.parse(JSON.stringify(expected)));
    const plain = await post(server, 'timeline:overview', '', false);
    expect(plain.encoding).toBeUndefined();
    expect(valueOf(plain)).toEqual(valueOf(zipped));
    expect(unpackEvents(valueOf(plain).events)).toHaveLength(3000);
    // A fifth of the size or less on the wire.
    expect(zipped.body.length).toBeLessThan(plain.body.length / 4);
  });

  it('refuses arguments it does not take, as dispatch does', async () => {
    const r = await post(server, 'timeline:overview', '{"window":1}', true);
    expect(JSON.parse(r.body.toString('utf8'))).toMatchObject({ ok: false, code: 'bad-request' });
  });

  it('follows an edit at once, and leaves the current overview beside the store for the next start', async () => {
    const full = await services.handlers['timeline:load']({});
    const target = full.events.find((e) => e.date.start)!;
    await services.handlers['edit:apply']({ op: { kind: 'event.update', target: anchorOf(target), patch: { label: 'Relabelled by the researcher' } } });
    const after = unpackEvents(valueOf(await post(server, 'timeline:overview', '{}', true)).events);
    expect(after.find((e) => e.id === target.id)?.label).toBe('Relabelled by the researcher');

    await server.close();
    await services.close();
    expect((await stat(`${storeFile}.overview`)).size).toBeGreaterThan(1000);
    services = await createAppServices({ storeFile });
    server = await startServer({ services, staticDir: dir });
    const again = unpackEvents(valueOf(await post(server, 'timeline:overview', '{}', true)).events);
    expect(again).toEqual(after);
  });
});
