// Every engine Berth manages. The local one is always there; more come from BERTH_ENGINES
// ("name=unix:///path,other=tcp://127.0.0.1:23750"), each with its own connection and caches.
import type { ContainersPatch, EngineStatus } from '../shared/dto';
import { BerthError } from '../shared/errors';
import { EngineConnection } from './connection';
import { resolveLocalEndpoint, type EngineEndpoint } from './endpoint';

export interface EngineDefinition {
  id: string;
  name: string;
  endpoint: EngineEndpoint;
}

export interface EngineRegistryListeners {
  onStatus: (status: EngineStatus) => void;
  onContainersPatch: (patch: ContainersPatch) => void;
}

/** Parses BERTH_ENGINES. Throws with the offending entry when one is malformed. */
export function parseExtraEngines(value: string | undefined): EngineDefinition[] {
  if (!value?.trim()) return [];
  const seen = new Set<string>();
  return value.split(',').map((entry, index) => {
    const eq = entry.indexOf('=');
    const name = entry.slice(0, eq).trim();
    const host = entry.slice(eq + 1).trim();
    if (eq <= 0 || !name || !host || !/^(unix|tcp|ssh|npipe|https?):\/\//.test(host)) {
      throw new Error(`BERTH_ENGINES entry "${entry}" is not name=unix:///path or name=tcp://host:port`);
    }
    // Ids go into URLs and store keys: letters, digits and inner dashes only ("***" would otherwise be "-").
    const slug = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
    const id = slug || `engine-${index + 2}`;
    // Two names that reduce to one id would silently replace each other in the registry.
    if (seen.has(id)) throw new Error(`BERTH_ENGINES names two engines "${id}": give each engine its own name`);
    seen.add(id);
    return { id, name, endpoint: { host, source: 'BERTH_ENGINES' } };
  });
}

export function defaultEngineDefinitions(env: Record<string, string | undefined> = process.env): EngineDefinition[] {
  const local: EngineDefinition = { id: 'local', name: 'Local', endpoint: resolveLocalEndpoint() };
  return [local, ...parseExtraEngines(env.BERTH_ENGINES).filter((e) => e.id !== 'local')];
}

export class EngineRegistry {
  private readonly engines = new Map<string, EngineConnection>();

  constructor(definitions: EngineDefinition[], listeners: EngineRegistryListeners) {
    for (const def of definitions) {
      this.engines.set(
        def.id,
        new EngineConnection({ ...def, onStatus: listeners.onStatus, onContainersPatch: listeners.onContainersPatch }),
      );
    }
  }

  /** Starts every connection; resolves once each has connected or failed its first attempt. */
  async start(): Promise<void> {
    await Promise.all([...this.engines.values()].map((engine) => engine.start()));
  }

  stop(): void {
    for (const engine of this.engines.values()) engine.stop();
  }

  list(): EngineStatus[] {
    return [...this.engines.values()].map((engine) => engine.getStatus());
  }

  get(engineId: string): EngineConnection {
    const engine = this.engines.get(engineId);
    if (!engine) throw new BerthError('not_found', `No engine "${engineId}" is configured.`);
    return engine;
  }
}
