// An inspected container → the create body that makes the same container again on a (possibly newer)
// image: the user's config without the old image's defaults, the whole HostConfig (so nothing a RunSpec
// cannot say is lost: log driver, devices, ulimits…), its anonymous volumes re-attached by name so their
// data survives, and its networks with their aliases, static IPs and links.
import type Dockerode from 'dockerode';
import {
  anonymousVolumes,
  isUserNetwork,
  ownAliases,
  ownCommand,
  ownEnv,
  ownHostname,
  ownLabels,
  sameJson,
  type ContainerInfo,
  type ImageConfig,
} from './run.own-config';

export interface EndpointToConnect {
  network: string;
  config: Dockerode.EndpointSettings;
}

export interface RecreatePlan {
  body: Dockerode.ContainerCreateOptions;
  /** Networks beyond the first: the create call takes one, the rest are connected before start. */
  extraNetworks: EndpointToConnect[];
}

function endpointConfig(info: ContainerInfo, endpoint: Dockerode.EndpointSettings): Dockerode.EndpointSettings {
  const config: Dockerode.EndpointSettings = {};
  const aliases = ownAliases(info, endpoint.Aliases);
  if (aliases.length) config.Aliases = aliases;
  if (endpoint.IPAMConfig && Object.values(endpoint.IPAMConfig).some(Boolean)) config.IPAMConfig = endpoint.IPAMConfig;
  if (endpoint.Links?.length) config.Links = endpoint.Links;
  if (endpoint.DriverOpts) config.DriverOpts = endpoint.DriverOpts;
  return config;
}

export function recreatePlan(info: ContainerInfo, oldImage: ImageConfig | undefined, image: string): RecreatePlan {
  const c = info.Config as ContainerInfo['Config'] & Record<string, unknown>;
  const body: Dockerode.ContainerCreateOptions = {
    name: info.Name.replace(/^\//, ''),
    Image: image,
    Tty: c.Tty,
    OpenStdin: c.OpenStdin,
    StdinOnce: c.StdinOnce,
    AttachStdin: c.AttachStdin,
    AttachStdout: c.AttachStdout,
    AttachStderr: c.AttachStderr,
    Env: ownEnv(c.Env, oldImage),
    Labels: ownLabels(c.Labels, oldImage),
  };
  const { entrypoint, cmd } = ownCommand(info.Config, oldImage);
  if (entrypoint) body.Entrypoint = entrypoint;
  if (cmd) body.Cmd = cmd;
  const hostname = ownHostname(info);
  if (hostname) body.Hostname = hostname;
  if (c.Domainname) body.Domainname = c.Domainname;
  if (c.WorkingDir && c.WorkingDir !== oldImage?.WorkingDir) body.WorkingDir = c.WorkingDir;
  if (c.User && c.User !== oldImage?.User) body.User = c.User;
  const exposed = Object.keys(c.ExposedPorts ?? {}).filter((port) => !(oldImage?.ExposedPorts && port in oldImage.ExposedPorts));
  if (exposed.length) body.ExposedPorts = Object.fromEntries(exposed.map((port) => [port, {}]));
  const volumes = Object.keys(c.Volumes ?? {}).filter((path) => !(oldImage?.Volumes && path in oldImage.Volumes));
  if (volumes.length) body.Volumes = Object.fromEntries(volumes.map((path) => [path, {}]));
  if (c.Healthcheck && !sameJson(c.Healthcheck, oldImage?.Healthcheck)) body.Healthcheck = c.Healthcheck;
  const stopSignal = c.StopSignal as string | undefined;
  if (stopSignal && stopSignal !== (oldImage as { StopSignal?: string } | undefined)?.StopSignal) body.StopSignal = stopSignal;
  if (c.StopTimeout !== undefined) body.StopTimeout = c.StopTimeout as number;
  if (c.MacAddress) body.MacAddress = c.MacAddress as string;

  // Anonymous volumes keep their data by being mounted again under their generated names.
  const hostConfig: Dockerode.HostConfig = { ...info.HostConfig };
  const reused = anonymousVolumes(info).map((v) => `${v.name}:${v.destination}${v.readOnly ? ':ro' : ''}`);
  if (reused.length) hostConfig.Binds = [...(hostConfig.Binds ?? []), ...reused];
  body.HostConfig = hostConfig;

  const mode = info.HostConfig.NetworkMode ?? '';
  const endpoints = info.NetworkSettings?.Networks ?? {};
  const extraNetworks: EndpointToConnect[] = [];
  for (const [network, endpoint] of Object.entries(endpoints)) {
    const isPrimary = network === mode || (mode === 'default' && network === 'bridge');
    if (isPrimary) {
      if (isUserNetwork(mode)) body.NetworkingConfig = { EndpointsConfig: { [network]: endpointConfig(info, endpoint) } };
    } else if (!mode.startsWith('container:') && mode !== 'host' && mode !== 'none') {
      extraNetworks.push({ network, config: endpointConfig(info, endpoint) });
    }
  }
  return { body, extraNetworks };
}
