import { describe, expect, it } from 'vitest';
import { parseDockerRunCommand } from './parse-command';
import { emptyRunSpec } from './spec';

describe('parseDockerRunCommand', () => {
  it('reads the notes’ redis line', () => {
    const parsed = parseDockerRunCommand('docker run -d -p 1234:6379 --name redis fixture/redis');
    expect(parsed.spec).toEqual(emptyRunSpec({ image: 'fixture/redis', name: 'redis', ports: ['1234:6379'], detach: true }));
    expect([...parsed.problems, ...parsed.unknownFlags, ...parsed.unsupportedFlags]).toEqual([]);
  });

  it('reads combined short flags, attached values and --flag=value', () => {
    const parsed = parseDockerRunCommand('docker container run -dit -p8080:80 -e=A=1 --name=web --rm=false -vdata:/data x');
    expect(parsed.spec).toMatchObject({
      detach: true,
      interactive: true,
      tty: true,
      ports: ['8080:80'],
      env: ['A=1'],
      name: 'web',
      autoRemove: false,
      volumes: ['data:/data'],
      image: 'x',
    });
  });

  it('lets a combined group end in a value flag (-dp 80:80)', () => {
    expect(parseDockerRunCommand('docker run -dp 80:80 x').spec).toMatchObject({ detach: true, ports: ['80:80'], image: 'x' });
  });

  it('keeps quotes, escapes and continuations in values and in the command', () => {
    const line = `docker run \\\n  -e "GREETING=hello \\"world\\"" \\\n  -e 'PATH_LIKE=$HOME/bin' \\\n  fixture/busybox sh -c 'echo "$GREETING"; sleep 1'`;
    const parsed = parseDockerRunCommand(line);
    expect(parsed.spec.env).toEqual(['GREETING=hello "world"', 'PATH_LIKE=$HOME/bin']);
    expect(parsed.spec.command).toEqual(['sh', '-c', 'echo "$GREETING"; sleep 1']);
    expect(parsed.problems).toEqual([]);
  });

  it('treats everything after the image as the command, flags included', () => {
    expect(parseDockerRunCommand('docker run x ls -la --color').spec.command).toEqual(['ls', '-la', '--color']);
    expect(parseDockerRunCommand('docker run -- x -d').spec).toMatchObject({ image: 'x', command: ['-d'], detach: false });
  });

  it('lists unknown flags and unsupported docker flags instead of dropping them', () => {
    const parsed = parseDockerRunCommand('docker run --log-driver json-file --shm-size=1g -q --frobnicate -Z --name web x');
    expect(parsed.unsupportedFlags).toEqual(['--log-driver json-file', '--shm-size 1g', '-q']);
    expect(parsed.unknownFlags).toEqual(['--frobnicate', '-Z']);
    expect(parsed.spec).toMatchObject({ name: 'web', image: 'x' });
  });

  it('knows restart policies, aliases and the legacy names', () => {
    const parsed = parseDockerRunCommand('docker run --restart on-failure:5 --net appnet --net-alias api --link db:d x');
    expect(parsed.spec).toMatchObject({ restart: 'on-failure', restartRetries: '5', network: 'appnet', networkAliases: ['api'], links: ['db:d'] });
    expect(parseDockerRunCommand('docker run --restart sometimes x').problems[0]).toMatch(/not no, always/);
  });

  it('accepts a bare argument list, a prompt and sudo', () => {
    expect(parseDockerRunCommand('-d --name web x').spec).toMatchObject({ name: 'web', image: 'x', detach: true });
    expect(parseDockerRunCommand('$ sudo docker run x').spec.image).toBe('x');
  });

  it('says what is wrong with lines it cannot read', () => {
    expect(parseDockerRunCommand('docker ps -a').problems).toEqual(['This is "docker ps", not "docker run".']);
    expect(parseDockerRunCommand('docker run -d').problems[0]).toMatch(/No image/);
    expect(parseDockerRunCommand('docker run --name').problems).toContain('--name needs a value.');
    expect(parseDockerRunCommand(`docker run -e 'A=1 x`).problems).toContain('A single quote is never closed.');
    expect(parseDockerRunCommand('docker run --rm=maybe x').problems[0]).toMatch(/true or false/);
  });

  it('notes global options, ignored tails and unexpanded variables', () => {
    const parsed = parseDockerRunCommand('docker -H tcp://h:2375 run -v $PWD:/src x && echo done');
    expect(parsed.notes).toHaveLength(3);
    expect(parsed.notes.join(' ')).toMatch(/-H tcp:\/\/h:2375/);
    expect(parsed.notes.join(' ')).toMatch(/"&&"/);
    expect(parsed.notes.join(' ')).toMatch(/\$PWD/);
  });
});
