import { describe, expect, it } from 'vitest';
import {
  defaultTerminalOptions,
  endSummary,
  endTone,
  parseEnvLines,
  sessionRequest,
  shortCommand,
  terminalTitle,
  validateOptions,
} from './terminal-options';

const target = { engineId: 'local', containerId: 'web' };

describe('sessionRequest', () => {
  it('builds a shell request with the options and the view size', () => {
    const options = { ...defaultTerminalOptions(), shell: 'bash', user: 'nobody', workdir: '/tmp', env: ['A=1'] };
    expect(sessionRequest(target, options, { cols: 120, rows: 30 })).toEqual({
      mode: 'shell',
      engineId: 'local',
      id: 'web',
      cols: 120,
      rows: 30,
      shell: 'bash',
      user: 'nobody',
      workdir: '/tmp',
      env: ['A=1'],
    });
  });

  it('sends attach without shell options', () => {
    expect(sessionRequest(target, { ...defaultTerminalOptions('attach'), user: 'ignored' })).toEqual({ mode: 'attach', engineId: 'local', id: 'web' });
  });

  it('falls back to the default debug image when the field is empty', () => {
    expect(sessionRequest(target, { ...defaultTerminalOptions('debug'), image: ' ' })).toMatchObject({ mode: 'debug', image: 'fixture/busybox' });
  });
});

describe('parseEnvLines', () => {
  it('keeps NAME=value lines and skips blanks and comments', () => {
    expect(parseEnvLines('A=1\n\n# note\nB=two words\nC=')).toEqual({ env: ['A=1', 'B=two words', 'C='], errors: [] });
  });

  it('names the lines that are not NAME=value', () => {
    expect(parseEnvLines('A=1\nnope\n1X=2').errors).toEqual(['Line 2: “nope” is not NAME=value.', 'Line 3: “1X=2” is not NAME=value.']);
  });
});

describe('validateOptions', () => {
  it('asks for an absolute working directory and a user without spaces', () => {
    expect(validateOptions({ ...defaultTerminalOptions(), workdir: 'app', user: 'a b' })).toEqual({
      workdir: 'Use an absolute path, e.g. /app.',
      user: 'A user has no spaces: name, uid, name:group or uid:gid.',
    });
    expect(validateOptions({ ...defaultTerminalOptions(), workdir: '/app', user: '1000:1000' })).toEqual({});
  });

  it('checks the debug image reference', () => {
    expect(validateOptions({ ...defaultTerminalOptions('debug'), image: 'bad image' }).image).toBe('Not an image reference.');
  });
});

describe('words', () => {
  it('titles tabs by mode and container, numbering extra ones', () => {
    expect(terminalTitle('web-1', 'shell')).toBe('Shell · web-1');
    expect(terminalTitle('web-1', 'debug', 2)).toBe('Debug shell · web-1 (2)');
  });

  it('shortens a command to its program name', () => {
    expect(shortCommand('/usr/bin/bash')).toBe('bash');
    expect(shortCommand('/bin/zsh -l')).toBe('zsh -l');
  });

  it('summarises how a session ended', () => {
    expect(endSummary({ exitCode: 3 })).toBe('Exited with code 3');
    expect(endSummary({ exitCode: 130 })).toBe('Exited with code 130 (signal 2)');
    expect(endSummary({ exitCode: null, reason: 'Detached. The container keeps running.' })).toBe('Detached. The container keeps running.');
    expect(endSummary({ exitCode: null })).toBe('The session ended.');
    expect([endTone(0), endTone(3), endTone(null)]).toEqual(['ok', 'danger', 'warn']);
  });
});
