// Turns anything thrown by a handler into a SerializedError the UI can show. Engine modules already
// throw BerthErrors with codes; this is the last line for validation errors and bugs.
import { ZodError } from 'zod';
import { BerthError, type SerializedError } from '../shared/errors';

export function serializeError(err: unknown): SerializedError {
  if (err instanceof BerthError) return err.toJSON();
  if (err instanceof ZodError) {
    const message = err.issues
      .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
      .join('; ');
    return { code: 'invalid_input', message: message || 'invalid request' };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: `Berth hit an unexpected error: ${message}` };
}
