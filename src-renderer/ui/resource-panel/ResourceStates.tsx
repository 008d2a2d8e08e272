// What a resource panel (Containers, Images, …) shows instead of rows: engine disconnected or
// connecting, list loading or failed, or a filter that matches nothing. One look and one wording for
// every panel; each panel keeps only its own "nothing here yet" state.
import { RefreshCw, SearchX, Unplug } from 'lucide-react';
import type { EngineStatus } from '../../../src-main/shared/dto';
import { reconnectEngine } from '../shell/engine-actions';
import { secondsUntil } from '../shell/engine-status';
import { useNow } from '../useNow';

function RetryCountdown({ nextRetryAt }: { nextRetryAt?: number }) {
  const now = useNow(1000);
  const seconds = secondsUntil(nextRetryAt, now);
  if (seconds === undefined) return null;
  return <p>{seconds === 0 ? 'Retrying now…' : `Berth retries on its own in ${seconds} s.`}</p>;
}

/** `noun` is the plural the panel lists, capitalised ("Containers", "Images"). */
export function EngineDisconnected({ engine, noun }: { engine: EngineStatus; noun: string }) {
  return (
    <div className="empty-state" role="region" aria-label="Engine disconnected">
      <Unplug aria-hidden />
      <h2>{engine.name} is disconnected</h2>
      <p>
        Berth cannot reach the Docker engine at <code>{engine.endpoint}</code>. {noun} show again as soon as it answers.
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

/** `noun` in lower case, plural ("containers"). */
export function LoadFailed({ noun, message, onRetry }: { noun: string; message?: string; onRetry(): void }) {
  return (
    <div className="empty-state" role="region" aria-label={`${capitalise(noun)} could not be listed`}>
      <Unplug aria-hidden />
      <h2>Could not list {noun}</h2>
      {message && <p className="empty-state-error">{message}</p>}
      <button type="button" className="btn" onClick={onRetry}>
        <RefreshCw aria-hidden />
        Try again
      </button>
    </div>
  );
}

/** `noun` in lower case, plural; `looksAt` says what the filter matches, so a miss can be understood. */
export function NoMatches({ noun, filter, looksAt, onClear }: { noun: string; filter: string; looksAt: string; onClear(): void }) {
  return (
    <div className="empty-state" role="region" aria-label={`No matching ${noun}`}>
      <SearchX aria-hidden />
      <h2>
        No {noun} match “{filter}”
      </h2>
      <p>The filter looks at {looksAt}.</p>
      <button type="button" className="btn" onClick={onClear}>
        Clear filter
      </button>
    </div>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
