import type { ErrorCode, Result } from '../../shared/ipc/result';

/** A failed call, unwrapped once from its `Result` so UI code can catch it and show code + message. */
export class CallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly channel: string,
  ) {
    super(message);
    this.name = 'CallError';
  }
}

export function unwrap<T>(channel: string, result: Result<T>): T {
  if (result.ok) return result.value;
  throw new CallError(result.code, result.message, channel);
}

/** A readable one-liner for any error a call can produce (CallError, network failure, bug). */
export function describeError(err: unknown): string {
  if (err instanceof CallError) return `${err.message} (${err.code}, ${err.channel})`;
  if (err instanceof Error) return err.message;
  return String(err);
}
