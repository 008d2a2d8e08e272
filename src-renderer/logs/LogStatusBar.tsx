// The line under the log: where the stream stands, how many lines are kept and shown, what arrived
// while paused, and the buffer size.
import { ArrowDownToLine, History } from 'lucide-react';
import { useSyncExternalStore } from 'react';
import type { LogSession } from './log-session';
import { describeStatus, formatCount, plural } from './logs.presentation';

const CAPACITIES = [10_000, 50_000, 100_000, 250_000, 500_000, 1_000_000];

interface LogStatusBarProps {
  session: LogSession;
  filtered: boolean;
  onResume(): void;
  onLoadEarlier(): void;
  onCapacity(capacity: number): void;
}

export function LogStatusBar({ session, filtered, onResume, onLoadEarlier, onCapacity }: LogStatusBarProps) {
  const { buffer, index } = session;
  // Renders when what it shows changes, not with every batch of lines (a full buffer's count stays put).
  useSyncExternalStore(session.subscribe, () =>
    [
      session.status,
      session.options.follow,
      session.paused,
      session.earlier,
      session.statusMessage ?? '',
      buffer.size,
      buffer.capacity,
      buffer.droppedNewest > 0,
      filtered && index.visibleCount,
      session.paused && session.arrivedWhilePaused,
    ].join('|'),
  );
  const status = describeStatus(session.status, session.options.follow, session.paused);
  const earlierLabel =
    session.earlier === 'loading' ? 'Loading earlier…' : session.earlier === 'start-reached' ? 'Start of the log' : 'Load earlier';
  return (
    <div className="logs-status" aria-label="Log status">
      <span className={status.tone === 'neutral' ? 'badge' : `badge badge-${status.tone}`}>
        {status.label}
      </span>
      <span className="logs-status-message">
        {plural(buffer.size, 'line')}
        {filtered && ` · ${formatCount(index.visibleCount)} shown`}
        {session.paused && session.arrivedWhilePaused > 0 && ` · ${plural(session.arrivedWhilePaused, 'new line')} since pausing`}
        {session.statusMessage && ` · ${session.statusMessage}`}
      </span>
      {session.paused && (
        <button type="button" className="btn btn-primary" onClick={onResume}>
          <ArrowDownToLine />
          {session.buffer.droppedNewest > 0 ? 'Jump to latest' : 'Resume'}
        </button>
      )}
      <span className="spacer" />
      <button
        type="button"
        className="btn btn-ghost"
        onClick={onLoadEarlier}
        disabled={session.earlier === 'loading' || session.earlier === 'start-reached' || buffer.size === 0}
        title="Page in older lines from the engine"
      >
        <History />
        {earlierLabel}
      </button>
      <label className="logs-field">
        Keep
        <select
          className="select"
          aria-label="Lines to keep"
          value={buffer.capacity}
          onChange={(e) => onCapacity(Number(e.target.value))}
        >
          {CAPACITIES.map((n) => (
            <option key={n} value={n}>
              {formatCount(n)}
            </option>
          ))}
        </select>
        lines
      </label>
    </div>
  );
}
