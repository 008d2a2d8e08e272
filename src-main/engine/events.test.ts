// berth.test=foundation — the /events line splitter (pure), and one real subscription on the engine.
import Dockerode from 'dockerode';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { JsonLineSplitter, subscribeToEvents, type EngineEvent } from './events';

describe('JsonLineSplitter', () => {
  it('emits one object per line', () => {
    const seen: unknown[] = [];
    new JsonLineSplitter().feed('{"a":1}\n{"a":2}\n', (value) => seen.push(value));
    expect(seen).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('joins an object split across chunks, even mid-string and mid-multibyte text', () => {
    const splitter = new JsonLineSplitter();
    const seen: unknown[] = [];
    const text = '{"Action":"start","Actor":{"ID":"x","Attributes":{"name":"café"}}}\n{"Action":"die"}\n';
    for (const piece of [text.slice(0, 5), text.slice(5, 40), text.slice(40, 70), text.slice(70)]) {
      splitter.feed(piece, (value) => seen.push(value));
    }
    expect(seen).toEqual([{ Action: 'start', Actor: { ID: 'x', Attributes: { name: 'café' } } }, { Action: 'die' }]);
  });

  it('holds a partial line until its newline arrives and skips blank lines', () => {
    const splitter = new JsonLineSplitter();
    const seen: unknown[] = [];
    splitter.feed('\n\n{"n":', (value) => seen.push(value));
    expect(seen).toEqual([]);
    splitter.feed('1}\r\n', (value) => seen.push(value));
    expect(seen).toEqual([{ n: 1 }]);
  });

  it('throws on a line that is not JSON (the subscription turns that into an end)', () => {
    expect(() => new JsonLineSplitter().feed('oops\n', () => {})).toThrow();
  });
});

describe('subscribeToEvents (real engine)', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const name = `fdn-events-${Date.now().toString(36)}`;
  afterAll(() => {
    execFileSync('docker', ['rm', '-f', name], { stdio: 'ignore' });
  });

  it('delivers the engine events of a container created with the CLI, and close() does not call onEnd', async () => {
    const events: EngineEvent[] = [];
    let ended = false;
    const subscription = await subscribeToEvents(
      docker,
      (event) => events.push(event),
      () => (ended = true),
    );
    const id = execFileSync('docker', ['create', '--label', 'berth.test=foundation', '--name', name, 'fixture/busybox', 'true'], {
      encoding: 'utf8',
    }).trim();
    await expect.poll(() => events.some((e) => e.Type === 'container' && e.Action === 'create' && e.Actor.ID === id)).toBe(true);
    const created = events.find((e) => e.Actor.ID === id)!;
    expect(created.Actor.Attributes?.name).toBe(name);
    expect(created.timeNano).toBeGreaterThan(0);
    subscription.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ended).toBe(false);
  });
});
