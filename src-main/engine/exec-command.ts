// The one-off command mode and the start form's probe: what a terminal into this container can do.
import { randomUUID } from 'node:crypto';
import type Dockerode from 'dockerode';
import type { ExecProbe, ExecRunResult } from '../shared/contract/exec';
import { BerthError } from '../shared/errors';
import { classifyExecFailure, execFailureError } from './exec-failures';
import { runOneOff } from './exec-oneoff';
import { listShells, PREFERRED_SHELLS, splitCommandLine } from './exec-shell';
import { inspectTarget, requireRunning } from './exec-target';
import { SESSION_MARKER_VAR, signalSessionProcesses } from './exec-terminate';

export interface RunCommandOptions {
  command: string;
  user?: string;
  workdir?: string;
  env?: string[];
  timeoutMs: number;
}

/** Runs a command line to its end: through the container's sh, or split on spaces when it has none. */
export async function runCommand(docker: Dockerode, containerId: string, options: RunCommandOptions): Promise<ExecRunResult> {
  const target = await inspectTarget(docker, containerId);
  requireRunning(target);
  // Marked like a terminal session, so a command that overstays its timeout can be found and ended.
  const marker = randomUUID();
  const env = [...(options.env ?? []), `${SESSION_MARKER_VAR}=${marker}`];
  const base = { user: options.user, workdir: options.workdir, env, timeoutMs: options.timeoutMs };
  const context = { command: options.command, user: options.user, workdir: options.workdir };
  let result = await runOneOff(docker, target.id, { ...base, cmd: ['/bin/sh', '-c', options.command] });
  let failure = classifyExecFailure(result.stdout + result.stderr, result.exitCode, { ...context, command: '/bin/sh' });
  if (failure?.kind === 'command') {
    result = await runOneOff(docker, target.id, { ...base, cmd: splitCommandLine(options.command) });
    failure = classifyExecFailure(result.stdout + result.stderr, result.exitCode, context);
  }
  if (failure) throw execFailureError(failure);
  if (result.timedOut) {
    await signalSessionProcesses(docker, target.id, marker, 'KILL', options.user);
    throw new BerthError('engine_error', `The command did not finish within ${Math.round(options.timeoutMs / 1000)} s.`);
  }
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, truncated: result.truncated };
}

export async function probeContainer(docker: Dockerode, containerId: string, user?: string): Promise<ExecProbe> {
  const target = await inspectTarget(docker, containerId);
  const base = {
    running: target.running,
    paused: target.paused,
    state: target.state,
    attachable: target.tty || target.openStdin,
    tty: target.tty,
  };
  if (!target.running) return { ...base, shells: [] };
  const shells = await listShells(docker, target.id, { user });
  const detected = shells.find((path) => PREFERRED_SHELLS.includes(path.split('/').pop() ?? ''));
  return { ...base, shells, ...(detected ? { detected } : {}) };
}
