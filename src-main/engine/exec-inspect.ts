// Reading an exec's end state. The engine marks an exec stopped a moment after its output stream ends,
// so the exit code is polled briefly instead of read once.
import type Dockerode from 'dockerode';

export interface ExecState {
  running: boolean;
  exitCode: number | null;
  /** Host pid of the exec's process (0 once it ended). */
  pid: number;
}

export async function inspectExec(exec: Dockerode.Exec): Promise<ExecState | undefined> {
  try {
    const info = await exec.inspect();
    return { running: !!info.Running, exitCode: info.Running ? null : (info.ExitCode ?? null), pid: info.Pid ?? 0 };
  } catch {
    // The exec is gone with its container (removed, or the engine went away).
    return undefined;
  }
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until the exec is no longer running (or the wait runs out); its exit code, or null if unknown. */
export async function waitForExecExit(exec: Dockerode.Exec, timeoutMs = 2000): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    const state = await inspectExec(exec);
    if (!state) return null;
    if (!state.running) return state.exitCode;
    if (Date.now() >= deadline) return null;
    await delay(wait);
  }
}

/** Polls until the exec stops; false if it is still running when the wait runs out. */
export async function execStopped(exec: Dockerode.Exec, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 10; ; wait = Math.min(wait * 2, 100)) {
    const state = await inspectExec(exec);
    if (!state || !state.running) return true;
    if (Date.now() >= deadline) return false;
    await delay(wait);
  }
}
