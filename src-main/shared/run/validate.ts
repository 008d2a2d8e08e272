// Checks a RunSpec before anything reaches the engine, field by field, so the dialog can put each
// message beside the field it is about. The same function runs in the renderer (as the user types)
// and in main (again, before the create call).
import { parseImageRef } from './image-ref';
import { parsePortSpec, type PortMapping } from './ports';
import { isBuiltinNetworkMode, type RunField, type RunSpec } from './spec';
import { OBJECT_NAME, isAbsolutePath, parseByteSize, parseMountSpec, parseVolumeSpec, parseVolumesFrom } from './volumes';

export type FieldMessages = Partial<Record<RunField, string>>;

export interface RunValidation {
  errors: FieldMessages;
  /** Allowed, but worth saying (privileged, ports ignored on the host network, …). */
  warnings: FieldMessages;
}

export interface ValidationContext {
  /** CPUs of the target engine, to check --cpus against. */
  cpuCount?: number;
}

export const MIN_MEMORY_BYTES = 6 * 1024 * 1024;
const NETWORK_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const HOST_LABEL = '[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?';
const HOSTNAME = new RegExp(`^${HOST_LABEL}(?:\\.${HOST_LABEL})*$`);
const CAPABILITY = /^(?:CAP_)?[A-Za-z_]+$/;

export const PRIVILEGED_WARNING =
  'A privileged container can do almost anything root on the host can: see every device, change kernel settings, escape the container. Use it only for tools that need it.';

export function hasErrors(validation: RunValidation): boolean {
  return Object.keys(validation.errors).length > 0;
}

/** Prefixes a list item's message with its line when the list has several entries. */
function itemMessage(list: readonly string[], index: number, message: string): string {
  return list.length > 1 ? `Line ${index + 1}: ${message}` : message;
}

function firstItemError(list: readonly string[], check: (item: string) => string | undefined): string | undefined {
  for (let i = 0; i < list.length; i++) {
    const error = check(list[i]);
    if (error) return itemMessage(list, i, error);
  }
  return undefined;
}

function checkEnv(item: string): string | undefined {
  const eq = item.indexOf('=');
  if (eq < 0) {
    return `"${item}" has no value: write KEY=VALUE (Berth cannot read a value from your shell's environment).`;
  }
  const key = item.slice(0, eq);
  if (!key) return `"${item}" has no name before "=".`;
  if (/\s/.test(key)) return `Variable name "${key}" contains a space.`;
  return undefined;
}

function checkPorts(spec: RunSpec, errors: FieldMessages, warnings: FieldMessages): void {
  const seen = new Map<string, number>(); // exact mapping → line
  const hostSeen = new Map<string, number>(); // host ip:port/proto → line
  const containerHosts = new Map<string, Set<string>>(); // container port/proto → host ports
  for (let i = 0; i < spec.ports.length; i++) {
    const parsed = parsePortSpec(spec.ports[i]);
    if (!parsed.ok) {
      errors.ports = itemMessage(spec.ports, i, parsed.error);
      return;
    }
    for (const mapping of parsed.mappings) {
      const duplicate = duplicateOf(mapping, i, seen, hostSeen);
      if (duplicate) {
        errors.ports = duplicate;
        return;
      }
      const containerKey = `${mapping.containerPort}/${mapping.protocol}`;
      const hosts = containerHosts.get(containerKey) ?? new Set<string>();
      hosts.add(mapping.hostPort || 'random');
      containerHosts.set(containerKey, hosts);
    }
  }
  for (const [containerKey, hosts] of containerHosts) {
    if (hosts.size > 1) {
      warnings.ports = `Container port ${containerKey} is published on ${hosts.size} host ports (${[...hosts].join(', ')}): fine if intended.`;
    }
  }
  if (spec.network === 'host' && (spec.ports.length || spec.publishAll)) {
    warnings.ports = 'With the host network the container uses the host’s ports directly: published ports are ignored.';
  }
}

