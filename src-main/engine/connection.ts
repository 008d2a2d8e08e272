// One engine: its dockerode client, its connection state, its /events stream and the caches it feeds.
// When the stream drops (engine stopped, socket gone) the engine is marked disconnected, retried with
// backoff, and fully resynced when it answers again.
import http from 'node:http';
import Dockerode from 'dockerode';
import type { EngineInfo, EngineStatus, EngineVersion, ContainersPatch } from '../shared/dto';
import { BerthError } from '../shared/errors';
import { ContainersCache } from './containers-cache';
import { dockerodeOptions, type EngineEndpoint } from './endpoint';
import { engineMessage } from './engine-errors';
import { subscribeToEvents, type EngineEvent, type EventSubscription } from './events';

export interface EngineConnectionOptions {
  id: string;
  name: string;
  endpoint: EngineEndpoint;
  onStatus: (status: EngineStatus) => void;
  onContainersPatch: (patch: ContainersPatch) => void;
  /** Backoff between reconnect attempts: first delay and ceiling, in ms. */
  retryInitialMs?: number;
  retryMaxMs?: number;
}

export type EngineEventListener = (event: EngineEvent) => void;

export class EngineConnection {
  readonly id: string;
  readonly docker: Dockerode;
  readonly containers: ContainersCache;
  private status: EngineStatus;
  private events?: EventSubscription;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private retryDelay: number;
  private stopped = false;
  private connecting?: Promise<void>;
  private readonly listeners = new Set<EngineEventListener>();
  private readonly agent: http.Agent;

  constructor(private readonly options: EngineConnectionOptions) {
    this.id = options.id;
    // Keep-alive: list and inspect calls reuse one socket instead of paying a connect each time.
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const dockerOptions = dockerodeOptions(options.endpoint);
    const usesHttpAgent = !dockerOptions.protocol || dockerOptions.protocol === 'http';
    this.docker = new Dockerode({ ...dockerOptions, ...(usesHttpAgent ? { agent: this.agent } : {}) } as Dockerode.DockerOptions);
    this.containers = new ContainersCache(this.docker, this.id, options.onContainersPatch);
    this.retryDelay = options.retryInitialMs ?? 500;
    this.status = {
      engineId: options.id,
      name: options.name,
      endpoint: options.endpoint.host,
      source: options.endpoint.source,
      state: 'connecting',
    };
  }

  getStatus(): EngineStatus {
    return this.status;
  }

  get connected(): boolean {
    return this.status.state === 'connected';
  }

  /** Throws a clear error when the engine is not connected, before any call is attempted. */
  requireConnected(): Dockerode {
    if (!this.connected) {
      throw new BerthError(
        'engine_unavailable',
        `The engine "${this.status.name}" is not connected${this.status.lastError ? `: ${this.status.lastError}` : ''}.`,
      );
    }
    return this.docker;
  }

  /** Other caches (images, volumes, …) listen to the same single /events stream. */
  onEvent(listener: EngineEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): Promise<void> {
    this.stopped = false;
    return this.connect();
  }

  /** Try now instead of waiting for the backoff timer. */
  reconnectNow(): Promise<void> {
    if (this.connected) return Promise.resolve();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    return this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.events?.close();
    this.events = undefined;
    this.agent.destroy();
  }

  private connect(): Promise<void> {
    this.connecting ??= this.attempt().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async attempt(): Promise<void> {
    if (this.stopped) return;
    this.setStatus({ ...this.status, state: 'connecting', nextRetryAt: undefined });
    try {
      await this.docker.ping();
      const [version, info] = await Promise.all([this.docker.version(), this.docker.info()]);
      // Subscribe before listing, so nothing that happens in between is missed.
      this.events = await subscribeToEvents(
        this.docker,
        (event) => this.dispatch(event),
        (error) => this.lost(error ? engineMessage(error) : 'the event stream ended'),
      );
      await this.containers.load();
      this.retryDelay = this.options.retryInitialMs ?? 500;
      this.setStatus({
        engineId: this.id,
        name: this.status.name,
        endpoint: this.status.endpoint,
        source: this.status.source,
        state: 'connected',
        version: toVersion(version),
        info: toInfo(info),
      });
    } catch (err) {
      this.events?.close();
      this.events = undefined;
      this.lost(describeConnectError(err, this.status.endpoint));
    }
  }

  private dispatch(event: EngineEvent): void {
    this.containers.handleEvent(event);
    for (const listener of this.listeners) listener(event);
  }

  private lost(reason: string): void {
    if (this.stopped) return;
    this.events?.close();
    this.events = undefined;
    this.containers.clear();
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, this.options.retryMaxMs ?? 8000);
    this.setStatus({
      engineId: this.id,
      name: this.status.name,
      endpoint: this.status.endpoint,
      source: this.status.source,
      state: 'disconnected',
      lastError: reason,
      nextRetryAt: Date.now() + delay,
    });
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, delay);
  }

  private setStatus(status: EngineStatus): void {
    this.status = status;
    this.options.onStatus(status);
  }
}

function describeConnectError(err: unknown, endpoint: string): string {
  const code = (err as { code?: string })?.code;
  if (code === 'ENOENT') return `no engine socket at ${endpoint}`;
  if (code === 'ECONNREFUSED') return `nothing answers at ${endpoint}`;
  if (code === 'EACCES') return `permission denied on ${endpoint} (is your user in the docker group?)`;
  return engineMessage(err as Error);
}

function toVersion(v: Dockerode.DockerVersion): EngineVersion {
  return {
    version: v.Version,
    apiVersion: v.ApiVersion,
    os: v.Os,
    arch: v.Arch,
    ...(v.KernelVersion ? { kernelVersion: v.KernelVersion } : {}),
  };
}

// dockerode types info() loosely; these are the fields Docker has sent since API 1.24.
interface RawInfo {
  Name?: string;
  Containers?: number;
  ContainersRunning?: number;
  ContainersPaused?: number;
  ContainersStopped?: number;
  Images?: number;
  NCPU?: number;
  MemTotal?: number;
  Driver?: string;
  OperatingSystem?: string;
  Swarm?: { LocalNodeState?: string };
}

function toInfo(raw: unknown): EngineInfo {
  const i = raw as RawInfo;
  return {
    name: i.Name ?? '',
    containers: i.Containers ?? 0,
    containersRunning: i.ContainersRunning ?? 0,
    containersPaused: i.ContainersPaused ?? 0,
    containersStopped: i.ContainersStopped ?? 0,
    images: i.Images ?? 0,
    cpus: i.NCPU ?? 0,
    memoryBytes: i.MemTotal ?? 0,
    storageDriver: i.Driver ?? '',
    operatingSystem: i.OperatingSystem ?? '',
    ...(i.Swarm?.LocalNodeState ? { swarmState: i.Swarm.LocalNodeState } : {}),
  };
}
