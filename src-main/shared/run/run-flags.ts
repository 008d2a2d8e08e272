// Every `docker run` flag (Docker 20.10's `docker run --help`), with whether it takes a value, and for
// the ones the RunSpec models, how to put the value in. Knowing the flags the form cannot express is
// what lets the parser skip their values correctly and list them, instead of mistaking a value for the
// image name.
import { RESTART_POLICIES, type RestartPolicyName, type RunSpec } from './spec';

export interface FlagDefinition {
  long: string;
  short?: string;
  aliases?: string[];
  takesValue: boolean;
  /** Absent: a real docker flag the form does not model (listed as unsupported). Returns a problem, if any. */
  apply?: (spec: RunSpec, value: string) => string | void;
}

const list =
  (field: 'ports' | 'volumes' | 'mounts' | 'volumesFrom' | 'env' | 'networkAliases' | 'links' | 'labels' | 'addHosts' | 'capAdd' | 'capDrop') =>
  (spec: RunSpec, value: string) => {
    spec[field].push(value);
  };
const text =
  (field: 'name' | 'entrypoint' | 'network' | 'workdir' | 'user' | 'hostname' | 'cpus' | 'memory') =>
  (spec: RunSpec, value: string) => {
    spec[field] = value;
  };
const flag =
  (field: 'detach' | 'interactive' | 'tty' | 'autoRemove' | 'publishAll' | 'init' | 'privileged') =>
  (spec: RunSpec, value: string) => {
    spec[field] = value === 'true';
  };

function applyRestart(spec: RunSpec, value: string): string | void {
  const [name, retries, extra] = value.split(':');
  if (!(RESTART_POLICIES as readonly string[]).includes(name) || extra !== undefined) {
    return `--restart "${value}" is not no, always, unless-stopped or on-failure[:N].`;
  }
  if (retries !== undefined && name !== 'on-failure') return `--restart ${name} takes no retry count.`;
  spec.restart = name as RestartPolicyName;
  spec.restartRetries = retries ?? '';
}

const modelled: FlagDefinition[] = [
  { long: 'detach', short: 'd', takesValue: false, apply: flag('detach') },
  { long: 'interactive', short: 'i', takesValue: false, apply: flag('interactive') },
  { long: 'tty', short: 't', takesValue: false, apply: flag('tty') },
  { long: 'rm', takesValue: false, apply: flag('autoRemove') },
  { long: 'publish-all', short: 'P', takesValue: false, apply: flag('publishAll') },
  { long: 'init', takesValue: false, apply: flag('init') },
  { long: 'privileged', takesValue: false, apply: flag('privileged') },
  { long: 'name', takesValue: true, apply: text('name') },
  { long: 'entrypoint', takesValue: true, apply: text('entrypoint') },
  { long: 'publish', short: 'p', takesValue: true, apply: list('ports') },
  { long: 'volume', short: 'v', takesValue: true, apply: list('volumes') },
  { long: 'mount', takesValue: true, apply: list('mounts') },
  { long: 'volumes-from', takesValue: true, apply: list('volumesFrom') },
  { long: 'env', short: 'e', takesValue: true, apply: list('env') },
  { long: 'network', aliases: ['net'], takesValue: true, apply: text('network') },
  { long: 'network-alias', aliases: ['net-alias'], takesValue: true, apply: list('networkAliases') },
  { long: 'link', takesValue: true, apply: list('links') },
  { long: 'restart', takesValue: true, apply: applyRestart },
  { long: 'workdir', short: 'w', takesValue: true, apply: text('workdir') },
  { long: 'user', short: 'u', takesValue: true, apply: text('user') },
  { long: 'hostname', short: 'h', takesValue: true, apply: text('hostname') },
  { long: 'label', short: 'l', takesValue: true, apply: list('labels') },
  { long: 'cpus', takesValue: true, apply: text('cpus') },
  { long: 'memory', short: 'm', takesValue: true, apply: text('memory') },
  { long: 'add-host', takesValue: true, apply: list('addHosts') },
  { long: 'cap-add', takesValue: true, apply: list('capAdd') },
  { long: 'cap-drop', takesValue: true, apply: list('capDrop') },
];

// Real docker run flags outside the RunSpec: parsed (so their values are consumed) and listed.
const unmodelledWithValue = [
  'attach:a', 'blkio-weight', 'blkio-weight-device', 'cgroup-parent', 'cgroupns', 'cidfile', 'cpu-count', 'cpu-percent',
  'cpu-period', 'cpu-quota', 'cpu-rt-period', 'cpu-rt-runtime', 'cpu-shares:c', 'cpuset-cpus', 'cpuset-mems',
  'detach-keys', 'device', 'device-cgroup-rule', 'device-read-bps', 'device-read-iops', 'device-write-bps',
  'device-write-iops', 'dns', 'dns-option', 'dns-opt', 'dns-search', 'domainname', 'env-file', 'expose', 'gpus', 'group-add',
  'health-cmd', 'health-interval', 'health-retries', 'health-start-period', 'health-timeout', 'io-maxbandwidth',
  'io-maxiops', 'ip', 'ip6', 'ipc', 'isolation', 'kernel-memory', 'label-file', 'link-local-ip', 'log-driver',
  'log-opt', 'mac-address', 'memory-reservation', 'memory-swap', 'memory-swappiness', 'oom-score-adj', 'pid',
  'pids-limit', 'platform', 'pull', 'runtime', 'security-opt', 'shm-size', 'stop-signal', 'stop-timeout',
  'storage-opt', 'sysctl', 'tmpfs', 'ulimit', 'userns', 'uts', 'volume-driver',
];
const unmodelledBoolean = [
  'disable-content-trust', 'help', 'no-healthcheck', 'oom-kill-disable', 'quiet:q', 'read-only', 'sig-proxy',
];

function unmodelled(entries: string[], takesValue: boolean): FlagDefinition[] {
  return entries.map((entry) => {
    const [long, short] = entry.split(':');
    return { long, ...(short ? { short } : {}), takesValue };
  });
}

export const RUN_FLAGS: readonly FlagDefinition[] = [
  ...modelled,
  ...unmodelled(unmodelledWithValue, true),
  ...unmodelled(unmodelledBoolean, false),
];

const byLong = new Map<string, FlagDefinition>();
const byShort = new Map<string, FlagDefinition>();
for (const definition of RUN_FLAGS) {
  byLong.set(definition.long, definition);
  for (const alias of definition.aliases ?? []) byLong.set(alias, definition);
  if (definition.short) byShort.set(definition.short, definition);
}

export function findLongFlag(name: string): FlagDefinition | undefined {
  return byLong.get(name);
}

export function findShortFlag(letter: string): FlagDefinition | undefined {
  return byShort.get(letter);
}
