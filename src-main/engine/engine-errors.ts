// Errors from dockerode become BerthErrors: a code the UI can branch on and the engine's own sentence
// (which is usually clear: "No such container: web", "Conflict. The container name ... is already in use").
import { BerthError, type ErrorCode } from '../shared/errors';

interface DockerodeError {
  statusCode?: number;
  json?: { message?: string } | string | null;
  reason?: string;
  message?: string;
  code?: string;
}

const unreachableCodes = new Set(['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

export function engineMessage(err: DockerodeError): string {
  if (err.json && typeof err.json === 'object' && err.json.message) return err.json.message;
  if (typeof err.json === 'string' && err.json.trim()) return err.json.trim();
  // dockerode prefixes "(HTTP code 404) no such container - " — keep only the engine's part.
  const message = err.message ?? String(err);
  return message.replace(/^\(HTTP code \d+\)\s*[^-]*-\s*/, '').trim() || message;
}

export function toBerthError(err: unknown, context?: string): BerthError {
  if (err instanceof BerthError) return err;
  const e = (err ?? {}) as DockerodeError;
  if (e.code && unreachableCodes.has(e.code)) {
    return new BerthError('engine_unavailable', 'The Docker engine is not answering.', e.message);
  }
  const message = engineMessage(e);
  let code: ErrorCode = 'engine_error';
  switch (e.statusCode) {
    case 304:
      code = 'not_modified';
      break;
    case 400:
      code = 'invalid_input';
      break;
    case 401:
    case 403:
      code = 'unauthorized';
      break;
    case 404:
      code = 'not_found';
      break;
    case 409:
      code = /in use|being used/i.test(message) ? 'in_use' : 'conflict';
      break;
  }
  const human = message.charAt(0).toUpperCase() + message.slice(1);
  return new BerthError(code, context ? `${context}: ${human}` : human, e.statusCode ? `HTTP ${e.statusCode}` : undefined);
}

/** Runs an engine call and rethrows its failure as a BerthError. */
export async function engineCall<T>(call: () => Promise<T>, context?: string): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw toBerthError(err, context);
  }
}
