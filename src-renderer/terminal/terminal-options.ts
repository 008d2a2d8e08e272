// Pure pieces of the terminal feature: what the start form edits, how it becomes an exec.session request,
// and the words shown for a session's state. No DOM, no xterm: unit-tested.
import type { ExecNotice, ExecSessionMode, ExecSessionRequest } from '../../src-main/shared/contract/exec';
import { DEFAULT_DEBUG_IMAGE } from '../../src-main/shared/contract/exec';

export interface TerminalOptions {
  mode: ExecSessionMode;
  /** Empty: detect (bash, then sh, then ash). */
  shell: string;
  user: string;
  workdir: string;
  /** KEY=value entries. */
  env: string[];
  /** The debug shell's image. */
  image: string;
}

/** What a terminal view remembers (its workspace props): survives pop-out as JSON. */
export interface TerminalViewProps {
  engineId: string;
  containerId: string;
  containerName: string;
  options: TerminalOptions;
}

export const defaultTerminalOptions = (mode: ExecSessionMode = 'shell'): TerminalOptions => ({
  mode,
  shell: '',
  user: '',
  workdir: '',
  env: [],
  image: DEFAULT_DEBUG_IMAGE,
});

export function sessionRequest(
  target: { engineId: string; containerId: string },
  options: TerminalOptions,
  size?: { cols: number; rows: number },
): ExecSessionRequest {
  const base = { engineId: target.engineId, id: target.containerId, ...(size ? { cols: size.cols, rows: size.rows } : {}) };
  switch (options.mode) {
    case 'attach':
      return { mode: 'attach', ...base };
    case 'debug':
      return { mode: 'debug', ...base, image: options.image.trim() || DEFAULT_DEBUG_IMAGE, shell: options.shell, env: options.env };
    default:
      return { mode: 'shell', ...base, shell: options.shell, user: options.user, workdir: options.workdir, env: options.env };
  }
}

export interface EnvParse {
  env: string[];
  /** One message per bad line, naming it. */
  errors: string[];
}

/** The form's environment box: one NAME=value per line; blank lines and # comments are skipped. */
export function parseEnvLines(text: string): EnvParse {
  const env: string[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(line)) env.push(line);
    else errors.push(`Line ${index + 1}: “${line.length > 40 ? `${line.slice(0, 40)}…` : line}” is not NAME=value.`);
  });
  return { env, errors };
}

export function validateOptions(options: TerminalOptions): Partial<Record<'user' | 'workdir' | 'image', string>> {
  const errors: Partial<Record<'user' | 'workdir' | 'image', string>> = {};
  if (options.mode === 'shell') {
    if (options.workdir.trim() && !options.workdir.trim().startsWith('/')) errors.workdir = 'Use an absolute path, e.g. /app.';
    if (/\s/.test(options.user.trim())) errors.user = 'A user has no spaces: name, uid, name:group or uid:gid.';
  }
  if (options.mode === 'debug' && !/^[a-zA-Z0-9][a-zA-Z0-9_.:/@-]*$/.test(options.image.trim() || DEFAULT_DEBUG_IMAGE)) {
    errors.image = 'Not an image reference.';
  }
  return errors;
}

const modeWords: Record<ExecSessionMode, string> = { shell: 'Shell', attach: 'Attach', debug: 'Debug shell' };

export function modeLabel(mode: ExecSessionMode): string {
  return modeWords[mode];
}

export function terminalTitle(containerName: string, mode: ExecSessionMode, ordinal = 1): string {
  return `${modeWords[mode]} · ${containerName}${ordinal > 1 ? ` (${ordinal})` : ''}`;
}

/** "/usr/bin/bash" → "bash"; keeps arguments: "/bin/zsh -l" → "zsh -l". */
export function shortCommand(command: string): string {
  const [program, ...rest] = command.trim().split(/\s+/);
  return [program.split('/').pop() ?? program, ...rest].join(' ');
}

/** One line about how a session ended, for the bar under the terminal. */
export function endSummary(end: Pick<Extract<ExecNotice, { kind: 'exited' }>, 'exitCode' | 'reason'>): string {
  if (end.exitCode === null) return end.reason ?? 'The session ended.';
  const code = `Exited with code ${end.exitCode}`;
  if (end.exitCode > 128 && end.exitCode < 160) return `${code} (signal ${end.exitCode - 128})`;
  return code;
}

export type EndTone = 'ok' | 'warn' | 'danger';

export function endTone(exitCode: number | null): EndTone {
  if (exitCode === null) return 'warn';
  return exitCode === 0 ? 'ok' : 'danger';
}

/** The toolbar's note after Ctrl+C skipped a flood's backlog: "Skipped 3.4 MB after Ctrl+C". */
export function skippedSummary(bytes: number): string {
  const size = bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `Skipped ${size} after Ctrl+C`;
}
