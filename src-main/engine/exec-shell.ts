// Which shell a terminal runs: the user's pick, else bash, then sh, then ash. Found by one quick,
// non-interactive exec that searches $PATH as the session's user (so an unknown user or working directory
// fails here, with a clear message, instead of inside a half-open terminal).
import type Dockerode from 'dockerode';
import { BerthError } from '../shared/errors';
import { classifyExecFailure, execFailureError } from './exec-failures';
import { runOneOff } from './exec-oneoff';

/** Tried in this order when the user leaves the shell empty. */
export const PREFERRED_SHELLS = ['bash', 'sh', 'ash'];
/** Also offered in the start form when present. */
const OTHER_SHELLS = ['zsh', 'dash', 'fish', 'ksh'];

// Prints the absolute path of each named program found (executable by this user), one per line.
const findScript = `
find_exe() {
  case "$1" in
    /*) [ -f "$1" ] && [ -x "$1" ] && echo "$1"; return ;;
  esac
  old_ifs="$IFS"; IFS=:
  for d in \${PATH:-/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin}; do
    if [ -f "$d/$1" ] && [ -x "$d/$1" ]; then IFS="$old_ifs"; echo "$d/$1"; return; fi
  done
  IFS="$old_ifs"
}
for s in "$@"; do find_exe "$s"; done
exit 0
`;

export interface ShellQuery {
  user?: string;
  workdir?: string;
}

/** Splits a command line such as "/bin/bash -l" into argv (no quoting: shells rarely need it). */
export function splitCommandLine(commandLine: string): string[] {
  return commandLine.trim().split(/\s+/).filter(Boolean);
}

/** Absolute paths of the named programs that exist, in the order asked; [] when the container has no sh. */
async function findPrograms(docker: Dockerode, containerId: string, names: string[], query: ShellQuery): Promise<string[] | undefined> {
  const result = await runOneOff(docker, containerId, {
    cmd: ['/bin/sh', '-c', findScript, 'berth-find-shell', ...names],
    user: query.user,
    workdir: query.workdir,
    timeoutMs: 10_000,
  });
  if (result.exitCode === 0) return [...new Set(result.stdout.split('\n').map((l) => l.trim()).filter(Boolean))];
  const failure = classifyExecFailure(result.stdout + result.stderr, result.exitCode, { command: '/bin/sh', ...query });
  if (failure && failure.kind !== 'command') throw execFailureError(failure);
  if (failure?.kind === 'command') return undefined; // no /bin/sh: the caller probes directly
  throw new BerthError('engine_error', 'Could not look for a shell in this container.', (result.stderr || result.stdout).trim());
}

/** Without /bin/sh nothing can search $PATH for us: start each candidate and see whether it runs. */
async function probeDirectly(docker: Dockerode, containerId: string, names: string[], query: ShellQuery): Promise<string[]> {
  const found: string[] = [];
  for (const name of names) {
    const result = await runOneOff(docker, containerId, { cmd: [name, '-c', 'exit 0'], ...query, timeoutMs: 5000 });
    const failure = classifyExecFailure(result.stdout + result.stderr, result.exitCode, { command: name, ...query });
    if (failure && failure.kind !== 'command') throw execFailureError(failure);
    if (!failure && result.exitCode === 0) found.push(name);
  }
  return found;
}

/** Every shell in the container this user can run, preferred ones first. */
export async function listShells(docker: Dockerode, containerId: string, query: ShellQuery = {}): Promise<string[]> {
  const names = [...PREFERRED_SHELLS, ...OTHER_SHELLS];
  return (await findPrograms(docker, containerId, names, query)) ?? probeDirectly(docker, containerId, PREFERRED_SHELLS, query);
}

/** The argv a shell session runs: the user's pick checked to exist, or the first preferred shell found. */
export async function resolveShell(
  docker: Dockerode,
  containerId: string,
  wanted: string | undefined,
  query: ShellQuery = {},
): Promise<string[]> {
  if (wanted) {
    const argv = splitCommandLine(wanted);
    const found = (await findPrograms(docker, containerId, [argv[0]], query)) ?? (await probeDirectly(docker, containerId, [argv[0]], query));
    if (found.length === 0) {
      throw new BerthError('invalid_input', `The shell "${argv[0]}" does not exist in this container${query.user ? ` for user "${query.user}"` : ''}.`);
    }
    return [found[0], ...argv.slice(1)];
  }
  const found =
    (await findPrograms(docker, containerId, PREFERRED_SHELLS, query)) ??
    (await probeDirectly(docker, containerId, PREFERRED_SHELLS, query));
  if (found.length === 0) {
    throw new BerthError(
      'not_found',
      'This container has no shell (looked for bash, sh and ash). Open a debug shell instead: it brings its own tools and sees this container’s processes and files.',
    );
  }
  return [found[0]];
}
