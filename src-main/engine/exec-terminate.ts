// Ending a terminal session's processes. Closing the hijacked socket does not end an exec: the shell keeps
// running inside the container (moby/moby#9098). Every session's processes carry an environment marker
// (inherited by everything started from the shell), so a second exec can find and signal them — like a
// terminal hangup: SIGHUP first, then SIGKILL for what survived (except processes that chose to ignore
// SIGHUP, e.g. under nohup — unless it is the session's shell itself).
import type Dockerode from 'dockerode';
import { execStopped } from './exec-inspect';
import { runOneOff } from './exec-oneoff';

export const SESSION_MARKER_VAR = 'BERTH_SESSION';

// $1 marker ("BERTH_SESSION=…"), $2 signal. Runs as the session's own user: without CAP_SYS_PTRACE (not
// in Docker's default set) even root cannot read the environ of another user's process.
const signalScript = `
m="$1"; sig="$2"; found=0
for d in /proc/[0-9]*; do
  p=\${d#/proc/}
  [ "$p" = "$$" ] && continue
  { tr '\\0' '\\n' < "$d/environ"; } 2>/dev/null | grep -qxF "$m" || continue
  if [ "$sig" = KILL ]; then
    ppid=$(sed -n 's/^PPid:[[:space:]]*//p' "$d/status" 2>/dev/null)
    ign=$(sed -n 's/^SigIgn:[[:space:]]*//p' "$d/status" 2>/dev/null)
    case "$ppid:$ign" in 0:*) ;; *[13579bdfBDF]) continue;; esac
  fi
  kill -"$sig" "$p" 2>/dev/null && found=1
done
echo "$found"
`;

/** Signals every process of a session inside the container. False when the container has no tools for it. */
export async function signalSessionProcesses(
  docker: Dockerode,
  containerId: string,
  sessionMarker: string,
  signal: 'HUP' | 'KILL',
  user?: string,
): Promise<boolean> {
  try {
    const result = await runOneOff(docker, containerId, {
      cmd: ['sh', '-c', signalScript, 'berth-hangup', `${SESSION_MARKER_VAR}=${sessionMarker}`, signal],
      user,
      timeoutMs: 5000,
    });
    return result.exitCode === 0;
  } catch {
    return false; // the container stopped or went away: its processes went with it
  }
}

/** Makes sure a session's exec is no longer running: hang up, then kill. True when it ended. */
export async function endSessionProcesses(
  docker: Dockerode,
  containerId: string,
  exec: Dockerode.Exec,
  sessionMarker: string,
  user?: string,
): Promise<boolean> {
  if (await execStopped(exec, 0)) return true;
  await signalSessionProcesses(docker, containerId, sessionMarker, 'HUP', user);
  if (await execStopped(exec, 1000)) return true;
  await signalSessionProcesses(docker, containerId, sessionMarker, 'KILL', user);
  return execStopped(exec, 2000);
}
