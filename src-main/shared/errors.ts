// Errors cross the IPC boundary as plain values: a stable code the UI can branch on, and a sentence a
// person can read where they acted.

export type ErrorCode =
  | 'invalid_input' // the request failed validation before reaching the engine
  | 'unknown_channel' // no such invoke or stream in the contract
  | 'not_found' // the engine has no such object (e.g. a container removed between list and click)
  | 'conflict' // the engine refused because of the object's state (name in use, container running)
  | 'in_use' // the object is used by another one (image used by a container, volume mounted)
  | 'not_modified' // the object already was in the requested state
  | 'engine_unavailable' // the engine does not answer
  | 'engine_error' // any other error the engine reported
  | 'unauthorized' // missing or wrong token, origin, or registry credentials
  | 'internal'; // a bug in Berth

export interface SerializedError {
  code: ErrorCode;
  message: string;
  detail?: string;
}

/** An error Berth throws on purpose, carrying a code; the router serialises it as-is. */
export class BerthError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'BerthError';
  }

  toJSON(): SerializedError {
    return { code: this.code, message: this.message, ...(this.detail ? { detail: this.detail } : {}) };
  }
}

export function isSerializedError(value: unknown): value is SerializedError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as SerializedError).code === 'string' &&
    typeof (value as SerializedError).message === 'string'
  );
}
