// Processes inside a running container (docker top), refreshed on demand.
import { RefreshCw, TriangleAlert } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import type { ContainerProcesses, ContainerSummary } from '../../../../src-main/shared/dto';
import { client, ClientError } from '../../../ipc/client';

type TopState = { status: 'loading' } | { status: 'ready'; top: ContainerProcesses } | { status: 'error'; message: string };

export function ProcessesTab({ container }: { container: ContainerSummary }) {
  const running = container.state === 'running';
  const [state, setState] = useState<TopState>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', top: await client.invoke('containers.top', { engineId: container.engineId, id: container.id }) });
    } catch (err) {
      setState({ status: 'error', message: err instanceof ClientError ? err.message : String(err) });
    }
  }, [container.engineId, container.id]);

  useEffect(() => {
    if (running) void load();
  }, [running, load]);

  if (!running) {
    return <p className="details-empty">Processes are listed only while the container is running.</p>;
  }
  return (
    <div className="details-tab-body">
      <div className="details-subtoolbar">
        <span className="muted">{state.status === 'ready' ? `${state.top.processes.length} processes` : ''}</span>
        <span className="spacer" />
        <button type="button" className="btn btn-compact" onClick={() => void load()} disabled={state.status === 'loading'}>
          <RefreshCw aria-hidden />
          Refresh
        </button>
      </div>
      {state.status === 'loading' && (
        <div className="details-loading" role="status">
          <span className="spinner" aria-hidden /> Listing processes…
        </div>
      )}
      {state.status === 'error' && (
        <div className="alert alert-error" role="alert">
          <TriangleAlert aria-hidden /> <span>Could not list processes: {state.message}</span>
        </div>
      )}
      {state.status === 'ready' && (
        <table className="kv-table proc-table" aria-label="Processes">
          <thead>
            <tr>
              {state.top.titles.map((t) => (
                <th key={t} scope="col">
                  {t}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {state.top.processes.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j} className="mono">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
