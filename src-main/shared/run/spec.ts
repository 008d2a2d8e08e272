// The RunSpec: everything a `docker run` line can say that Berth's run dialog understands, as plain data.
// Fields hold what a person types (port mappings as "8080:80", memory as "512m") so that the form, the
// equivalent command and a pasted command all speak the same language; parsing into engine values
// happens in the validators and in main's mapping.

export const RESTART_POLICIES = ['no', 'always', 'unless-stopped', 'on-failure'] as const;
export type RestartPolicyName = (typeof RESTART_POLICIES)[number];

export interface RunSpec {
  /** Image reference: [registry[:port]/]path[:tag][@digest], or an image id. */
  image: string;
  /** Container name; '' lets the engine pick one. */
  name: string;
  /** Arguments after the image (argv, already split). Empty = the image's CMD. */
  command: string[];
  /** --entrypoint: one executable; '' = the image's ENTRYPOINT. */
  entrypoint: string;
  /** -d */
  detach: boolean;
  /** -i: keep STDIN open. */
  interactive: boolean;
  /** -t: allocate a pseudo-TTY. */
  tty: boolean;
  /** --rm: remove the container when it exits. */
  autoRemove: boolean;
  /** -p values: [ip:][hostPort[-end]:]containerPort[-end][/tcp|udp|sctp]. */
  ports: string[];
  /** -P: publish every exposed port on a random host port. */
  publishAll: boolean;
  /** -v values: /container/path (anonymous), name:/path[:opts] (named), /host:/path[:opts] (bind). */
  volumes: string[];
  /** --mount values: type=bind|volume|tmpfs,source=…,target=…[,readonly]. */
  mounts: string[];
  /** --volumes-from values: container[:ro|rw]. */
  volumesFrom: string[];
  /** -e values: KEY=VALUE. */
  env: string[];
  /** --network; '' = the engine's default bridge. */
  network: string;
  /** --network-alias values (user-defined networks only). */
  networkAliases: string[];
  /** --link values (legacy): container[:alias]. */
  links: string[];
  /** --restart policy name. */
  restart: RestartPolicyName;
  /** Maximum retries for on-failure; '' = unlimited. */
  restartRetries: string;
  /** -w */
  workdir: string;
  /** -u: name|uid[:group|gid] */
  user: string;
  /** -h */
  hostname: string;
  /** -l values: KEY[=VALUE]. */
  labels: string[];
  /** --cpus, e.g. "1.5". */
  cpus: string;
  /** -m, e.g. "512m", "1g". */
  memory: string;
  /** --init */
  init: boolean;
  /** --privileged */
  privileged: boolean;
  /** --add-host values: host:ip. */
  addHosts: string[];
  /** --cap-add / --cap-drop values. */
  capAdd: string[];
  capDrop: string[];
}

export type RunField = keyof RunSpec;

/** The dialog's starting point: detached (a GUI has no foreground), nothing else set. */
export function emptyRunSpec(overrides: Partial<RunSpec> = {}): RunSpec {
  return {
    image: '',
    name: '',
    command: [],
    entrypoint: '',
    detach: true,
    interactive: false,
    tty: false,
    autoRemove: false,
    ports: [],
    publishAll: false,
    volumes: [],
    mounts: [],
    volumesFrom: [],
    env: [],
    network: '',
    networkAliases: [],
    links: [],
    restart: 'no',
    restartRetries: '',
    workdir: '',
    user: '',
    hostname: '',
    labels: [],
    cpus: '',
    memory: '',
    init: false,
    privileged: false,
    addHosts: [],
    capAdd: [],
    capDrop: [],
    ...overrides,
  };
}

/** Networks on which Docker refuses network-scoped aliases. */
export function isBuiltinNetworkMode(network: string): boolean {
  return network === '' || network === 'default' || network === 'bridge' || network === 'host' || network === 'none' || network.startsWith('container:');
}

/** The dialog's label for each field, named after what the flag means; also used in main's messages. */
export const RUN_FIELD_LABELS: Record<RunField, string> = {
  image: 'Image',
  name: 'Name',
  command: 'Command',
  entrypoint: 'Entrypoint',
  detach: 'Mode',
  interactive: 'Mode',
  tty: 'Mode',
  autoRemove: 'Remove when it exits',
  ports: 'Ports',
  publishAll: 'Publish all exposed ports',
  volumes: 'Volumes',
  mounts: 'Mounts',
  volumesFrom: 'Volumes from',
  env: 'Environment',
  network: 'Network',
  networkAliases: 'Network aliases',
  links: 'Links',
  restart: 'Restart policy',
  restartRetries: 'Max retries',
  workdir: 'Working directory',
  user: 'User',
  hostname: 'Hostname',
  labels: 'Labels',
  cpus: 'CPUs',
  memory: 'Memory',
  init: 'Run an init process',
  privileged: 'Privileged',
  addHosts: 'Extra hosts',
  capAdd: 'Add capabilities',
  capDrop: 'Drop capabilities',
};
