import { describe, expect, it } from 'vitest';
import { emptyRunSpec, type RunField, type RunSpec } from './spec';
import { hasErrors, validateRunSpec } from './validate';

const base = emptyRunSpec({ image: 'fixture/busybox' });

// Each bad input, the field its message belongs beside, and what the message says.
const badInputs: [string, Partial<RunSpec>, RunField, RegExp][] = [
  ['no image', { image: '' }, 'image', /Choose an image/],
  ['uppercase image', { image: 'Fixture/Busybox' }, 'image', /lowercase/],
  ['bad tag', { image: 'busybox:-1' }, 'image', /not a valid tag/],
  ['one-letter name', { name: 'a' }, 'name', /not a valid container name/],
  ['name with a space', { name: 'my web' }, 'name', /not a valid container name/],
  ['name starting with _', { name: '_web' }, 'name', /not a valid container name/],
  ['port 0', { ports: ['0:80'] }, 'ports', /out of range \(1–65535\)/],
  ['port 65536', { ports: ['8080:65536'] }, 'ports', /out of range/],
  ['bad protocol', { ports: ['53:53/icmp'] }, 'ports', /not tcp, udp or sctp/],
  ['line number for a list', { ports: ['8080:80', '99999:81'] }, 'ports', /^Line 2: Host port 99999 is out of range/],
  ['duplicate container port', { ports: ['8080:80', '8080:80'] }, 'ports', /Container port 80\/tcp is listed twice \(lines 1 and 2\)/],
  ['same host port twice', { ports: ['8080:80', '8080:81'] }, 'ports', /Host port 8080\/tcp is published twice/],
  ['unequal ranges', { ports: ['8000-8002:80-81'] }, 'ports', /differ in size/],
  ['env without =', { env: ['DEBUG'] }, 'env', /has no value: write KEY=VALUE/],
  ['env without key', { env: ['A=1', '=2'] }, 'env', /^Line 2: "=2" has no name/],
  ['relative container path', { volumes: ['data:app'] }, 'volumes', /must be absolute/],
  ['relative bind source', { volumes: ['./data:/data'] }, 'volumes', /must be an absolute path/],
  ['anonymous relative', { volumes: ['data'] }, 'volumes', /must be absolute/],
  ['bad volume option', { volumes: ['data:/data:rx'] }, 'volumes', /Unknown volume option "rx"/],
  ['two mounts at one path', { volumes: ['a1:/data', 'b1:/data/'] }, 'volumes', /Two mounts use \/data/],
  ['mount without target', { mounts: ['type=volume,source=v1'] }, 'mounts', /needs a target/],
  ['relative mount target', { mounts: ['type=bind,source=/tmp,target=tmp'] }, 'mounts', /must be absolute/],
  ['volumes-from bad mode', { volumesFrom: ['db:rx'] }, 'volumesFrom', /not ro or rw/],
  ['aliases on the default bridge', { networkAliases: ['db'] }, 'networkAliases', /user-defined network/],
  ['bad network name', { network: 'my net' }, 'network', /not a network name/],
  ['bad link', { links: ['db:x:y'] }, 'links', /too many/],
  ['--rm with restart', { autoRemove: true, restart: 'always' }, 'restart', /cannot be combined with --rm/],
  ['retries without on-failure', { restart: 'always', restartRetries: '3' }, 'restartRetries', /only to the on-failure/],
  ['retries not a number', { restart: 'on-failure', restartRetries: 'x' }, 'restartRetries', /whole number/],
  ['relative workdir', { workdir: 'app' }, 'workdir', /must be absolute/],
  ['bad user', { user: 'a:b:c' }, 'user', /not a user/],
  ['bad hostname', { hostname: 'my_host' }, 'hostname', /not a hostname/],
  ['cpus zero', { cpus: '0' }, 'cpus', /not a CPU count/],
  ['cpus text', { cpus: 'two' }, 'cpus', /not a CPU count/],
  ['memory unit', { memory: '512x' }, 'memory', /not a size like 512m/],
  ['memory too small', { memory: '4m' }, 'memory', /at least 6m/],
  ['add-host without ip', { addHosts: ['db'] }, 'addHosts', /not host:ip/],
  ['bad capability', { capAdd: ['NET ADMIN'] }, 'capAdd', /not a capability/],
];

describe('validateRunSpec', () => {
  it('accepts a minimal spec and a full one', () => {
    expect(validateRunSpec(base).errors).toEqual({});
    const full = emptyRunSpec({
      image: '127.0.0.1:5001/busybox:latest',
      name: 'web.1',
      command: ['sh', '-c', 'echo hi'],
      ports: ['127.0.0.1:8080:80', '8000-8002:90-92/udp', '53/sctp'],
      volumes: ['data:/data:ro', '/srv:/srv', '/cache'],
      mounts: ['type=tmpfs,target=/tmp,tmpfs-size=64m'],
      volumesFrom: ['other:ro'],
      env: ['A=1', 'EMPTY='],
      network: 'appnet',
      networkAliases: ['api'],
      links: ['db:database'],
      restart: 'on-failure',
      restartRetries: '3',
      workdir: '/app',
      user: '1000:1000',
      hostname: 'web-1.local',
      labels: ['team=core', 'flag'],
      cpus: '1.5',
      memory: '512m',
      addHosts: ['db.local:10.0.0.2'],
      capAdd: ['NET_ADMIN'],
    });
    expect(validateRunSpec(full).errors).toEqual({});
  });

  it.each(badInputs)('%s', (_label, change, field, message) => {
    const result = validateRunSpec({ ...base, ...change });
    expect(hasErrors(result)).toBe(true);
    expect(Object.keys(result.errors)).toEqual([field]);
    expect(result.errors[field]).toMatch(message);
  });

  it('checks --cpus against the engine when it knows the CPU count', () => {
    expect(validateRunSpec({ ...base, cpus: '4' }, { cpuCount: 2 }).errors.cpus).toMatch(/has 2 CPUs/);
  });

  it('warns without refusing: privileged, a port published twice, ports on the host network', () => {
    const privileged = validateRunSpec({ ...base, privileged: true });
    expect(privileged.errors).toEqual({});
    expect(privileged.warnings.privileged).toMatch(/almost anything root on the host can/);
    expect(validateRunSpec({ ...base, ports: ['8080:80', '8081:80'] }).warnings.ports).toMatch(/published on 2 host ports/);
    expect(validateRunSpec({ ...base, network: 'host', ports: ['80:80'] }).warnings.ports).toMatch(/ignored/);
  });
});
