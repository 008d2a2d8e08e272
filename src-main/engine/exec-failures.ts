// The engine reports a process that could not start (missing binary, unknown user, bad working directory)
// not as an API error but as text on the exec's output and exit code 126/127. These turn that text into a
// sentence that names what the user typed and what to do about it.
import { BerthError } from '../shared/errors';

export interface ExecFailureContext {
  /** What was run, as the user would recognise it ("bash", "/bin/zsh -l"). */
  command: string;
  user?: string;
  workdir?: string;
}

export type ExecFailureKind = 'user' | 'command' | 'workdir' | 'start';

export interface ExecFailure {
  kind: ExecFailureKind;
  message: string;
  /** The engine's own words, for the details line. */
  detail: string;
}

const userMissing = /unable to find (user|group) ([^:]+): no matching entries/i;
const commandMissing = /exec: "?([^":]+)"?: (executable file not found|stat [^:]+: no such file or directory)/i;
const notExecutable = /exec: "?([^":]+)"?: permission denied/i;
const workdirMissing = /chdir to cwd \("?([^")]*)"?\)[^:]*failed/i;
const ociFailure = /OCI runtime exec failed|unable to start container process/i;

/** Classifies the output of an exec that ended with 126/127; undefined when it was the program's own exit. */
export function classifyExecFailure(output: string, exitCode: number | null, context: ExecFailureContext): ExecFailure | undefined {
  if (exitCode !== 126 && exitCode !== 127 && exitCode !== null) return undefined;
  const text = output.trim();
  const detail = text.split(/\r?\n/).find((line) => line.trim()) ?? text;
  let match = userMissing.exec(text);
  if (match) {
    const what = match[1].toLowerCase();
    return {
      kind: 'user',
      message: `There is no ${what} "${match[2]}" in this container (it is not in /etc/${what === 'user' ? 'passwd' : 'group'}). Leave the user empty for the image's default, or give a numeric uid.`,
      detail,
    };
  }
  match = workdirMissing.exec(text);
  if (match) {
    return {
      kind: 'workdir',
      message: `The working directory "${match[1] || context.workdir}" does not exist in this container.`,
      detail,
    };
  }
  match = commandMissing.exec(text);
  if (match) {
    return {
      kind: 'command',
      message: `"${match[1]}" does not exist in this container. Pick another shell, or open a debug shell if the image has none.`,
      detail,
    };
  }
  match = notExecutable.exec(text);
  if (match) {
    return { kind: 'command', message: `"${match[1]}" cannot be executed in this container (permission denied).`, detail };
  }
  if (ociFailure.test(text)) {
    return { kind: 'start', message: `"${context.command}" could not be started in this container.`, detail };
  }
  return undefined;
}

export function execFailureError(failure: ExecFailure): BerthError {
  return new BerthError(failure.kind === 'start' ? 'engine_error' : 'invalid_input', failure.message, failure.detail);
}
