// berth.test=foundation — the router: validation before any handler runs, unknown channels, and errors
// serialised into {error:{code,message}} values a person can read.
import { describe, expect, it, vi } from 'vitest';
import type * as Contract from '../shared/contract';
import { BerthError } from '../shared/errors';
import { Router, type InvokeHandlers, type StreamProducers, type StreamSink } from './router';
import { serializeError } from './serialize-error';

vi.mock('../shared/contract', async (importOriginal) => {
  const real = await importOriginal<typeof Contract>();
  const { testInvokes, testStreams } = await import('./test-contract');
  return { ...real, invokes: { ...real.invokes, ...testInvokes }, streams: { ...real.streams, ...testStreams } };
});

const ctx = { clientId: 'client-1' };

function routerWith(handlers: Record<string, unknown>, producers: Record<string, unknown> = {}): Router {
  return new Router(handlers as unknown as InvokeHandlers, producers as unknown as StreamProducers);
}

const nullSink: StreamSink<unknown> = { push: () => {}, end: () => {}, closed: false };

describe('Router.invoke', () => {
  it('passes the validated request (defaults applied) and the caller to the handler, and wraps the result', async () => {
    const handler = vi.fn((request: { text: string; times: number }) => request.text.repeat(request.times));
    const router = routerWith({ 'test.echo': handler });
    expect(await router.invoke('test.echo', { text: 'ab' }, ctx)).toEqual({ result: 'ab' });
    expect(handler).toHaveBeenCalledWith({ text: 'ab', times: 1 }, ctx);
  });

  it('refuses invalid input with invalid_input and a message naming the field, without calling the handler', async () => {
    const handler = vi.fn();
    const router = routerWith({ 'test.echo': handler, 'containers.inspect': handler, 'containers.action': handler });
    expect(await router.invoke('test.echo', { text: '' }, ctx)).toEqual({
      error: { code: 'invalid_input', message: 'text: text is required' },
    });
    expect(await router.invoke('containers.inspect', { engineId: 'local', id: '../../etc/passwd' }, ctx)).toEqual({
      error: { code: 'invalid_input', message: 'id: not a container id or name' },
    });
    const missingIds = await router.invoke('containers.action', { engineId: 'local', ids: [], action: 'start' }, ctx);
    expect(missingIds).toEqual({ error: { code: 'invalid_input', message: 'ids: select at least one container' } });
    const several = await router.invoke('containers.action', { engineId: '', ids: ['a'], action: 'fly' }, ctx);
    expect('error' in several && several.error.message).toMatch(/^engineId: an engine id is required; action: /);
    expect(handler).not.toHaveBeenCalled();
  });

  it('treats a missing payload as an empty object', async () => {
    const router = routerWith({ 'engines.list': () => [] });
    expect(await router.invoke('engines.list', undefined, ctx)).toEqual({ result: [] });
  });

  it.each(['nope', 'toString', '__proto__', 'constructor'])('answers unknown_channel for %j', async (name) => {
    const envelope = await routerWith({}).invoke(name, {}, ctx);
    expect(envelope).toEqual({ error: { code: 'unknown_channel', message: `Unknown request "${name}".` } });
  });

  it('serialises a BerthError as is, with its code and detail', async () => {
    const router = routerWith({
      'test.echo': () => {
        throw new BerthError('conflict', 'The name "web" is already in use.', 'HTTP 409');
      },
    });
    expect(await router.invoke('test.echo', { text: 'x' }, ctx)).toEqual({
      error: { code: 'conflict', message: 'The name "web" is already in use.', detail: 'HTTP 409' },
    });
  });

  it('turns any other failure (sync or async) into internal, saying what happened', async () => {
    const router = routerWith({
      'test.echo': async () => {
        throw new TypeError('cannot read properties of undefined');
      },
      'engines.list': () => {
        throw 'a string';
      },
    });
    expect(await router.invoke('test.echo', { text: 'x' }, ctx)).toEqual({
      error: { code: 'internal', message: 'Berth hit an unexpected error: cannot read properties of undefined' },
    });
    expect(await router.invoke('engines.list', {}, ctx)).toEqual({
      error: { code: 'internal', message: 'Berth hit an unexpected error: a string' },
    });
  });
});

describe('Router.openStream', () => {
  it('validates the open request and hands the producer the parsed request, the sink and the caller', async () => {
    const control = { close: vi.fn() };
    const producer = vi.fn(() => control);
    const router = routerWith({}, { 'test.counter': producer });
    expect(await router.openStream('test.counter', { label: 'a' }, nullSink, ctx)).toBe(control);
    expect(producer).toHaveBeenCalledWith({ label: 'a' }, nullSink, ctx);
  });

  it('throws unknown_channel for a stream the contract does not name', async () => {
    await expect(routerWith({}).openStream('test.nothing', {}, nullSink, ctx)).rejects.toMatchObject({
      code: 'unknown_channel',
      message: 'Unknown stream "test.nothing".',
    });
  });

  it('throws a validation error that serialises to invalid_input', async () => {
    const producer = vi.fn();
    const router = routerWith({}, { 'test.counter': producer });
    const failure = await router.openStream('test.counter', { label: '' }, nullSink, ctx).catch((err: unknown) => err);
    expect(serializeError(failure)).toEqual({ code: 'invalid_input', message: 'label: a label is required' });
    expect(producer).not.toHaveBeenCalled();
  });
});
