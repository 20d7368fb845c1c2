import { describe, expect, it, vi } from 'vitest';
import { createHttpBridge } from '../../renderer/ipc/http-bridge';

class FakeEventSource {
  static last: FakeEventSource | null = null;
  listeners = new Map<string, Set<(ev: MessageEvent<string>) => void>>();
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, fn: (ev: MessageEvent<string>) => void): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(fn);
  }
  removeEventListener(type: string, fn: (ev: MessageEvent<string>) => void): void {
    this.listeners.get(type)?.delete(fn);
  }
  emit(type: string, data: string): void {
    for (const fn of this.listeners.get(type) ?? []) fn({ data } as MessageEvent<string>);
  }
  close(): void {
    this.closed = true;
  }
}

const jsonResponse = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('createHttpBridge', () => {
  it('posts the arguments with the token and returns the Result as sent', async () => {
    const fetch = vi.fn(async () => jsonResponse(200, { ok: true, value: { state: 'ready' } }));
    const bridge = createHttpBridge({ token: 'tok', origin: 'http://127.0.0.1:9', fetch: fetch as unknown as typeof globalThis.fetch, EventSource: FakeEventSource as never });
    const result = await bridge.call('document:get', { id: 'd1' });
    expect(result).toEqual({ ok: true, value: { state: 'ready' } });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:9/api/call/document:get');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['X-Chronolens-Token']).toBe('tok');
    expect(JSON.parse(init.body as string)).toEqual({ id: 'd1' });
  });

  it('passes error Results through, whatever the HTTP status', async () => {
    const fetch = async () => jsonResponse(401, { ok: false, code: 'forbidden', message: 'missing or wrong token' });
    const bridge = createHttpBridge({ token: 'x', origin: 'http://h', fetch: fetch as never, EventSource: FakeEventSource as never });
    expect(await bridge.call('app:status', {})).toEqual({ ok: false, code: 'forbidden', message: 'missing or wrong token' });
  });

  it('turns a non-Result answer or a network failure into an error Result', async () => {
    const html = async () => new Response('<h1>Bad gateway</h1>', { status: 502 });
    const bridge = createHttpBridge({ token: 'x', origin: 'http://h', fetch: html as never, EventSource: FakeEventSource as never });
    const r = await bridge.call('app:status', {});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('HTTP 502');

    const down = async () => {
      throw new TypeError('Failed to fetch');
    };
    const r2 = await createHttpBridge({ token: 'x', origin: 'http://h', fetch: down as never, EventSource: FakeEventSource as never }).call('app:status', {});
    expect(r2).toMatchObject({ ok: false, code: 'internal' });
  });

  it('delivers SSE events by channel and closes the stream after the last unsubscribe', () => {
    const bridge = createHttpBridge({ token: 't k', origin: 'http://h', fetch: (async () => jsonResponse(200, {})) as never, EventSource: FakeEventSource as never });
    const seen: unknown[] = [];
    const off1 = bridge.on('annotate:progress', (p) => seen.push(p));
    const off2 = bridge.on('annotate:progress', () => undefined);
    const es = FakeEventSource.last!;
    expect(es.url).toBe('http://h/api/events?token=t%20k');
    es.emit('annotate:progress', JSON.stringify({ phase: 'annotate', done: 1, total: 5, file: 'a.txt' }));
    es.emit('annotate:progress', 'not json');
    expect(seen).toEqual([{ phase: 'annotate', done: 1, total: 5, file: 'a.txt' }]);
    off1();
    off1();
    expect(es.closed).toBe(false);
    off2();
    expect(es.closed).toBe(true);
  });
});
