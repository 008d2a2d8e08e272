// Form → command → form is the identity: every RunSpec the dialog can hold survives being written as a
// `docker run` line and read back.
import { describe, expect, it } from 'vitest';
import { formatRunCommand, formatRunCommandMultiline, runSpecToArgs } from './build-command';
import { parseDockerRunCommand } from './parse-command';
import { emptyRunSpec, type RunSpec } from './spec';
import { validateRunSpec } from './validate';

const specs: [string, RunSpec][] = [
  ['minimal detached', emptyRunSpec({ image: 'fixture/busybox' })],
  ['foreground', emptyRunSpec({ image: 'fixture/busybox', detach: false, command: ['echo', 'hi'] })],
  ['interactive terminal', emptyRunSpec({ image: 'fixture/debian:bookworm', detach: false, interactive: true, tty: true, autoRemove: true })],
  ['only -t', emptyRunSpec({ image: 'x', detach: false, tty: true })],
  [
    'everything',
    emptyRunSpec({
      image: '127.0.0.1:5001/busybox:latest',
      name: 'web-1',
      command: ['sh', '-c', `echo "it's $HOME"; sleep 'infinity'`],
      entrypoint: '/bin/env',
      detach: true,
      interactive: true,
      tty: true,
      ports: ['127.0.0.1:8080:80', '8000-8002:90-92/udp', '[::1]:9000:9000'],
      publishAll: true,
      volumes: ['data:/data:ro', '/srv/my dir:/srv', '/cache'],
      mounts: ['type=bind,source=/tmp,target=/host-tmp,readonly'],
      volumesFrom: ['other:ro'],
      env: ['A=1', 'SPACED=a b  c', 'QUOTES="x" \'y\'', 'EMPTY=', 'MULTI=line1\nline2'],
      network: 'appnet',
      networkAliases: ['api', 'api.internal'],
      links: ['db:database'],
      restart: 'on-failure',
      restartRetries: '3',
      workdir: '/app dir',
      user: '1000:1000',
      hostname: 'web-1',
      labels: ['team=core', 'note=a;b&c', 'flag'],
      cpus: '1.5',
      memory: '512m',
      init: true,
      privileged: true,
      addHosts: ['db.local:10.0.0.2'],
      capAdd: ['NET_ADMIN'],
      capDrop: ['MKNOD'],
    }),
  ],
  ['restart always', emptyRunSpec({ image: 'fixture/redis', restart: 'unless-stopped', name: 'r1' })],
  ['command that looks like flags', emptyRunSpec({ image: 'x', command: ['--help', '-d', '--'] })],
];

describe('form → command → form', () => {
  it.each(specs)('%s', (_label, spec) => {
    const line = formatRunCommand(spec);
    const parsed = parseDockerRunCommand(line);
    expect(parsed.problems).toEqual([]);
    expect(parsed.unknownFlags).toEqual([]);
    expect(parsed.unsupportedFlags).toEqual([]);
    expect(parsed.spec).toEqual(spec);
    // And the line built from the parsed form is the same line.
    expect(formatRunCommand(parsed.spec)).toBe(line);
    // The multi-line form (backslash continuations) reads back the same too.
    expect(parseDockerRunCommand(formatRunCommandMultiline(spec)).spec).toEqual(spec);
  });

  it('the specs under test are valid ones', () => {
    for (const [, spec] of specs) expect(validateRunSpec(spec).errors).toEqual({});
  });

  it('writes a readable line', () => {
    const spec = emptyRunSpec({ image: 'fixture/redis', name: 'redis', ports: ['1234:6379'], env: ['A=b c'] });
    expect(formatRunCommand(spec)).toBe(`docker run -d --name redis -e 'A=b c' -p 1234:6379 fixture/redis`);
    expect(formatRunCommandMultiline(spec)).toBe(`docker run \\\n  -d \\\n  --name redis \\\n  -e 'A=b c' \\\n  -p 1234:6379 \\\n  fixture/redis`);
    expect(runSpecToArgs(emptyRunSpec({ image: 'x', detach: false, interactive: true, tty: true }))).toEqual(['docker', 'run', '-it', 'x']);
  });
});
