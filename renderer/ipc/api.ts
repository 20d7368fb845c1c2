import type { CallArgs, CallChannel, CallResult, ChronolensApi } from '../../shared/ipc/contract';
import { unwrap } from './call-error';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge); absent in the browser preview served by `cli serve`. */
    chronolens?: ChronolensApi;
  }
}

function resolveApi(): ChronolensApi {
  if (window.chronolens) return window.chronolens;
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  return createHttpBridge({ token });
}

/** The only reader of `window.chronolens`: everything else in the renderer goes through `api` or `request`. */
export const api: ChronolensApi = resolveApi();

/** Calls the main process and unwraps the `Result`, throwing a `CallError` on failure. */
export async function request<K extends CallChannel>(channel: K, args: CallArgs<K>): Promise<CallResult<K>> {
  return unwrap(channel, await api.call(channel, args));
}
