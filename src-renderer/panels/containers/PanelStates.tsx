// What the panel shows instead of rows: engine disconnected or connecting, list loading or failed,
// no containers at all, or a filter that matches nothing.
import { Container, RefreshCw, SearchX, Unplug } from 'lucide-react';
import type { EngineStatus } from '../../../src-main/shared/dto';
import { client, ClientError } from '../../ipc/client';
import { useBerth } from '../../store';
import { reconnectEngine } from '../../ui/shell/engine-actions';
import { secondsUntil } from '../../ui/shell/engine-status';
import { useNow } from '../../ui/useNow';
import { useContainersView } from './view-store';

function RetryCountdown({ nextRetryAt }: { nextRetryAt?: number }) {
  const now = useNow(1000);
  const seconds = secondsUntil(nextRetryAt, now);
  if (seconds === undefined) return null;
  return <p>{seconds === 0 ? 'Retrying now…' : `Berth retries on its own in ${seconds} s.`}</p>;
}

export function EngineDisconnected({ engine }: { engine: EngineStatus }) {
  return (
    <div className="empty-state" role="region" aria-label="Engine disconnected">
      <Unplug aria-hidden />
      <h2>{engine.name} is disconnected</h2>
      <p>
        Berth cannot reach the Docker engine at <code>{engine.endpoint}</code>. Containers show again as soon as it answers.
      </p>
      {engine.lastError && <p className="empty-state-error">Last error: {engine.lastError}</p>}
      <RetryCountdown nextRetryAt={engine.nextRetryAt} />
      <button type="button" className="btn btn-primary" onClick={() => void reconnectEngine(engine.engineId)}>
        <RefreshCw aria-hidden />
        Retry now
      </button>
    </div>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <div className="empty-state" role="status" aria-label={label}>
      <span className="spinner spinner-lg" aria-hidden />
      <p>{label}</p>
    </div>
  );
}

async function reloadContainers(engineId: string): Promise<void> {
  const store = useBerth.getState();
  store.beginContainersLoad(engineId);
  try {
    store.applyContainersSnapshot(await client.invoke('containers.list', { engineId }));
  } catch (err) {
    store.failContainersLoad(engineId, err instanceof ClientError ? err.message : String(err));
  }
}

export function LoadFailed({ engineId, message }: { engineId: string; message?: string }) {
  return (
    <div className="empty-state" role="region" aria-label="Containers could not be listed">
      <Unplug aria-hidden />
      <h2>Could not list containers</h2>
      {message && <p className="empty-state-error">{message}</p>}
      <button type="button" className="btn" onClick={() => void reloadContainers(engineId)}>
        <RefreshCw aria-hidden />
        Try again
      </button>
    </div>
  );
}

export function NoContainers() {
  return (
    <div className="empty-state" role="region" aria-label="No containers">
      <Container aria-hidden />
      <h2>No containers yet</h2>
      <p>Containers you create on this engine appear here at once, running or stopped. Try:</p>
      <pre className="empty-state-hint">docker run -d --name hello -p 8080:80 nginx</pre>
    </div>
  );
}

export function NoMatches({ filter }: { filter: string }) {
  return (
    <div className="empty-state" role="region" aria-label="No matching containers">
      <SearchX aria-hidden />
      <h2>No containers match “{filter}”</h2>
      <p>The filter looks at names, images, ID prefixes, compose projects and states.</p>
      <button type="button" className="btn" onClick={() => useContainersView.getState().setFilter('')}>
        Clear filter
      </button>
    </div>
  );
}
