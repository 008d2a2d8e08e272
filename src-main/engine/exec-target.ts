// The container a terminal opens into: one inspect, and a clear refusal when it cannot take a terminal.
import type Dockerode from 'dockerode';
import { BerthError } from '../shared/errors';
import { engineCall } from './engine-errors';

export interface TerminalTarget {
  id: string;
  name: string;
  state: string;
  running: boolean;
  paused: boolean;
  tty: boolean;
  openStdin: boolean;
  /** The container's own command line, for the attach banner. */
  command: string;
  /** The user the image runs as ('' = root). */
  user: string;
  exitCode?: number;
}

export async function inspectTarget(docker: Dockerode, id: string): Promise<TerminalTarget> {
  const info = await engineCall(() => docker.getContainer(id).inspect());
  const state = info.State ?? ({} as Dockerode.ContainerInspectInfo['State']);
  const command = [...(info.Config?.Entrypoint ? [info.Config.Entrypoint].flat() : []), ...(info.Config?.Cmd ?? [])].join(' ');
  return {
    id: info.Id,
    name: info.Name.replace(/^\//, ''),
    state: state.Status ?? 'unknown',
    running: !!state.Running && !state.Paused,
    paused: !!state.Paused,
    tty: !!info.Config?.Tty,
    openStdin: !!info.Config?.OpenStdin,
    command: command || info.Path,
    user: info.Config?.User ?? '',
    exitCode: state.Running ? undefined : state.ExitCode,
  };
}

/** Refuses, in words, a container that cannot take a terminal right now. */
export function requireRunning(target: TerminalTarget): void {
  if (target.paused) {
    throw new BerthError('conflict', `The container "${target.name}" is paused. Unpause it to open a terminal.`);
  }
  if (!target.running) {
    const how = target.state === 'exited' ? `exited with code ${target.exitCode ?? '?'}` : target.state;
    throw new BerthError('conflict', `The container "${target.name}" is not running (${how}). Start it to open a terminal.`);
  }
}
