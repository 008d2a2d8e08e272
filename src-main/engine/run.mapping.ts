// RunSpec → the Engine API's create body (POST /containers/create), the way the docker CLI builds it:
// ports into ExposedPorts + HostConfig.PortBindings, -v into Binds (or Config.Volumes when anonymous),
// --mount into HostConfig.Mounts, the first network with its aliases into NetworkingConfig. Pure; the
// spec has been validated, so parse failures here are bugs and throw.
import type Dockerode from 'dockerode';
import { parseByteSize, parseMountSpec, parsePortSpec, parseVolumeSpec, type MountSpec, type RunSpec } from '../shared/run';

type CreateBody = Dockerode.ContainerCreateOptions;
type PortBindings = Record<string, { HostIp: string; HostPort: string }[]>;

function must<T>(result: { ok: true } & T | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(`unvalidated run spec: ${result.error}`);
  return result;
}

// dockerode's types make every VolumeOptions/TmpfsOptions field required; the API does not.
interface ApiMount {
  Type: MountSpec['type'];
  Target: string;
  Source: string;
  ReadOnly: boolean;
  Consistency?: string;
  BindOptions?: { Propagation: string };
  VolumeOptions?: { NoCopy?: boolean; Labels?: Record<string, string>; DriverConfig?: { Name: string; Options: Record<string, string> } };
  TmpfsOptions?: { SizeBytes?: number; Mode?: number };
}

export function toApiMount(mount: MountSpec): ApiMount {
  const api: ApiMount = { Type: mount.type, Target: mount.target, Source: mount.source, ReadOnly: mount.readOnly };
  if (mount.consistency) api.Consistency = mount.consistency;
  if (mount.type === 'bind' && mount.bindPropagation) api.BindOptions = { Propagation: mount.bindPropagation };
  if (mount.type === 'volume') {
    const options: NonNullable<ApiMount['VolumeOptions']> = {};
    if (mount.volumeNoCopy !== undefined) options.NoCopy = mount.volumeNoCopy;
    if (Object.keys(mount.volumeLabels).length) options.Labels = mount.volumeLabels;
    if (mount.volumeDriver || Object.keys(mount.volumeOptions).length) {
      options.DriverConfig = { Name: mount.volumeDriver ?? 'local', Options: mount.volumeOptions };
    }
    if (Object.keys(options).length) api.VolumeOptions = options;
  }
  if (mount.type === 'tmpfs' && (mount.tmpfsSizeBytes !== undefined || mount.tmpfsMode !== undefined)) {
    api.TmpfsOptions = {
      ...(mount.tmpfsSizeBytes !== undefined ? { SizeBytes: mount.tmpfsSizeBytes } : {}),
      ...(mount.tmpfsMode !== undefined ? { Mode: mount.tmpfsMode } : {}),
    };
  }
  return api;
}

function labelsOf(entries: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    labels[eq < 0 ? entry : entry.slice(0, eq)] = eq < 0 ? '' : entry.slice(eq + 1);
  }
  return labels;
}

export function runSpecToCreateBody(spec: RunSpec): CreateBody {
  const exposed: Record<string, object> = {};
  const bindings: PortBindings = {};
  for (const text of spec.ports) {
    for (const mapping of must(parsePortSpec(text)).mappings) {
      const key = `${mapping.containerPort}/${mapping.protocol}`;
      exposed[key] = {};
      (bindings[key] ??= []).push({ HostIp: mapping.hostIp, HostPort: mapping.hostPort });
    }
  }

  const binds: string[] = [];
  const anonymous: Record<string, object> = {};
  for (const text of spec.volumes) {
    const { volume } = must(parseVolumeSpec(text));
    if (volume.kind === 'anonymous') anonymous[volume.target] = {};
    else binds.push(`${volume.source}:${volume.target}${volume.options.length ? `:${volume.options.join(',')}` : ''}`);
  }
  const mounts = spec.mounts.map((text) => toApiMount(must(parseMountSpec(text)).mount));

  const hostConfig: Dockerode.HostConfig = {
    AutoRemove: spec.autoRemove,
    Privileged: spec.privileged,
    PublishAllPorts: spec.publishAll,
    RestartPolicy: {
      Name: spec.restart === 'no' ? '' : spec.restart,
      MaximumRetryCount: spec.restart === 'on-failure' && spec.restartRetries ? Number(spec.restartRetries) : 0,
    },
  };
  if (Object.keys(bindings).length) hostConfig.PortBindings = bindings;
  if (binds.length) hostConfig.Binds = binds;
  if (mounts.length) hostConfig.Mounts = mounts as Dockerode.MountConfig;
  if (spec.volumesFrom.length) hostConfig.VolumesFrom = [...spec.volumesFrom];
  if (spec.network) hostConfig.NetworkMode = spec.network;
  if (spec.links.length) hostConfig.Links = [...spec.links];
  if (spec.cpus) hostConfig.NanoCpus = Math.round(Number(spec.cpus) * 1e9);
  if (spec.memory) hostConfig.Memory = parseByteSize(spec.memory);
  if (spec.init) hostConfig.Init = true;
  if (spec.addHosts.length) hostConfig.ExtraHosts = spec.addHosts.map((entry) => entry.replace('=', ':'));
  if (spec.capAdd.length) hostConfig.CapAdd = [...spec.capAdd];
  if (spec.capDrop.length) hostConfig.CapDrop = [...spec.capDrop];

  const body: CreateBody = {
    Image: spec.image,
    Tty: spec.tty,
    OpenStdin: spec.interactive,
    // A GUI keeps stdin open for the terminal that attaches after start, rather than closing it after
    // the first attach ends as the CLI's foreground mode does.
    StdinOnce: false,
    AttachStdin: spec.interactive && !spec.detach,
    AttachStdout: !spec.detach,
    AttachStderr: !spec.detach,
    HostConfig: hostConfig,
  };
  if (spec.name) body.name = spec.name;
  if (spec.command.length) body.Cmd = [...spec.command];
  if (spec.entrypoint) body.Entrypoint = [spec.entrypoint];
  if (spec.env.length) body.Env = [...spec.env];
  if (spec.labels.length) body.Labels = labelsOf(spec.labels);
  if (spec.workdir) body.WorkingDir = spec.workdir;
  if (spec.user) body.User = spec.user;
  if (spec.hostname) body.Hostname = spec.hostname;
  if (Object.keys(exposed).length) body.ExposedPorts = exposed;
  if (Object.keys(anonymous).length) body.Volumes = anonymous;
  if (spec.network && spec.networkAliases.length) {
    body.NetworkingConfig = { EndpointsConfig: { [spec.network]: { Aliases: [...spec.networkAliases] } } };
  }
  return body;
}
