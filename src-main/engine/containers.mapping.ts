// Pure mapping from the engine's container JSON to Berth's DTOs.
import type Dockerode from 'dockerode';
import type {
  ContainerDetails,
  ContainerState,
  ContainerSummary,
  EngineId,
  MountSummary,
  PortBinding,
} from '../shared/dto';

const knownStates: ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

export function normaliseState(state: string | undefined): ContainerState {
  const s = (state ?? '').toLowerCase() as ContainerState;
  return knownStates.includes(s) ? s : 'dead';
}

/** "Exited (137) 2 minutes ago" → 137. */
export function exitCodeFromStatus(status: string): number | undefined {
  const match = /^Exited \((-?\d+)\)/.exec(status);
  return match ? Number(match[1]) : undefined;
}

/** "Up 5 minutes (healthy)" → "healthy"; "(health: starting)" → "starting". */
export function healthFromStatus(status: string): 'healthy' | 'unhealthy' | 'starting' | undefined {
  if (/\(healthy\)/.test(status)) return 'healthy';
  if (/\(unhealthy\)/.test(status)) return 'unhealthy';
  if (/\(health: starting\)/.test(status)) return 'starting';
  return undefined;
}

function protocolOf(value: string | undefined): PortBinding['protocol'] {
  return value === 'udp' || value === 'sctp' ? value : 'tcp';
}

/** The list API reports IPv4 and IPv6 bindings of the same port separately; keep one of each pair. */
export function summarisePorts(ports: Dockerode.Port[] | undefined): PortBinding[] {
  const seen = new Set<string>();
  const result: PortBinding[] = [];
  for (const port of ports ?? []) {
    const protocol = protocolOf(port.Type);
    const hostPort = port.PublicPort || undefined;
    const hostIp = hostPort ? (port.IP === '::' ? '0.0.0.0' : port.IP || '0.0.0.0') : undefined;
    const key = `${hostPort ?? ''}:${port.PrivatePort}/${protocol}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ containerPort: port.PrivatePort, protocol, ...(hostPort ? { hostPort, hostIp } : {}) });
  }
  return result.sort((a, b) => a.containerPort - b.containerPort || (a.hostPort ?? 0) - (b.hostPort ?? 0));
}

interface ListMount {
  Type?: string;
  Name?: string;
  Source?: string;
  Destination?: string;
  RW?: boolean;
}

export function summariseMounts(mounts: ListMount[] | undefined): MountSummary[] {
  return (mounts ?? []).map((m) => ({
    type: m.Type ?? 'volume',
    ...(m.Name ? { name: m.Name } : {}),
    source: m.Source ?? '',
    destination: m.Destination ?? '',
    readOnly: m.RW === false,
  }));
}

export function toContainerSummary(engineId: EngineId, info: Dockerode.ContainerInfo): ContainerSummary {
  const labels = info.Labels ?? {};
  const status = info.Status ?? '';
  const exitCode = exitCodeFromStatus(status);
  const health = healthFromStatus(status);
  const project = labels['com.docker.compose.project'];
  const service = labels['com.docker.compose.service'];
  return {
    engineId,
    id: info.Id,
    name: (info.Names?.[0] ?? info.Id.slice(0, 12)).replace(/^\//, ''),
    image: info.Image,
    imageId: info.ImageID,
    command: info.Command ?? '',
    state: normaliseState(info.State),
    status,
    created: info.Created,
    ports: summarisePorts(info.Ports),
    labels,
    ...(project ? { composeProject: project } : {}),
    ...(service ? { composeService: service } : {}),
    networks: Object.keys(info.NetworkSettings?.Networks ?? {}),
    mounts: summariseMounts(info.Mounts as ListMount[] | undefined),
    ...(exitCode !== undefined ? { exitCode } : {}),
    ...(health ? { health } : {}),
  };
}

export function toContainerDetails(engineId: EngineId, inspect: Dockerode.ContainerInspectInfo): ContainerDetails {
  const env = (inspect.Config?.Env ?? []).map((entry) => {
    const eq = entry.indexOf('=');
    return eq === -1 ? { key: entry, value: '' } : { key: entry.slice(0, eq), value: entry.slice(eq + 1) };
  });
  const ports: PortBinding[] = [];
  const bindings = inspect.NetworkSettings?.Ports ?? {};
  for (const [spec, hostBindings] of Object.entries(bindings)) {
    const [portText, proto] = spec.split('/');
    const containerPort = Number(portText);
    const protocol = protocolOf(proto);
    if (!hostBindings || hostBindings.length === 0) {
      ports.push({ containerPort, protocol });
      continue;
    }
    const seen = new Set<string>();
    for (const b of hostBindings) {
      const hostPort = Number(b.HostPort);
      if (seen.has(b.HostPort)) continue;
      seen.add(b.HostPort);
      ports.push({ containerPort, protocol, hostPort, hostIp: b.HostIp === '::' || !b.HostIp ? '0.0.0.0' : b.HostIp });
    }
  }
  ports.sort((a, b) => a.containerPort - b.containerPort);
  const networks = Object.entries(inspect.NetworkSettings?.Networks ?? {}).map(([name, n]) => ({
    name,
    ipAddress: n.IPAddress ?? '',
    gateway: n.Gateway ?? '',
    macAddress: n.MacAddress ?? '',
    aliases: (n.Aliases as string[] | null) ?? [],
  }));
  const policy = inspect.HostConfig?.RestartPolicy;
  const state = inspect.State;
  return {
    engineId,
    id: inspect.Id,
    name: inspect.Name.replace(/^\//, ''),
    image: inspect.Config?.Image ?? inspect.Image,
    state: normaliseState(state?.Status),
    env,
    mounts: summariseMounts(
      (inspect.Mounts ?? []).map((m) => ({ Type: m.Type, Name: m.Name, Source: m.Source, Destination: m.Destination, RW: m.RW })),
    ),
    ports,
    labels: inspect.Config?.Labels ?? {},
    networks,
    restartPolicy: policy?.Name
      ? policy.Name === 'on-failure' && policy.MaximumRetryCount
        ? `on-failure:${policy.MaximumRetryCount}`
        : policy.Name
      : 'no',
    ...(state?.StartedAt && !state.StartedAt.startsWith('0001') ? { startedAt: state.StartedAt } : {}),
    ...(state?.FinishedAt && !state.FinishedAt.startsWith('0001') ? { finishedAt: state.FinishedAt } : {}),
    ...(state && state.Status === 'exited' ? { exitCode: state.ExitCode } : {}),
    tty: !!inspect.Config?.Tty,
    raw: inspect,
  };
}
