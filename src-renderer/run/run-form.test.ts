import { describe, expect, it } from 'vitest';
import { formatRunCommand, parseDockerRunCommand } from '../../src-main/shared/run';
import { emptyRunForm, formFromSpec, linesOf, modeOf, specFromForm, withMode, type RunForm } from './run-form';

describe('run form', () => {
  it('edits lists one entry per line and the command as a shell line', () => {
    const form: RunForm = {
      ...emptyRunForm({ image: 'fixture/busybox' }),
      name: ' web ',
      ports: '8080:80\n\n  \n127.0.0.1:9000:9000/udp  ',
      env: 'A=1\nSPACED=a b',
      command: `sh -c 'echo "hi there"'`,
    };
    const { spec, errors } = specFromForm(form);
    expect(errors).toEqual({});
    expect(spec).toMatchObject({
      name: 'web',
      ports: ['8080:80', '127.0.0.1:9000:9000/udp'],
      env: ['A=1', 'SPACED=a b'],
      command: ['sh', '-c', 'echo "hi there"'],
    });
  });

  it('puts an unclosed quote or a shell operator in the command beside Command', () => {
    expect(specFromForm({ ...emptyRunForm(), command: `echo 'oops` }).errors.command).toMatch(/never closed/);
    expect(specFromForm({ ...emptyRunForm(), command: 'echo a && echo b' }).errors.command).toMatch(/sh -c/);
  });

  it('offers the modes by their flags and keeps unusual combinations', () => {
    expect(modeOf(emptyRunForm())).toBe('detached');
    expect(modeOf(withMode(emptyRunForm(), 'interactive'))).toBe('interactive');
    expect(withMode(emptyRunForm(), 'detached-tty')).toMatchObject({ detach: true, interactive: true, tty: true });
    expect(modeOf({ detach: false, interactive: false, tty: true })).toBe('custom');
  });

  it('round-trips form → command → form', () => {
    const form: RunForm = {
      ...emptyRunForm(),
      image: 'fixture/redis',
      name: 'cache',
      command: `redis-server --save '' --appendonly yes`,
      ports: '1234:6379\n127.0.0.1:16379:6379',
      volumes: 'redis-data:/data\n/srv/conf dir:/conf:ro',
      env: 'A=b c\nQUOTE=it\'s',
      labels: 'team=core',
      network: 'appnet',
      networkAliases: 'redis',
      restart: 'on-failure',
      restartRetries: '5',
      memory: '256m',
      init: true,
    };
    const line = formatRunCommand(specFromForm(form).spec);
    const parsed = parseDockerRunCommand(line);
    expect(parsed.problems).toEqual([]);
    expect(formFromSpec(parsed.spec)).toEqual(form);
  });

  it('drops blank lines and trailing spaces only', () => {
    expect(linesOf('  a  \n\n\tb\n')).toEqual(['  a', '\tb']);
  });
});
