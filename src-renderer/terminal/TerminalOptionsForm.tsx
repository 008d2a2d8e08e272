// The small start form: how to open the terminal (shell, attach, debug shell) and with what (shell, user,
// working directory, environment, debug image). Shells offered come from a probe of the container.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ExecProbe, ExecSessionMode } from '../../src-main/shared/contract/exec';
import { DEFAULT_DEBUG_IMAGE } from '../../src-main/shared/contract/exec';
import { client, ClientError } from '../ipc/client';
import { modeLabel, parseEnvLines, shortCommand, validateOptions, type TerminalOptions } from './terminal-options';

interface TerminalOptionsFormProps {
  engineId: string;
  containerId: string;
  initial: TerminalOptions;
  submitLabel: string;
  onSubmit(options: TerminalOptions): void;
  onCancel?(): void;
}

type ProbeState = { status: 'loading' } | { status: 'ready'; probe: ExecProbe } | { status: 'error'; message: string };

function useProbe(engineId: string, containerId: string): ProbeState {
  const [state, setState] = useState<ProbeState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    client.invoke('exec.probe', { engineId, id: containerId }).then(
      (probe) => live && setState({ status: 'ready', probe }),
      (err: unknown) => live && setState({ status: 'error', message: err instanceof ClientError ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [engineId, containerId]);
  return state;
}

const modes: ExecSessionMode[] = ['shell', 'attach', 'debug'];

export function TerminalOptionsForm({ engineId, containerId, initial, submitLabel, onSubmit, onCancel }: TerminalOptionsFormProps) {
  const id = useId();
  const probe = useProbe(engineId, containerId);
  const [mode, setMode] = useState<ExecSessionMode>(initial.mode);
  const [shell, setShell] = useState(initial.shell);
  const [user, setUser] = useState(initial.user);
  const [workdir, setWorkdir] = useState(initial.workdir);
  const [envText, setEnvText] = useState(initial.env.join('\n'));
  const [image, setImage] = useState(initial.image);
  const [submitted, setSubmitted] = useState(false);

  const env = parseEnvLines(envText);
  const options: TerminalOptions = { mode, shell: shell.trim(), user: user.trim(), workdir: workdir.trim(), env: env.env, image: image.trim() };
  const errors = validateOptions(options);
  const invalid = Object.keys(errors).length > 0 || (mode !== 'attach' && env.errors.length > 0);
  const ready = probe.status === 'ready' ? probe.probe : undefined;
  const noShell = ready?.running && ready.shells.length === 0;
  const listId = `${id}-shells`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!invalid) onSubmit(options);
  };

  return (
    <form className="terminal-options" aria-label="Terminal options" onSubmit={submit} noValidate>
      <div className="segmented terminal-mode" role="radiogroup" aria-label="Open as">
        {modes.map((m) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={mode === m}
            className="segmented-item terminal-mode-item"
            disabled={m === 'attach' && ready !== undefined && !ready.attachable}
            title={m === 'attach' && ready && !ready.attachable ? 'The main process has no terminal and reads no input' : undefined}
            onClick={() => setMode(m)}
          >
            {modeLabel(m)}
          </button>
        ))}
      </div>
      {mode === 'shell' && noShell && (
        <p className="terminal-options-hint alert alert-warn">This container has no shell. A debug shell brings its own.</p>
      )}
      {mode === 'attach' && (
        <p className="terminal-options-hint muted">
          Connects to the container’s main process. Detach with Ctrl+P then Ctrl+Q (or close the tab); the container keeps running.
        </p>
      )}
      {mode === 'debug' && (
        <p className="terminal-options-hint muted">
          Starts a throwaway container from a local image that shares this container’s processes and network; its files are under
          /proc/1/root. Removed when the session ends.
        </p>
      )}
      <div className="terminal-options-grid">
        {mode !== 'attach' && (
          <div className="field">
            <label htmlFor={`${id}-shell`}>Shell</label>
            <input
              id={`${id}-shell`}
              className="input"
              list={listId}
              value={shell}
              placeholder={ready?.detected && mode === 'shell' ? `Detect (${shortCommand(ready.detected)})` : 'Detect (bash, sh, ash)'}
              onChange={(e) => setShell(e.target.value)}
              spellCheck={false}
              autoComplete="off"
            />
            <datalist id={listId}>{mode === 'shell' && ready?.shells.map((s) => <option key={s} value={s} />)}</datalist>
          </div>
        )}
        {mode === 'shell' && (
          <>
            <div className="field">
              <label htmlFor={`${id}-user`}>User</label>
              <input
                id={`${id}-user`}
                className="input"
                value={user}
                placeholder="Image default"
                aria-invalid={submitted && !!errors.user}
                aria-describedby={errors.user ? `${id}-user-error` : undefined}
                onChange={(e) => setUser(e.target.value)}
                spellCheck={false}
                autoComplete="off"
              />
              {submitted && errors.user && (
                <span id={`${id}-user-error`} className="field-error">
                  {errors.user}
                </span>
              )}
            </div>
            <div className="field">
              <label htmlFor={`${id}-workdir`}>Working directory</label>
              <input
                id={`${id}-workdir`}
                className="input"
                value={workdir}
                placeholder="Image default"
                aria-invalid={submitted && !!errors.workdir}
                aria-describedby={errors.workdir ? `${id}-workdir-error` : undefined}
                onChange={(e) => setWorkdir(e.target.value)}
                spellCheck={false}
                autoComplete="off"
              />
              {submitted && errors.workdir && (
                <span id={`${id}-workdir-error`} className="field-error">
                  {errors.workdir}
                </span>
              )}
            </div>
          </>
        )}
        {mode === 'debug' && (
          <div className="field">
            <label htmlFor={`${id}-image`}>Debug image</label>
            <input
              id={`${id}-image`}
              className="input"
              value={image}
              placeholder={DEFAULT_DEBUG_IMAGE}
              aria-invalid={submitted && !!errors.image}
              onChange={(e) => setImage(e.target.value)}
              spellCheck={false}
              autoComplete="off"
            />
            {submitted && errors.image && <span className="field-error">{errors.image}</span>}
          </div>
        )}
        {mode !== 'attach' && (
          <div className="field terminal-options-env">
            <label htmlFor={`${id}-env`}>Environment</label>
            <textarea
              id={`${id}-env`}
              className="textarea"
              rows={2}
              value={envText}
              placeholder="NAME=value, one per line"
              aria-invalid={submitted && env.errors.length > 0}
              onChange={(e) => setEnvText(e.target.value)}
              spellCheck={false}
            />
            {submitted && env.errors.map((message) => (
              <span key={message} className="field-error">
                {message}
              </span>
            ))}
          </div>
        )}
      </div>
      {probe.status === 'error' && <p className="field-error">Could not look inside the container: {probe.message}</p>}
      <div className="terminal-options-actions">
        {onCancel && (
          <button type="button" className="btn btn-compact" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="btn btn-compact btn-primary">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