function duplicateOf(mapping: PortMapping, line: number, seen: Map<string, number>, hostSeen: Map<string, number>): string | undefined {
  const exact = `${mapping.hostIp}|${mapping.hostPort}|${mapping.containerPort}/${mapping.protocol}`;
  const earlier = seen.get(exact);
  if (earlier !== undefined) {
    return earlier === line
      ? `Container port ${mapping.containerPort}/${mapping.protocol} appears twice in one mapping.`
      : `Container port ${mapping.containerPort}/${mapping.protocol} is listed twice (lines ${earlier + 1} and ${line + 1}).`;
  }
  seen.set(exact, line);
  if (/^\d+$/.test(mapping.hostPort)) {
    const hostKey = `${mapping.hostIp || '0.0.0.0'}:${mapping.hostPort}/${mapping.protocol}`;
    const hostEarlier = hostSeen.get(hostKey);
    if (hostEarlier !== undefined) {
      return `Host port ${mapping.hostPort}/${mapping.protocol} is published twice (lines ${hostEarlier + 1} and ${line + 1}); a host port can take one container port.`;
    }
    hostSeen.set(hostKey, line);
  }
  return undefined;
}

function checkMountTargets(spec: RunSpec, errors: FieldMessages): void {
  const targets = new Map<string, string>();
  const claim = (target: string, field: 'volumes' | 'mounts', label: string): boolean => {
    const normalised = target.replace(/\/+$/, '') || '/';
    const earlier = targets.get(normalised);
    if (earlier) {
      errors[field] = `Two mounts use ${normalised} (${earlier} and ${label}).`;
      return false;
    }
    targets.set(normalised, label);
    return true;
  };
  for (let i = 0; i < spec.volumes.length; i++) {
    const parsed = parseVolumeSpec(spec.volumes[i]);
    if (!parsed.ok) {
      errors.volumes = itemMessage(spec.volumes, i, parsed.error);
      return;
    }
    if (!claim(parsed.volume.target, 'volumes', `volume line ${i + 1}`)) return;
  }
  for (let i = 0; i < spec.mounts.length; i++) {
    const parsed = parseMountSpec(spec.mounts[i]);
    if (!parsed.ok) {
      errors.mounts = itemMessage(spec.mounts, i, parsed.error);
      return;
    }
    if (!claim(parsed.mount.target, 'mounts', `mount line ${i + 1}`)) return;
  }
}

