// Running containers from a RunSpec on the real engine: the notes' redis example, --rm, --volumes-from,
// refusals in words with their field, bad input refused before the engine is called, and a container
// read back as the RunSpec that made it.
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BerthError } from '../shared/errors';
import { fieldFromDetail, type RunField, type RunSpec } from '../shared/run';
import { runContainer } from './run';
import { containerAsRunSpec } from './run.from-container';
import { containerExists, docker, eventually, localDocker, redisCommands, removeRunTestObjects, testSpec, uniqueName } from './run.test-kit';

const engine = localDocker();

async function refusal(promise: Promise<unknown>): Promise<BerthError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof BerthError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

beforeAll(() => removeRunTestObjects());
afterAll(() => removeRunTestObjects());

describe('runContainer', () => {
  it('runs the notes’ redis example: detached, -p 1234:6379, a name; SET and GET over TCP', async () => {
    const name = uniqueName('redis');
    const result = await runContainer(engine, testSpec({ image: 'fixture/redis', command: [], name, ports: ['1234:6379'] }));
    expect(result).toMatchObject({ name, running: true });
    // Redis takes a moment to listen: wait until it answers PING.
    await eventually('redis to answer on 127.0.0.1:1234', async () => ((await redisCommands(1234, [['PING']]))[0] === 'PONG' ? true : undefined));
    const replies = await redisCommands(1234, [
      ['SET', 'berth:greeting', 'hello from berth'],
      ['GET', 'berth:greeting'],
    ]);
    expect(replies).toEqual(['OK', 'hello from berth']);
    docker('rm', '-f', result.id);
  });

  it('--rm: the container is gone after it exits', async () => {
    const name = uniqueName('rm');
    const result = await runContainer(engine, testSpec({ name, autoRemove: true, command: ['true'] }));
    await eventually('the --rm container to be removed', () => (containerExists(result.id) ? undefined : true));
    expect(containerExists(name)).toBe(false);
  });

  it('--volumes-from shares a directory between two containers', async () => {
    const source = uniqueName('vfrom-src');
    await runContainer(
      engine,
      testSpec({ name: source, volumes: ['/shared'], command: ['sh', '-c', 'echo shared-by-berth > /shared/note; trap "exit 0" TERM; sleep 3600 & wait'] }),
    );
    await eventually('the source to write its file', () => (docker('exec', source, 'cat', '/shared/note') === 'shared-by-berth' ? true : undefined));
    const reader = uniqueName('vfrom-reader');
    await runContainer(engine, testSpec({ name: reader, volumesFrom: [`${source}:ro`], command: ['cat', '/shared/note'] }));
    expect(docker('wait', reader)).toBe('0');
    expect(docker('logs', reader)).toBe('shared-by-berth');
    expect(docker('inspect', '-f', '{{json .HostConfig.VolumesFrom}}', reader)).toBe(`["${source}:ro"]`);
  });

  it('refuses a host port already published, in words beside Ports, and leaves no container behind', async () => {
    const first = uniqueName('port-a');
    await runContainer(engine, testSpec({ name: first, ports: ['127.0.0.1:18931:80'] }));
    const second = uniqueName('port-b');
    const error = await refusal(runContainer(engine, testSpec({ name: second, ports: ['127.0.0.1:18931:80'] })));
    expect(error.message).toBe('Host port 18931 is already published by another container. Choose another host port.');
    expect(fieldFromDetail(error.detail)).toBe('ports');
    expect(containerExists(second)).toBe(false);
  });

  it('refuses a name in use, beside Name', async () => {
    const name = uniqueName('taken');
    await runContainer(engine, testSpec({ name }));
    const error = await refusal(runContainer(engine, testSpec({ name })));
    expect(error.message).toBe(`A container named "${name}" already exists. Choose another name, or remove that container first.`);
    expect(fieldFromDetail(error.detail)).toBe('name');
  });

  it('says an image is missing instead of pulling it silently', async () => {
    const error = await refusal(runContainer(engine, testSpec({ image: '127.0.0.1:5001/berth-run/absent:never' })));
    expect(error.code).toBe('not_found');
    expect(fieldFromDetail(error.detail)).toBe('image');
  });

  it('names a command the image does not have, beside Command', async () => {
    const error = await refusal(runContainer(engine, testSpec({ name: uniqueName('nocmd'), command: ['no-such-binary'] })));
    expect(error.message).toMatch(/"no-such-binary" was not found in the image/);
    expect(fieldFromDetail(error.detail)).toBe('command');
  });
});

describe('bad input never reaches the engine', () => {
  // An engine that cannot answer: had any call been made, the error would be engine_unavailable.
  const unreachable = new Dockerode({ socketPath: '/nonexistent/berth-run-test.sock' });
  const cases: [Partial<RunSpec>, RunField, RegExp][] = [
    [{ ports: ['70000:80'] }, 'ports', /^Ports: Host port 70000 is out of range/],
    [{ ports: ['80/icmp'] }, 'ports', /not tcp, udp or sctp/],
    [{ ports: ['8080:80', '8080:80'] }, 'ports', /listed twice/],
    [{ name: 'bad name' }, 'name', /^Name: "bad name" is not a valid container name/],
    [{ image: 'Not/An/Image' }, 'image', /lowercase/],
    [{ env: ['NOVALUE'] }, 'env', /^Environment: .*KEY=VALUE/],
    [{ volumes: ['data:relative'] }, 'volumes', /must be absolute/],
    [{ memory: '1x' }, 'memory', /not a size/],
  ];
  it.each(cases)('%j', async (change, field, message) => {
    const error = await refusal(runContainer(unreachable, testSpec(change)));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
    expect(fieldFromDetail(error.detail)).toBe(field);
  });
});

describe('a container as the RunSpec that made it', () => {
  it('gives back what was asked, without the image’s defaults', async () => {
    const network = uniqueName('net');
    docker('network', 'create', '--label', 'berth.test=run', network);
    const volume = uniqueName('vol');
    docker('volume', 'create', '--label', 'berth.test=run', volume);
    const spec = testSpec({
      name: uniqueName('full'),
      command: ['sh', '-c', 'trap "exit 0" TERM; sleep 3600 & wait'],
      ports: ['127.0.0.1:18932:80/udp'],
      volumes: [`${volume}:/data:ro`, '/anon'],
      mounts: ['type=tmpfs,target=/scratch'],
      env: ['GREETING=hello world'],
      network,
      networkAliases: ['api'],
      restart: 'on-failure',
      restartRetries: '3',
      workdir: '/tmp',
      user: 'nobody',
      hostname: 'berth-host',
      cpus: '0.5',
      memory: '64m',
      init: true,
      addHosts: ['db.local:10.0.0.2'],
      capAdd: ['NET_ADMIN'],
      interactive: true,
      tty: true,
    });
    const result = await runContainer(engine, spec);
    const inspect = JSON.parse(docker('inspect', result.id))[0];
    expect(inspect.HostConfig).toMatchObject({
      NanoCpus: 500_000_000,
      Memory: 64 * 1024 * 1024,
      Init: true,
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
      PortBindings: { '80/udp': [{ HostIp: '127.0.0.1', HostPort: '18932' }] },
      NetworkMode: network,
    });
    expect(inspect.NetworkSettings.Networks[network].Aliases).toContain('api');

    const back = await containerAsRunSpec(engine, result.id);
    expect(back.spec).toEqual(spec);
    expect(back.notCarried).toEqual([]);
  });
});
