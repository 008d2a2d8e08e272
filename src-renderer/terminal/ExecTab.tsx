// The container details' "Exec" tab: open a terminal (shell, attach, debug shell) or run a one-off command
// and see its output and exit code.
import { Bug, Cable, Play, SquareTerminal, TriangleAlert } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import type { ExecRunResult } from '../../src-main/shared/contract/exec';
import type { ContainerSummary } from '../../src-main/shared/dto';
import { client, ClientError } from '../ipc/client';
import { openTerminal } from './open-terminal';
import { defaultTerminalOptions } from './terminal-options';
import './terminal.css';

type RunState =
  | { status: 'idle' }
  | { status: 'running'; command: string }
  | { status: 'done'; command: string; result: ExecRunResult }
  | { status: 'error'; command: string; message: string };

export function ExecTab({ container }: { container: ContainerSummary }) {
  const id = useId();
  const [command, setCommand] = useState('');
  const [run, setRun] = useState<RunState>({ status: 'idle' });
  const running = container.state === 'running';
  const target = { engineId: container.engineId, id: container.id, name: container.name };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const line = command.trim();
    if (!line || run.status === 'running') return;
    setRun({ status: 'running', command: line });
    try {
      const result = await client.invoke('exec.run', { engineId: container.engineId, id: container.id, command: line });
      setRun({ status: 'done', command: line, result });
    } catch (err) {
      setRun({ status: 'error', command: line, message: err instanceof ClientError ? err.message : String(err) });
    }
  };

  if (!running) {
    return <p className="details-empty">Terminals and commands need a running container.</p>;
  }

  return (
    <div className="details-tab-body exec-tab">
      <section aria-labelledby={`${id}-open`}>
        <h3 id={`${id}-open`} className="exec-heading">
          Open a terminal
        </h3>
        <div className="exec-open-buttons">
          <button type="button" className="btn btn-compact" onClick={() => openTerminal(target, defaultTerminalOptions('shell'))}>
            <SquareTerminal aria-hidden /> Shell
          </button>
          <button type="button" className="btn btn-compact" onClick={() => openTerminal(target, defaultTerminalOptions('attach'))}>
            <Cable aria-hidden /> Attach
          </button>
          <button type="button" className="btn btn-compact" onClick={() => openTerminal(target, defaultTerminalOptions('debug'))}>
            <Bug aria-hidden /> Debug shell
          </button>
        </div>
        <p className="muted exec-explain">
          Attach connects to the main process (detach with Ctrl+P, Ctrl+Q). A debug shell works even in images without a shell.
        </p>
      </section>
      <section aria-labelledby={`${id}-run`}>
        <h3 id={`${id}-run`} className="exec-heading">
          Run a command
        </h3>
        <form className="exec-run-form" onSubmit={(e) => void submit(e)}>
          <input
            className="input mono"
            aria-label="Command"
            placeholder="e.g. ls -la /app"
            value={command}
            onChange={(e) => setCommand(e.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
          <button type="submit" className="btn btn-compact btn-primary" disabled={!command.trim() || run.status === 'running'}>
            {run.status === 'running' ? <span className="spinner spinner-xs spinner-on-accent" aria-hidden /> : <Play aria-hidden />} Run
          </button>
        </form>
        {run.status === 'error' && (
          <div className="alert alert-error" role="alert">
            <TriangleAlert aria-hidden /> <span>{run.message}</span>
          </div>
        )}
        {run.status === 'done' && (
          <div className="exec-result" aria-label="Command output">
            <div className="exec-result-head">
              <span className="mono exec-result-command">$ {run.command}</span>
              <span className={`badge ${run.result.exitCode === 0 ? 'badge-ok' : 'badge-danger'}`} role="status">
                Exit code {run.result.exitCode ?? 'unknown'}
              </span>
            </div>
            <pre className="exec-output selectable">
              {run.result.stdout}
              {run.result.stderr && <span className="exec-stderr">{run.result.stderr}</span>}
              {!run.result.stdout && !run.result.stderr && <span className="faint">(no output)</span>}
            </pre>
            {run.result.truncated && <p className="muted">Output was cut at 1 MB per stream.</p>}
          </div>
        )}
      </section>
    </div>
  );
}
