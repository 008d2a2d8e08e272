// berth.test=foundation — BERTH_ENGINES parsing and the registry's lookups.
import { describe, expect, it } from 'vitest';
import { BerthError } from '../shared/errors';
import { EngineRegistry, defaultEngineDefinitions, parseExtraEngines } from './registry';

describe('parseExtraEngines', () => {
  it('is empty for an unset or blank value', () => {
    expect(parseExtraEngines(undefined)).toEqual([]);
    expect(parseExtraEngines('  ')).toEqual([]);
  });

  it('parses name=address pairs, trimming spaces and deriving ids from names', () => {
    expect(parseExtraEngines('Build Box = tcp://127.0.0.1:23750, second=unix:///var/run/docker-b.sock')).toEqual([
      { id: 'build-box', name: 'Build Box', endpoint: { host: 'tcp://127.0.0.1:23750', source: 'BERTH_ENGINES' } },
      { id: 'second', name: 'second', endpoint: { host: 'unix:///var/run/docker-b.sock', source: 'BERTH_ENGINES' } },
    ]);
  });

  it('keeps an address containing "=" whole (only the first = separates the name)', () => {
    expect(parseExtraEngines('remote=ssh://ada@host?x=1')[0].endpoint.host).toBe('ssh://ada@host?x=1');
  });

  it('falls back to a positional id when the name has no usable characters', () => {
    expect(parseExtraEngines('a=tcp://h:1,***=tcp://h:2')[1].id).toBe('engine-3');
    expect(parseExtraEngines('(lab)=tcp://h:1')[0].id).toBe('lab');
  });

  it('refuses two names that become the same id', () => {
    expect(() => parseExtraEngines('Lab=tcp://h:1,lab=tcp://h:2')).toThrow(/two engines "lab"/);
  });

  it.each(['noequals', '=tcp://h:1', '  =tcp://h:1', 'b=', 'c=ftp://h', 'd=localhost:2375'])('refuses the malformed entry %j, quoting it', (entry) => {
    expect(() => parseExtraEngines(entry)).toThrow(`BERTH_ENGINES entry "${entry}"`);
  });
});

describe('defaultEngineDefinitions', () => {
  it('always starts with the local engine and drops an extra one that claims the id "local"', () => {
    const defs = defaultEngineDefinitions({ BERTH_ENGINES: 'local=tcp://h:1,b=unix:///var/run/docker-b.sock' });
    expect(defs.map((d) => d.id)).toEqual(['local', 'b']);
  });
});

describe('EngineRegistry', () => {
  it('lists every engine as connecting before start, and refuses an unknown id with not_found', () => {
    const registry = new EngineRegistry(
      [{ id: 'b', name: 'B', endpoint: { host: 'unix:///nonexistent.sock', source: 'test' } }],
      { onStatus: () => {}, onContainersPatch: () => {} },
    );
    expect(registry.list()).toEqual([
      { engineId: 'b', name: 'B', endpoint: 'unix:///nonexistent.sock', source: 'test', state: 'connecting' },
    ]);
    expect(registry.get('b').id).toBe('b');
    try {
      registry.get('nope');
      expect.unreachable('get() should throw');
    } catch (err) {
      expect(err).toBeInstanceOf(BerthError);
      expect((err as BerthError).code).toBe('not_found');
      expect((err as BerthError).message).toContain('"nope"');
    }
    registry.stop();
  });
});
