// berth.test=foundation — dockerode failures become BerthErrors with a code and the engine's own sentence.
import { describe, expect, it } from 'vitest';
import { BerthError } from '../shared/errors';
import { engineCall, engineMessage, toBerthError } from './engine-errors';

const dockerodeError = (statusCode: number, message: string) =>
  Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - ${message} `), { statusCode, json: { message } });

describe('engineMessage', () => {
  it("prefers the engine's JSON message, then a string body, then the error text without dockerode's prefix", () => {
    expect(engineMessage({ json: { message: 'No such container: web' } })).toBe('No such container: web');
    expect(engineMessage({ json: ' page not found \n' })).toBe('page not found');
    expect(engineMessage({ message: '(HTTP code 404) no such container - No such container: x ' })).toBe('No such container: x');
    expect(engineMessage({ message: 'socket hang up' })).toBe('socket hang up');
  });
});

describe('toBerthError', () => {
  it.each([
    [304, 'container already started', 'not_modified'],
    [400, 'invalid reference format', 'invalid_input'],
    [401, 'authentication required', 'unauthorized'],
    [403, 'forbidden', 'unauthorized'],
    [404, 'No such container: web', 'not_found'],
    [409, 'You cannot remove a running container abc. Stop the container before attempting removal or force remove', 'conflict'],
    [409, 'unable to remove volume: volume is in use - [abc]', 'in_use'],
    [409, 'conflict: unable to delete 123 (cannot be forced) - image is being used by running container abc', 'in_use'],
    [500, 'driver failed programming external connectivity', 'engine_error'],
  ])('maps HTTP %i (%s) to %s', (status, message, code) => {
    const error = toBerthError(dockerodeError(status, message));
    expect(error).toBeInstanceOf(BerthError);
    expect(error.code).toBe(code);
    expect(error.detail).toBe(`HTTP ${status}`);
  });

  it('capitalises the sentence and prefixes the context', () => {
    expect(toBerthError(dockerodeError(404, 'no such image: x'), 'Starting web').message).toBe('Starting web: No such image: x');
  });

  it('maps a socket that does not answer to engine_unavailable', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED /var/run/docker.sock'), { code: 'ECONNREFUSED' });
    expect(toBerthError(refused).toJSON()).toEqual({
      code: 'engine_unavailable',
      message: 'The Docker engine is not answering.',
      detail: 'connect ECONNREFUSED /var/run/docker.sock',
    });
  });

  it('passes a BerthError through unchanged', () => {
    const original = new BerthError('conflict', 'already');
    expect(toBerthError(original)).toBe(original);
  });

  it('engineCall rethrows failures as BerthErrors and returns results as they are', async () => {
    expect(await engineCall(async () => 42)).toBe(42);
    await expect(engineCall(() => Promise.reject(dockerodeError(404, 'No such container: x')), 'Inspect')).rejects.toMatchObject({
      code: 'not_found',
      message: 'Inspect: No such container: x',
    });
  });
});
