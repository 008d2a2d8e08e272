// Export: the whole log, straight from the engine to a file on the machine Berth runs on (not just the
// lines this view keeps), with progress. The path is typed (a browser page cannot show the desktop's
// save dialog); it starts as a free name in ~/Downloads, or the temp folder when there is none.
import { CheckCircle2, Download } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import type { LogSourceInfo } from '../../src-main/shared/contract/logs';
import { client, type StreamHandle } from '../ipc/client';
import { Dialog } from '../ui/Dialog';
import { formatBytes } from './logs.presentation';

interface ExportDialogProps {
  engineId: string;
  sources: LogSourceInfo[];
  timestamps: boolean;
  onClose(): void;
}

type Phase = { t: 'form' } | { t: 'running'; bytes: number } | { t: 'done'; path: string; bytes: number };

export function ExportDialog({ engineId, sources, timestamps: initialTimestamps, onClose }: ExportDialogProps) {
  const [sourceIndex, setSourceIndex] = useState(0);
  const [path, setPath] = useState('');
  const [timestamps, setTimestamps] = useState(initialTimestamps);
  const [streams, setStreams] = useState<'both' | 'stdout' | 'stderr'>('both');
  const [overwrite, setOverwrite] = useState(false);
  const [phase, setPhase] = useState<Phase>({ t: 'form' });
  const [error, setError] = useState<string>();
  const handle = useRef<StreamHandle | undefined>(undefined);
  const ids = { path: useId(), source: useId(), error: useId() };
  const source = sources[sourceIndex];

  useEffect(() => {
    if (!source) return;
    let cancelled = false;
    client
      .invoke('logs.exportSuggestion', { engineId, id: source.id })
      .then((suggestion) => !cancelled && setPath(suggestion.path))
      .catch((err: Error) => !cancelled && setError(err.message));
    return () => {
      cancelled = true;
    };
  }, [engineId, source]);

  useEffect(() => () => handle.current?.close(), []);

  const start = () => {
    if (!source) return;
    setError(undefined);
    setPhase({ t: 'running', bytes: 0 });
    const stream = client.openStream(
      'logs.export',
      { engineId, id: source.id, path: path.trim(), overwrite, timestamps, streams },
      {
        onData: (chunks, bytes) => {
          for (const chunk of chunks) {
            if (chunk.t === 'progress') setPhase({ t: 'running', bytes: chunk.bytes });
            else setPhase({ t: 'done', path: chunk.path, bytes: chunk.bytes });
          }
          stream.ack(bytes);
        },
        onEnd: (err) => {
          handle.current = undefined;
          if (err) {
            setError(err.message);
            setPhase({ t: 'form' });
          }
        },
      },
    );
    handle.current = stream;
    stream.opened.catch((err: Error) => {
      handle.current = undefined;
      setError(err.message);
      setPhase({ t: 'form' });
    });
  };

  const cancel = () => {
    handle.current?.close();
    handle.current = undefined;
    setPhase({ t: 'form' });
  };

  const running = phase.t === 'running';
  const footer =
    phase.t === 'done' ? (
      <button type="button" className="btn btn-primary" onClick={onClose}>
        Close
      </button>
    ) : (
      <>
        {running ? (
          <button type="button" className="btn" onClick={cancel}>
            Stop
          </button>
        ) : (
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
        )}
        <button type="submit" form="logs-export-form" className="btn btn-primary" disabled={running || !path.trim() || !source}>
          {running ? <span className="spinner spinner-xs spinner-on-accent" /> : <Download />}
          Save log
        </button>
      </>
    );

  return (
    <Dialog title="Export log" onClose={running ? cancel : onClose} footer={footer} width={560}>
      {phase.t === 'done' ? (
        <div className="alert alert-info" role="status">
          <CheckCircle2 />
          <span>
            Saved {formatBytes(phase.bytes)} to <code className="selectable">{phase.path}</code>
          </span>
        </div>
      ) : (
        <form
          id="logs-export-form"
          className="dialog-body"
          style={{ padding: 0 }}
          onSubmit={(e) => {
            e.preventDefault();
            start();
          }}
        >
          <p className="muted" style={{ margin: 0 }}>
            Saves the container’s whole log from the engine — every line, not only those this view keeps — exactly as{' '}
            <code>docker logs</code> prints it.
          </p>
          {sources.length > 1 && (
            <div className="field">
              <label htmlFor={ids.source}>Container</label>
              <select id={ids.source} className="select" value={sourceIndex} onChange={(e) => setSourceIndex(Number(e.target.value))} disabled={running}>
                {sources.map((s) => (
                  <option key={s.id} value={s.index}>
                    {s.label === s.name ? s.name : `${s.label} (${s.name})`}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor={ids.path}>Save to (a full path on the machine running Berth)</label>
            <input
              id={ids.path}
              className="input mono"
              value={path}
              onChange={(e) => {
                setPath(e.target.value);
                setError(undefined);
              }}
              aria-invalid={!!error}
              aria-describedby={error ? ids.error : undefined}
              disabled={running}
              spellCheck={false}
            />
          </div>
          <div className="logs-export-options">
            <label className="checkbox">
              <input type="checkbox" checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} disabled={running} />
              Timestamps
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} disabled={running} />
              Replace an existing file
            </label>
            <label className="checkbox">
              Streams
              <select className="select" value={streams} onChange={(e) => setStreams(e.target.value as typeof streams)} disabled={running} aria-label="Streams">
                <option value="both">stdout and stderr</option>
                <option value="stdout">stdout only</option>
                <option value="stderr">stderr only</option>
              </select>
            </label>
          </div>
          {running && (
            <div className="logs-export-progress" role="status">
              <span className="spinner spinner-xs" />
              Writing… {formatBytes(phase.bytes)} so far
            </div>
          )}
          {error && (
            <div id={ids.error} className="alert alert-error" role="alert">
              {error}
            </div>
          )}
        </form>
      )}
    </Dialog>
  );
}
