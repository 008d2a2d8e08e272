// berth.test=foundation — errors as values crossing the IPC boundary.
import { describe, expect, it } from 'vitest';
import { BerthError, isSerializedError } from './errors';

describe('BerthError', () => {
  it('serialises to {code, message} and adds detail only when there is one', () => {
    expect(new BerthError('not_found', 'No such container: web').toJSON()).toEqual({ code: 'not_found', message: 'No such container: web' });
    expect(JSON.parse(JSON.stringify(new BerthError('conflict', 'Busy', 'HTTP 409')))).toEqual({
      code: 'conflict',
      message: 'Busy',
      detail: 'HTTP 409',
    });
  });

  it('is a real Error with a recognisable name', () => {
    const error = new BerthError('internal', 'x');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('BerthError');
  });
});

describe('isSerializedError', () => {
  it('recognises {code, message} and nothing less', () => {
    expect(isSerializedError({ code: 'x', message: 'y' })).toBe(true);
    expect(isSerializedError({ code: 'x' })).toBe(false);
    expect(isSerializedError(null)).toBe(false);
    expect(isSerializedError('error')).toBe(false);
  });
});