function checkNetwork(spec: RunSpec, errors: FieldMessages): void {
  const network = spec.network;
  if (network && !network.startsWith('container:') && !NETWORK_NAME.test(network)) {
    errors.network = `"${network}" is not a network name (letters, digits, _ . -).`;
  } else if (network.startsWith('container:') && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(network.slice('container:'.length))) {
    errors.network = `"${network}": write container:<name or id>.`;
  }
  if (spec.networkAliases.length) {
    if (isBuiltinNetworkMode(network)) {
      errors.networkAliases = `Network aliases need a user-defined network; ${network ? `"${network}"` : 'the default bridge'} does not support them.`;
    } else {
      const bad = firstItemError(spec.networkAliases, (alias) =>
        NETWORK_NAME.test(alias) ? undefined : `"${alias}" is not a valid alias (letters, digits, _ . -).`,
      );
      if (bad) errors.networkAliases = bad;
    }
  }
  const badLink = firstItemError(spec.links, (link) => {
    const [target, alias, extra] = link.split(':');
    if (extra !== undefined) return `"${link}" has too many ":" (expected container[:alias]).`;
    if (!target || !OBJECT_NAME.test(target.replace(/^\//, ''))) return `"${target ?? ''}" is not a container name.`;
    if (alias !== undefined && !NETWORK_NAME.test(alias)) return `"${alias}" is not a valid alias.`;
    return undefined;
  });
  if (badLink) errors.links = badLink;
  else if (spec.links.length && (network === 'host' || network === 'none' || network.startsWith('container:'))) {
    errors.links = `Links need a bridge or user-defined network, not "${network}".`;
  }
}

function checkLimits(spec: RunSpec, errors: FieldMessages, context: ValidationContext): void {
  if (spec.cpus) {
    const cpus = Number(spec.cpus);
    if (!/^(\d+(\.\d*)?|\.\d+)$/.test(spec.cpus) || !(cpus > 0)) errors.cpus = `"${spec.cpus}" is not a CPU count like 0.5 or 2.`;
    else if (!/^\d*(\.\d{0,9})?$/.test(spec.cpus)) errors.cpus = 'CPUs take at most 9 decimal places.';
    else if (context.cpuCount && cpus > context.cpuCount) {
      errors.cpus = `This engine has ${context.cpuCount} CPU${context.cpuCount === 1 ? '' : 's'}; ask for at most ${context.cpuCount}.`;
    }
  }
  if (spec.memory) {
    const bytes = parseByteSize(spec.memory);
    if (bytes === undefined) errors.memory = `"${spec.memory}" is not a size like 512m or 1g.`;
    else if (bytes < MIN_MEMORY_BYTES) errors.memory = 'Docker needs at least 6m (6 MiB) of memory for a container.';
  }
}

export function validateRunSpec(spec: RunSpec, context: ValidationContext = {}): RunValidation {
  const errors: FieldMessages = {};
  const warnings: FieldMessages = {};

  const image = parseImageRef(spec.image);
  if (!image.ok) errors.image = image.error;

  if (spec.name && !OBJECT_NAME.test(spec.name)) {
    errors.name = `"${spec.name}" is not a valid container name: start with a letter or digit, then letters, digits, _ . or - (at least 2 characters).`;
  }

  checkPorts(spec, errors, warnings);
  checkMountTargets(spec, errors);

  const volumesFrom = firstItemError(spec.volumesFrom, (item) => {
    const parsed = parseVolumesFrom(item);
    return parsed.ok ? undefined : parsed.error;
  });
  if (volumesFrom) errors.volumesFrom = volumesFrom;

  const env = firstItemError(spec.env, checkEnv);
  if (env) errors.env = env;

  const labels = firstItemError(spec.labels, (item) => (item.split('=')[0] ? undefined : `"${item}" has no label name before "=".`));
  if (labels) errors.labels = labels;

  checkNetwork(spec, errors);

  if (spec.autoRemove && spec.restart !== 'no') {
    errors.restart = 'A restart policy cannot be combined with --rm (remove on exit): choose one.';
  }
  if (spec.restartRetries) {
    if (spec.restart !== 'on-failure') errors.restartRetries = 'Max retries applies only to the on-failure policy.';
    else if (!/^\d+$/.test(spec.restartRetries)) errors.restartRetries = `"${spec.restartRetries}" is not a whole number of retries.`;
  }

  if (spec.workdir && !isAbsolutePath(spec.workdir)) errors.workdir = `Working directory "${spec.workdir}" must be absolute (start with /).`;
  if (spec.user && !/^[^:\s]+(:[^:\s]+)?$/.test(spec.user)) errors.user = `"${spec.user}" is not a user: write name, uid, name:group or uid:gid.`;
  if (spec.hostname) {
    if (spec.hostname.length > 64 || !HOSTNAME.test(spec.hostname)) {
      errors.hostname = `"${spec.hostname}" is not a hostname (letters, digits and -, dot-separated, up to 64 characters).`;
    } else if (spec.network.startsWith('container:')) {
      errors.hostname = 'A container sharing another container’s network uses that one’s hostname.';
    }
  }

  checkLimits(spec, errors, context);

  const addHosts = firstItemError(spec.addHosts, (item) => {
    const match = /^([^:=\s]+)[:=](.+)$/.exec(item);
    if (!match) return `"${item}" is not host:ip.`;
    if (match[2] !== 'host-gateway' && !/^[0-9a-fA-F:.[\]]+$/.test(match[2])) return `"${match[2]}" is not an IP address (or host-gateway).`;
    return undefined;
  });
  if (addHosts) errors.addHosts = addHosts;
  for (const field of ['capAdd', 'capDrop'] as const) {
    const bad = firstItemError(spec[field], (cap) => (CAPABILITY.test(cap) ? undefined : `"${cap}" is not a capability name like NET_ADMIN.`));
    if (bad) errors[field] = bad;
  }

  if (spec.privileged) warnings.privileged = PRIVILEGED_WARNING;
  return { errors, warnings };
}

/** Every error as "Field: message", for main's refusal and for logs. */
export function describeErrors(errors: FieldMessages, labels: Partial<Record<RunField, string>> = {}): string {
  return Object.entries(errors)
    .map(([field, message]) => `${labels[field as RunField] ?? field}: ${message}`)
    .join(' ');
}
