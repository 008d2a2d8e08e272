// The bottom line: the selected engine's connection state (with a retry countdown and "Retry now"),
// its versions, and container counts from the store.
import { RefreshCw } from 'lucide-react';
import { useBerth } from '../../store';
import { useNow } from '../useNow';
import { reconnectEngine } from './engine-actions';
import { engineStateText, engineVersionText } from './engine-status';

function useContainerCounts(engineId: string | undefined): { running: number; total: number } | undefined {
  const entry = useBerth((s) => (engineId ? s.containers[engineId] : undefined));
  if (!entry || entry.load !== 'ready') return undefined;
  const all = Object.values(entry.byId);
  return { running: all.filter((c) => c.state === 'running').length, total: all.length };
}

function Countdown({ render }: { render: (now: number) => string }) {
  const now = useNow(1000);
  return <>{render(now)}</>;
}

export function StatusBar() {
  const engineId = useBerth((s) => s.selectedEngineId);
  const engine = useBerth((s) => (engineId ? s.engines[engineId] : undefined));
  const counts = useContainerCounts(engineId);
  const bridgeConnected = useBerth((s) => s.bridgeConnected);

  return (
    <footer className="statusbar" aria-label="Status bar">
      {!bridgeConnected && engine ? (
        <span className="statusbar-item">
          <span className="status-dot status-dot-connecting" aria-hidden />
          <span className="statusbar-engine">{engine.name}</span>
          <span role="status" aria-label="Engine state">
            Unknown — reconnecting to Berth…
          </span>
        </span>
      ) : engine ? (
        <>
          <span className="statusbar-item" title={engine.lastError ?? engine.endpoint}>
            <span className={`status-dot status-dot-${engine.state}`} aria-hidden />
            <span className="statusbar-engine">{engine.name}</span>
            <span role="status" aria-label="Engine state">
              {engine.state === 'disconnected' ? (
                <Countdown render={(now) => engineStateText(engine, now)} />
              ) : (
                engineStateText(engine, 0)
              )}
            </span>
          </span>
          {engine.state === 'disconnected' && (
            <button type="button" className="statusbar-button" onClick={() => void reconnectEngine(engine.engineId)}>
              <RefreshCw aria-hidden />
              Retry now
            </button>
          )}
          {engine.state === 'connected' && engineVersionText(engine) && (
            <span className="statusbar-item statusbar-muted">{engineVersionText(engine)}</span>
          )}
          <span className="statusbar-item statusbar-muted statusbar-endpoint">{engine.endpoint}</span>
        </>
      ) : (
        <span className="statusbar-item statusbar-muted">No engine</span>
      )}
      <span className="spacer" />
      {counts && (
        <span className="statusbar-item" aria-label="Container counts">
          <span>
            <strong>{counts.running}</strong> running · <strong>{counts.total}</strong> {counts.total === 1 ? 'container' : 'containers'}
          </span>
        </span>
      )}
    </footer>
  );
}
