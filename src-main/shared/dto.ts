// Plain data that crosses the IPC boundary. Every engine object carries the engineId it came from:
// several engines at once is normal.

export type EngineId = string;

export type EngineConnectionState = 'connecting' | 'connected' | 'disconnected';

export interface EngineStatus {
  engineId: EngineId;
  name: string;
  /** Where the engine answers, e.g. unix:///var/run/docker.sock or tcp://host:2376. */
  endpoint: string;
  /** How the endpoint was chosen: DOCKER_HOST, a docker context, the default socket, or configured. */
  source: string;
  state: EngineConnectionState;
  /** Set while disconnected: why, in words, and when the next attempt is due (epoch ms). */
  lastError?: string;
  nextRetryAt?: number;
  version?: EngineVersion;
  info?: EngineInfo;
}

export interface EngineVersion {
  version: string;
  apiVersion: string;
  os: string;
  arch: string;
  kernelVersion?: string;
}

export interface EngineInfo {
  name: string;
  containers: number;
  containersRunning: number;
  containersPaused: number;
  containersStopped: number;
  images: number;
  cpus: number;
  memoryBytes: number;
  storageDriver: string;
  operatingSystem: string;
  swarmState?: string;
}

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface PortBinding {
  /** Host address the port is published on; absent when only exposed. */
  hostIp?: string;
  hostPort?: number;
  containerPort: number;
  protocol: 'tcp' | 'udp' | 'sctp';
}

export interface ContainerSummary {
  engineId: EngineId;
  id: string;
  name: string;
  image: string;
  imageId: string;
  command: string;
  state: ContainerState;
  /** The engine's own phrase, e.g. "Up 3 minutes (healthy)". */
  status: string;
  /** Epoch seconds. */
  created: number;
  ports: PortBinding[];
  labels: Record<string, string>;
  /** From the com.docker.compose.project label, when the container belongs to a compose project. */
  composeProject?: string;
  composeService?: string;
  networks: string[];
  mounts: MountSummary[];
  /** Parsed from the status of an exited container. */
  exitCode?: number;
  health?: 'healthy' | 'unhealthy' | 'starting';
}

export interface MountSummary {
  type: string;
  /** Volume name for volumes; host path for binds. */
  name?: string;
  source: string;
  destination: string;
  readOnly: boolean;
}

export interface ContainerNetworkAttachment {
  name: string;
  ipAddress: string;
  gateway: string;
  macAddress: string;
  aliases: string[];
}

export interface ContainerDetails {
  engineId: EngineId;
  id: string;
  name: string;
  image: string;
  state: ContainerState;
  env: { key: string; value: string }[];
  mounts: MountSummary[];
  ports: PortBinding[];
  labels: Record<string, string>;
  networks: ContainerNetworkAttachment[];
  restartPolicy: string;
  startedAt?: string;
  finishedAt?: string;
  exitCode?: number;
  tty: boolean;
  /** The engine's full inspect document, for the searchable JSON view. */
  raw: unknown;
}

export interface ContainerProcesses {
  titles: string[];
  processes: string[][];
}

export type ContainerAction = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill';

/** A change to one engine's container list. `seq` orders patches against snapshots. */
export interface ContainersPatch {
  engineId: EngineId;
  seq: number;
  upserts: ContainerSummary[];
  removals: string[];
}

export interface ContainersSnapshot {
  engineId: EngineId;
  seq: number;
  containers: ContainerSummary[];
}

export interface BulkResult {
  id: string;
  ok: boolean;
  error?: { code: string; message: string };
}
