import type { CallArgs, CallChannel, CallResult, ChronolensApi, EventChannel, Events } from '../../shared/ipc/contract';
import type { ErrorCode, Result } from '../../shared/ipc/result';

const ERROR_CODES: readonly ErrorCode[] = ['bad-request', 'not-found', 'forbidden', 'busy', 'cancelled', 'internal'];

function isResult(x: unknown): x is Result<unknown> {
  if (typeof x !== 'object' || x === null || !('ok' in x)) return false;
  const r = x as { ok: unknown; code?: unknown; message?: unknown };
  if (r.ok === true) return 'value' in r;
  return r.ok === false && ERROR_CODES.includes(r.code as ErrorCode) && typeof r.message === 'string';
}

export interface HttpBridgeOptions {
  token: string;
  /** Base URL of the `cli serve` server; defaults to the page's origin. */
  origin?: string;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
}

/**
 * The browser-preview implementation of the IPC contract: calls are `POST /api/call/<channel>` answering the same
 * `Result` JSON the Electron handlers return, and notifications arrive over one shared Server-Sent Events stream.
 */
export function createHttpBridge(opts: HttpBridgeOptions): ChronolensApi {
  const origin = opts.origin ?? window.location.origin;
  const doFetch = opts.fetch ?? window.fetch.bind(window);
  const ES = opts.EventSource ?? window.EventSource;
  let source: EventSource | null = null;
  let listeners = 0;

  async function call<K extends CallChannel>(channel: K, args: CallArgs<K>): Promise<Result<CallResult<K>>> {
    let res: Response;
    try {
      res = await doFetch(`${origin}/api/call/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Chronolens-Token': opts.token },
        body: JSON.stringify(args),
      });
    } catch (err) {
      return { ok: false, code: 'internal', message: `Cannot reach the Chronolens server: ${String(err)}` };
    }
    // Errors are data too: a 4xx/5xx still carries a Result body; anything else is reported with the HTTP status.
    const body: unknown = await res.json().catch(() => null);
    if (isResult(body)) return body as Result<CallResult<K>>;
    const code: ErrorCode = res.status === 401 || res.status === 403 ? 'forbidden' : res.status === 404 ? 'not-found' : 'internal';
    return { ok: false, code, message: `Unexpected answer from the server (HTTP ${res.status}) for ${channel}` };
  }

  function on<K extends EventChannel>(channel: K, listener: (payload: Events[K]) => void): () => void {
    source ??= new ES(`${origin}/api/events?token=${encodeURIComponent(opts.token)}`);
    const es = source;
    listeners += 1;
    const handler = (ev: MessageEvent<string>): void => {
      let payload: Events[K];
      try {
        payload = JSON.parse(ev.data) as Events[K];
      } catch {
        return; // A malformed frame is dropped; the stream and other frames are unaffected.
      }
      listener(payload);
    };
    es.addEventListener(channel, handler as EventListener);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      es.removeEventListener(channel, handler as EventListener);
      listeners -= 1;
      // Close the stream with the last subscriber so an idle page holds no connection open.
      if (listeners === 0 && source === es) {
        es.close();
        source = null;
      }
    };
  }

  return { call, on };
}
