// An existing container → the RunSpec that would create it again, for "duplicate into the run dialog"
// and "copy as docker run / compose". Image defaults are left out (they come back from the image), and
// settings a RunSpec cannot say are listed in words rather than dropped silently.
import type Dockerode from 'dockerode';
import type { SpecFromContainer } from '../shared/contract/run';
import { emptyRunSpec, formatPortMapping, type PortProtocol, type RunSpec } from '../shared/run';
import {
  isUserNetwork,
  linkToFlag,
  ownAliases,
  ownCommand,
  ownEnv,
  ownHostname,
  ownKeys,
  ownLabels,
  sameJson,
  type ContainerInfo,
  type ImageConfig,
} from './run.own-config';
import { engineCall } from './engine-errors';

function formatBytes(bytes: number): string {
  for (const [unit, size] of [['g', 1024 ** 3], ['m', 1024 ** 2], ['k', 1024]] as const) {
    if (bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return `${bytes}b`;
}

function mountFlag(mount: NonNullable<Dockerode.HostConfig['Mounts']>[number]): string {
  const parts = [`type=${mount.Type}`];
  if (mount.Source) parts.push(`source=${mount.Source}`);
  parts.push(`target=${mount.Target}`);
  if (mount.ReadOnly) parts.push('readonly');
  const options = mount as { BindOptions?: { Propagation?: string }; TmpfsOptions?: { SizeBytes?: number; Mode?: number } };
  if (options.BindOptions?.Propagation) parts.push(`bind-propagation=${options.BindOptions.Propagation}`);
  if (options.TmpfsOptions?.SizeBytes) parts.push(`tmpfs-size=${options.TmpfsOptions.SizeBytes}`);
  if (options.TmpfsOptions?.Mode) parts.push(`tmpfs-mode=${options.TmpfsOptions.Mode.toString(8)}`);
  return parts.join(',');
}

function notCarriedSettings(info: ContainerInfo, image: ImageConfig | undefined, extraNetworks: string[]): string[] {
  const hc = info.HostConfig as Dockerode.HostConfig & Record<string, unknown>;
  const notes: string[] = [];
  const logType = hc.LogConfig?.Type;
  if (logType && logType !== 'json-file') notes.push(`log driver ${logType}`);
  if (hc.Devices?.length) notes.push(`${hc.Devices.length} device mapping(s)`);
  if (hc.Dns?.length) notes.push(`DNS servers ${hc.Dns.join(', ')}`);
  if (hc.ShmSize && hc.ShmSize !== 64 * 1024 * 1024) notes.push(`shm size ${formatBytes(hc.ShmSize)}`);
  if (hc.Tmpfs && Object.keys(hc.Tmpfs).length) notes.push(`--tmpfs ${Object.keys(hc.Tmpfs).join(', ')}`);
  if (hc.Ulimits?.length) notes.push('ulimits');
  if (hc.SecurityOpt?.length) notes.push(`security options ${hc.SecurityOpt.join(', ')}`);
  if (hc.ReadonlyRootfs) notes.push('read-only root filesystem');
  if (hc.PidMode) notes.push(`--pid ${hc.PidMode}`);
  if (hc.IpcMode && !['private', 'shareable', ''].includes(hc.IpcMode)) notes.push(`--ipc ${hc.IpcMode}`);
  if (hc.CpuShares) notes.push(`CPU shares ${hc.CpuShares}`);
  if (hc.MemoryReservation) notes.push('memory reservation');
  if (hc.MemorySwap && hc.MemorySwap !== (hc.Memory ?? 0) * 2 && hc.MemorySwap > 0) notes.push('memory swap limit');
  const exposedOnly = ownKeys(info.Config.ExposedPorts, image?.ExposedPorts).filter((port) => !(hc.PortBindings && port in hc.PortBindings));
  if (exposedOnly.length) notes.push(`--expose ${exposedOnly.join(', ')}`);
  if (image && !sameJson(info.Config.Healthcheck, image.Healthcheck) && info.Config.Healthcheck) notes.push('health check');
  const stopSignal = (info.Config as { StopSignal?: string }).StopSignal;
  if (image && stopSignal && stopSignal !== (image as { StopSignal?: string }).StopSignal) notes.push(`stop signal ${stopSignal}`);
  for (const network of extraNetworks) notes.push(`also connected to network ${network}`);
  const entrypoint = info.Config.Entrypoint as string[] | null;
  if (image?.Entrypoint && Array.isArray(entrypoint) && entrypoint.length === 0) notes.push("cleared image entrypoint (--entrypoint '')");
  return notes;
}

export function specFromInspect(info: ContainerInfo, image: ImageConfig | undefined): SpecFromContainer {
  const hc = info.HostConfig;
  const config = info.Config;
  const { entrypoint, cmd } = ownCommand(config, image);
  const networkMode = hc.NetworkMode ?? '';
  const network = networkMode === 'default' || networkMode === 'bridge' ? '' : networkMode;
  const endpoints = info.NetworkSettings?.Networks ?? {};
  const primary = endpoints[networkMode];
  const extraNetworks = Object.keys(endpoints).filter((name) => name !== networkMode && !(networkMode === 'default' && name === 'bridge'));

  const ports: string[] = [];
  for (const [key, bindings] of Object.entries(hc.PortBindings ?? {}) as [string, { HostIp?: string; HostPort?: string }[] | null][]) {
    const [port, protocol] = key.split('/');
    for (const binding of bindings ?? [{}]) {
      ports.push(formatPortMapping({ hostIp: binding.HostIp ?? '', hostPort: binding.HostPort ?? '', containerPort: Number(port), protocol: (protocol ?? 'tcp') as PortProtocol }));
    }
  }

  const binds = hc.Binds ?? [];
  const bindTargets = new Set(binds.map((bind) => bind.split(':')[1]));
  const anonymous = ownKeys(config.Volumes, image?.Volumes).filter((path) => !bindTargets.has(path));
  const endpointLinks = isUserNetwork(networkMode) ? ((primary as { Links?: string[] | null } | undefined)?.Links ?? []) : [];

  const restart = (hc.RestartPolicy?.Name || 'no') as RunSpec['restart'];
  const spec = emptyRunSpec({
    image: config.Image,
    name: info.Name.replace(/^\//, ''),
    command: cmd ?? [],
    entrypoint: entrypoint?.[0] ?? '',
    detach: true,
    interactive: !!config.OpenStdin,
    tty: !!config.Tty,
    autoRemove: !!hc.AutoRemove,
    ports,
    publishAll: !!hc.PublishAllPorts,
    volumes: [...binds, ...anonymous],
    mounts: (hc.Mounts ?? []).map(mountFlag),
    volumesFrom: [...(hc.VolumesFrom ?? [])],
    env: ownEnv(config.Env, image),
    network,
    networkAliases: isUserNetwork(networkMode) ? ownAliases(info, primary?.Aliases) : [],
    links: [...(hc.Links ?? []), ...endpointLinks].map(linkToFlag),
    restart,
    restartRetries: restart === 'on-failure' && hc.RestartPolicy?.MaximumRetryCount ? String(hc.RestartPolicy.MaximumRetryCount) : '',
    workdir: image && config.WorkingDir === image.WorkingDir ? '' : (config.WorkingDir ?? ''),
    user: image && config.User === image.User ? '' : (config.User ?? ''),
    hostname: ownHostname(info),
    labels: Object.entries(ownLabels(config.Labels, image)).map(([key, value]) => (value ? `${key}=${value}` : key)),
    cpus: hc.NanoCpus ? String(hc.NanoCpus / 1e9) : '',
    memory: hc.Memory ? formatBytes(hc.Memory) : '',
    init: hc.Init === true,
    privileged: !!hc.Privileged,
    addHosts: [...(hc.ExtraHosts ?? [])],
    capAdd: [...(hc.CapAdd ?? [])],
    capDrop: [...(hc.CapDrop ?? [])],
  });
  // Extra words of a multi-word entrypoint run before the command, so they join it.
  if (entrypoint && entrypoint.length > 1) spec.command = [...entrypoint.slice(1), ...spec.command];
  return { spec, notCarried: notCarriedSettings(info, image, extraNetworks) };
}

export async function containerAsRunSpec(docker: Dockerode, id: string): Promise<SpecFromContainer> {
  const info = await engineCall(() => docker.getContainer(id).inspect());
  const image = await docker
    .getImage(info.Image)
    .inspect()
    .then((i) => i.Config as ImageConfig)
    .catch(() => undefined);
  return specFromInspect(info, image);
}
