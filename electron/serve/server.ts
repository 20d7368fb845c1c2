/**
 * `cli serve`: the real renderer in any browser, backed by the same services over loopback HTTP.
 * Bound to 127.0.0.1 only; every API request carries the random token printed in the URL; the Host header is
 * checked so a rebinding DNS name cannot reach the API.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { EVENT_CHANNELS } from '../../shared/ipc/contract';
import { fail } from '../../shared/ipc/result';
import type { AppServices } from '../app-services';
import type { OverviewAnswer } from '../store/overview-cache';
import { dispatch } from '../ipc/dispatch';
import { CONTENT_SECURITY_POLICY } from '../security/policy';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};
const MAX_BODY = 1024 * 1024;

export interface ServeOptions {
  services: AppServices;
  staticDir: string;
  port?: number;
  /**
   * Have the explorer's overview ready before listening (`cli serve`): part of opening the store, read from the file
   * the last run left beside it, or derived (seconds on a 10,000-article corpus) when the store changed since.
   */
  prepareOverview?: boolean;
}

export interface RunningServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(c as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.trim() === '' ? {} : JSON.parse(text);
}

const isEmptyObject = (x: unknown): boolean => typeof x === 'object' && x !== null && !Array.isArray(x) && Object.keys(x).length === 0;

const acceptsGzip = (req: http.IncomingMessage): boolean => /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const token = randomBytes(24).toString('hex');
  const root = path.resolve(opts.staticDir);
  const sse = new Set<http.ServerResponse>();
  let allowedHosts = new Set<string>();

  const headers = (type: string): http.OutgoingHttpHeaders => ({
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  const json = (res: http.ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, headers('application/json; charset=utf-8'));
    res.end(JSON.stringify(body));
  };
  const sendOverview = (req: http.IncomingMessage, res: http.ServerResponse, answer: OverviewAnswer): void => {
    const gzip = acceptsGzip(req);
    const body = gzip ? answer.gzip : answer.json();
    res.writeHead(200, { ...headers('application/json; charset=utf-8'), ...(gzip ? { 'Content-Encoding': 'gzip' } : {}), Vary: 'Accept-Encoding', 'Content-Length': body.length });
    res.end(body);
  };

  const server = http.createServer(async (req, res) => {
    try {
      if (!allowedHosts.has(req.headers.host ?? '')) return json(res, 403, fail('forbidden', 'unexpected Host header'));
      opts.services.activity();
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname.startsWith('/api/')) {
        const given = (req.headers['x-chronolens-token'] as string | undefined) ?? url.searchParams.get('token') ?? undefined;
        if (!sameToken(given, token)) return json(res, 401, fail('forbidden', 'missing or wrong token'));
        if (url.pathname === '/api/events' && req.method === 'GET') {
          res.writeHead(200, { ...headers('text/event-stream; charset=utf-8'), Connection: 'keep-alive' });
          res.write(': connected\n\n');
          sse.add(res);
          req.on('close', () => sse.delete(res));
          return;
        }
        const m = /^\/api\/call\/([a-z:-]+)$/.exec(url.pathname);
        if (m && req.method === 'POST') {
          let body: unknown;
          try {
            body = await readBody(req);
          } catch (e) {
            return json(res, 400, fail('bad-request', (e as Error).message));
          }
          // The explorer's first call answers ready-made bytes (electron/store/overview-cache.ts), gzipped unless
          // the client cannot take it; anything but its empty arguments goes through dispatch for the error.
          if (m[1] === 'timeline:overview' && isEmptyObject(body)) return sendOverview(req, res, await opts.services.overview());
          return json(res, 200, await dispatch(opts.services.handlers, m[1]!, body));
        }
        return json(res, 404, fail('not-found', 'no such API route'));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, fail('bad-request', 'method not allowed'));
      const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
      const file = path.resolve(root, `.${rel}`);
      if (!file.startsWith(root + path.sep)) return json(res, 403, fail('forbidden', 'outside the app folder'));
      const st = await stat(file).catch(() => null);
      if (!st?.isFile()) return json(res, 404, fail('not-found', 'not found'));
      res.writeHead(200, { ...headers(MIME[path.extname(file)] ?? 'application/octet-stream'), 'Content-Length': st.size });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    } catch (e) {
      if (!res.headersSent) json(res, 500, fail('internal', (e as Error).message));
      else res.destroy();
    }
  });

  const unsubscribers = EVENT_CHANNELS.map((channel) => {
    const listener = (payload: unknown): void => {
      const frame = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const res of sse) res.write(frame);
    };
    opts.services.events.on(channel, listener);
    return () => opts.services.events.off(channel, listener);
  });

  // Not while a first start annotates (no timeline yet): the page shows the progress meanwhile.
  if (opts.prepareOverview && (await opts.services.handlers['app:status']({})).state === 'ready') await opts.services.overview();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    close: async () => {
      unsubscribers.forEach((u) => u());
      for (const res of sse) res.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
