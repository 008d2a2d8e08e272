// The options of `docker logs`: tail, since, until and follow reopen the stream (Apply, or Enter);
// timestamps, wrap and the stdout/stderr filters change the view at once. Bad values are named beside
// their field and nothing is reopened.
import { Clock, Play, WrapText } from 'lucide-react';
import { memo, useEffect, useId, useState, type FormEvent } from 'react';
import { parseLogTimeRange } from '../../src-main/shared/log-time';
import type { LogOpenOptions } from './log-session';
import { formatTail, parseTailInput } from './logs.presentation';

export interface StreamFilter {
  stdout: boolean;
  stderr: boolean;
}

interface LogOptionsBarProps {
  options: LogOpenOptions;
  onApply(options: LogOpenOptions): void;
  timestamps: boolean;
  onTimestamps(value: boolean): void;
  wrap: boolean;
  onWrap(value: boolean): void;
  streams: StreamFilter;
  onStreams(value: StreamFilter): void;
  /** TTY containers have one stream: the stdout/stderr filter means nothing there. */
  showStreamFilter: boolean;
}

interface Draft {
  tail: string;
  since: string;
  until: string;
  follow: boolean;
}

const toDraft = (options: LogOpenOptions): Draft => ({
  tail: formatTail(options.tail),
  since: options.since,
  until: options.until,
  follow: options.follow,
});

export const LogOptionsBar = memo(function LogOptionsBar(props: LogOptionsBarProps) {
  const { options, onApply, timestamps, onTimestamps, wrap, onWrap, streams, onStreams, showStreamFilter } = props;
  const [draft, setDraft] = useState<Draft>(() => toDraft(options));
  const [errors, setErrors] = useState<Partial<Record<'tail' | 'since' | 'until', string>>>({});
  const ids = { tail: useId(), since: useId(), until: useId(), error: useId() };

  useEffect(() => setDraft(toDraft(options)), [options]);

  const dirty =
    draft.tail !== formatTail(options.tail) || draft.since !== options.since || draft.until !== options.until || draft.follow !== options.follow;

  const apply = (event?: FormEvent) => {
    event?.preventDefault();
    const next: typeof errors = {};
    const tail = parseTailInput(draft.tail);
    if (!tail.ok) next.tail = tail.error;
    const range = parseLogTimeRange(draft.since, draft.until);
    if (!range.ok) next[range.field] = range.error;
    setErrors(next);
    if (!tail.ok || !range.ok) return;
    onApply({ tail: tail.tail, since: draft.since.trim(), until: draft.until.trim(), follow: draft.follow });
  };

  const update = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setErrors({});
  };

  const errorText = errors.tail ?? errors.since ?? errors.until;

  return (
    <form className="logs-bar" onSubmit={apply} aria-label="Log options">
      <label className="logs-field" htmlFor={ids.tail}>
        Tail
        <input
          id={ids.tail}
          className="input logs-tail"
          value={draft.tail}
          onChange={(e) => update({ tail: e.target.value })}
          aria-invalid={!!errors.tail}
          aria-describedby={errors.tail ? ids.error : undefined}
          title="Lines from the end to start with: a number, or “all”"
          spellCheck={false}
        />
      </label>
      <label className="logs-field" htmlFor={ids.since}>
        Since
        <input
          id={ids.since}
          className="input"
          value={draft.since}
          placeholder="e.g. 10m"
          onChange={(e) => update({ since: e.target.value })}
          aria-invalid={!!errors.since}
          aria-describedby={errors.since ? ids.error : undefined}
          title="A duration back from now (10m, 1h30m, 2d), a date (2024-05-01 10:00) or a Unix timestamp"
          spellCheck={false}
        />
      </label>
      <label className="logs-field" htmlFor={ids.until}>
        Until
        <input
          id={ids.until}
          className="input"
          value={draft.until}
          placeholder="e.g. 1h"
          onChange={(e) => update({ until: e.target.value })}
          aria-invalid={!!errors.until}
          aria-describedby={errors.until ? ids.error : undefined}
          title="A duration back from now (10m), a date (2024-05-01 10:00) or a Unix timestamp"
          spellCheck={false}
        />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={draft.follow} onChange={(e) => update({ follow: e.target.checked })} />
        Follow
      </label>
      <button type="submit" className={dirty ? 'btn btn-primary btn-compact' : 'btn btn-compact'} disabled={!dirty}>
        <Play />
        Apply
      </button>
      {errorText && (
        <span id={ids.error} className="logs-field-error" role="alert">
          {errorText}
        </span>
      )}
      <span className="spacer" />
      {showStreamFilter && (
        <>
          <button
            type="button"
            className="logs-toggle logs-stream-toggle mono"
            data-stream="o"
            aria-pressed={streams.stdout}
            onClick={() => onStreams({ ...streams, stdout: !streams.stdout })}
            title="Show stdout lines"
          >
            stdout
          </button>
          <button
            type="button"
            className="logs-toggle logs-stream-toggle mono"
            data-stream="e"
            aria-pressed={streams.stderr}
            onClick={() => onStreams({ ...streams, stderr: !streams.stderr })}
            title="Show stderr lines"
          >
            stderr
          </button>
          <span className="logs-sep" />
        </>
      )}
      <button type="button" className="logs-toggle" aria-pressed={timestamps} onClick={() => onTimestamps(!timestamps)} title="Show timestamps">
        <Clock />
        Timestamps
      </button>
      <button type="button" className="logs-toggle" aria-pressed={wrap} onClick={() => onWrap(!wrap)} title="Wrap long lines">
        <WrapText />
        Wrap
      </button>
    </form>
  );
});
