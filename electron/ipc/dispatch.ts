/**
 * Turns an untrusted (channel, args) pair into a Result: unknown channel and bad arguments are refused before any
 * work, thrown errors become error data. Used by both the Electron IPC adapter and the HTTP bridge.
 */
import type { CallChannel, Handlers } from '../../shared/ipc/contract';
import { fail, ok, ServiceError, type Result } from '../../shared/ipc/result';
import { callSchemas } from '../../shared/ipc/schemas';

export function isCallChannel(c: string): c is CallChannel {
  return Object.hasOwn(callSchemas, c);
}

export async function dispatch(handlers: Handlers, channel: string, rawArgs: unknown): Promise<Result<unknown>> {
  if (!isCallChannel(channel)) return fail('bad-request', `unknown call ${JSON.stringify(channel).slice(0, 80)}`);
  const parsed = callSchemas[channel].safeParse(rawArgs ?? {});
  if (!parsed.success) return fail('bad-request', `bad arguments for ${channel}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(args)'} ${i.message}`).join('; ')}`);
  try {
    const handler = handlers[channel] as (args: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (e) {
    if (e instanceof ServiceError) return fail(e.code, e.message);
    console.error(`[chronolens] ${channel} failed:`, e);
    return fail('internal', (e as Error).message ?? String(e));
  }
}
