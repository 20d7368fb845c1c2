/** Errors cross the IPC boundary as data with a stable code, never as thrown exceptions. */
/** `cancelled`: the user stopped a long call (an annotation); nothing it had begun was written. */
export type ErrorCode = 'bad-request' | 'not-found' | 'forbidden' | 'busy' | 'cancelled' | 'internal';

export type Result<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, code, message });

/** Thrown by handlers to answer a specific error code; anything else becomes `internal`. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
