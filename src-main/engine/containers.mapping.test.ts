// berth.test=foundation — the pure mapping from the engine's container JSON to Berth's DTOs.
import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import {
  exitCodeFromStatus,
  healthFromStatus,
  normaliseState,
  summariseMounts,
  summarisePorts,
  toContainerDetails,
  toContainerSummary,
} from './containers.mapping';

describe('state and status phrases', () => {
  it('normalises known states and maps anything else to dead', () => {
    expect(normaliseState('Running')).toBe('running');
    expect(normaliseState('exited')).toBe('exited');
    expect(normaliseState('something-new')).toBe('dead');
    expect(normaliseState(undefined)).toBe('dead');
  });

  it('reads the exit code from "Exited (N) …"', () => {
    expect(exitCodeFromStatus('Exited (137) 2 minutes ago')).toBe(137);
    expect(exitCodeFromStatus('Exited (0) About a minute ago')).toBe(0);
    expect(exitCodeFromStatus('Exited (-1) 1 second ago')).toBe(-1);
    expect(exitCodeFromStatus('Up 5 minutes')).toBeUndefined();
  });

  it('reads health from the status phrase', () => {
    expect(healthFromStatus('Up 5 minutes (healthy)')).toBe('healthy');
    expect(healthFromStatus('Up 5 minutes (unhealthy)')).toBe('unhealthy');
    expect(healthFromStatus('Up 2 seconds (health: starting)')).toBe('starting');
    expect(healthFromStatus('Up 5 minutes')).toBeUndefined();
  });
});

describe('summarisePorts', () => {
  it('keeps one of each IPv4/IPv6 pair, shows :: as 0.0.0.0 and sorts by container port', () => {
    const ports = [
      { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      { PrivatePort: 53, Type: 'udp' },
      { IP: '127.0.0.1', PrivatePort: 6379, PublicPort: 16379, Type: 'tcp' },
    ] as Dockerode.Port[];
    expect(summarisePorts(ports)).toEqual([
      { containerPort: 53, protocol: 'udp' },
      { containerPort: 80, protocol: 'tcp', hostPort: 8080, hostIp: '0.0.0.0' },
      { containerPort: 6379, protocol: 'tcp', hostPort: 16379, hostIp: '127.0.0.1' },
    ]);
  });

  it('treats an unknown protocol as tcp and missing ports as none', () => {
    expect(summarisePorts([{ PrivatePort: 1, Type: 'weird' } as unknown as Dockerode.Port])).toEqual([
      { containerPort: 1, protocol: 'tcp' },
    ]);
    expect(summarisePorts(undefined)).toEqual([]);
  });
});

describe('summariseMounts', () => {
  it('keeps names for volumes and marks read-only mounts', () => {
    expect(
      summariseMounts([
        { Type: 'volume', Name: 'data', Source: '/var/lib/docker/volumes/data/_data', Destination: '/data', RW: true },
        { Type: 'bind', Source: '/etc/hosts', Destination: '/etc/hosts', RW: false },
      ]),
    ).toEqual([
      { type: 'volume', name: 'data', source: '/var/lib/docker/volumes/data/_data', destination: '/data', readOnly: false },
      { type: 'bind', source: '/etc/hosts', destination: '/etc/hosts', readOnly: true },
    ]);
  });
});

const listEntry = {
  Id: 'a'.repeat(64),
  Names: ['/web'],
  Image: 'fixture/nginx',
  ImageID: 'sha256:' + 'b'.repeat(64),
  Command: 'nginx -g daemon off;',
  Created: 1_700_000_000,
  State: 'exited',
  Status: 'Exited (2) 3 minutes ago',
  Ports: [],
  Labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web' },
  NetworkSettings: { Networks: { bridge: {}, shop_default: {} } },
  Mounts: [],
} as unknown as Dockerode.ContainerInfo;

describe('toContainerSummary', () => {
  it('maps a list entry, with compose labels, networks and exit code', () => {
    expect(toContainerSummary('local', listEntry)).toEqual({
      engineId: 'local',
      id: 'a'.repeat(64),
      name: 'web',
      image: 'fixture/nginx',
      imageId: 'sha256:' + 'b'.repeat(64),
      command: 'nginx -g daemon off;',
      state: 'exited',
      status: 'Exited (2) 3 minutes ago',
      created: 1_700_000_000,
      ports: [],
      labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web' },
      composeProject: 'shop',
      composeService: 'web',
      networks: ['bridge', 'shop_default'],
      mounts: [],
      exitCode: 2,
    });
  });

  it('names a container without names by its short id', () => {
    const unnamed = { ...listEntry, Names: undefined, Labels: undefined } as unknown as Dockerode.ContainerInfo;
    const summary = toContainerSummary('local', unnamed);
    expect(summary.name).toBe('a'.repeat(12));
    expect(summary.labels).toEqual({});
    expect(summary.composeProject).toBeUndefined();
  });
});

describe('toContainerDetails', () => {
  const inspect = {
    Id: 'c'.repeat(64),
    Name: '/db',
    Image: 'sha256:' + 'd'.repeat(64),
    Config: { Image: 'fixture/redis', Env: ['A=1', 'B=x=y', 'FLAG'], Labels: { tier: 'data' }, Tty: true },
    State: { Status: 'exited', ExitCode: 3, StartedAt: '2026-01-01T00:00:00Z', FinishedAt: '0001-01-01T00:00:00Z' },
    HostConfig: { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 5 } },
    Mounts: [{ Type: 'volume', Name: 'redis-data', Source: '/v', Destination: '/data', RW: true }],
    NetworkSettings: {
      Ports: {
        '6379/tcp': [
          { HostIp: '0.0.0.0', HostPort: '16379' },
          { HostIp: '::', HostPort: '16379' },
        ],
        '80/tcp': null,
      },
      Networks: { bridge: { IPAddress: '172.17.0.2', Gateway: '172.17.0.1', MacAddress: 'm', Aliases: null } },
    },
  } as unknown as Dockerode.ContainerInspectInfo;

  it('maps env (splitting at the first =), ports, networks, restart policy and times', () => {
    const details = toContainerDetails('local', inspect);
    expect(details.env).toEqual([
      { key: 'A', value: '1' },
      { key: 'B', value: 'x=y' },
      { key: 'FLAG', value: '' },
    ]);
    expect(details.ports).toEqual([
      { containerPort: 80, protocol: 'tcp' },
      { containerPort: 6379, protocol: 'tcp', hostPort: 16379, hostIp: '0.0.0.0' },
    ]);
    expect(details.networks).toEqual([
      { name: 'bridge', ipAddress: '172.17.0.2', gateway: '172.17.0.1', macAddress: 'm', aliases: [] },
    ]);
    expect(details).toMatchObject({
      name: 'db',
      image: 'fixture/redis',
      state: 'exited',
      exitCode: 3,
      restartPolicy: 'on-failure:5',
      startedAt: '2026-01-01T00:00:00Z',
      tty: true,
      labels: { tier: 'data' },
      mounts: [{ type: 'volume', name: 'redis-data', source: '/v', destination: '/data', readOnly: false }],
    });
    // The engine's "zero time" means never: no finishedAt.
    expect(details.finishedAt).toBeUndefined();
    expect(details.raw).toBe(inspect);
  });

  it('shows "no" when no restart policy is set', () => {
    const bare = { ...inspect, HostConfig: {} } as unknown as Dockerode.ContainerInspectInfo;
    expect(toContainerDetails('local', bare).restartPolicy).toBe('no');
  });
});
