// Search (plain text or regex, case), previous/next with a count, "only matching lines", and the
// view's actions: pause/resume, copy, clear, export.
import { ChevronDown, ChevronUp, Copy, Download, Eraser, ListFilter, Pause, Play, Search, X } from 'lucide-react';
import { forwardRef, memo, useId, type KeyboardEvent } from 'react';
import type { LogQuery } from './log-search';

interface LogSearchBarProps {
  query: LogQuery;
  onQuery(query: LogQuery): void;
  error?: string;
  onlyMatches: boolean;
  onOnlyMatches(value: boolean): void;
  countText: string;
  onNext(): void;
  onPrevious(): void;
  hasMatches: boolean;
  paused: boolean;
  onPauseToggle(): void;
  onCopy(): void;
  onClear(): void;
  onExport?(): void;
}

export const LogSearchBar = memo(
  forwardRef<HTMLInputElement, LogSearchBarProps>(function LogSearchBar(props, inputRef) {
    const { query, onQuery, error, onlyMatches, onOnlyMatches, countText, onNext, onPrevious, hasMatches } = props;
    const errorId = useId();

    const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        if (event.shiftKey) onPrevious();
        else onNext();
      } else if (event.key === 'Escape' && query.text) {
        event.stopPropagation();
        onQuery({ ...query, text: '' });
      }
    };

    return (
      <div className="logs-bar logs-bar-search" role="search" aria-label="Search the log">
        <div className="filter-box logs-search">
          <Search className="filter-icon" aria-hidden />
          <input
            ref={inputRef}
            type="search"
            className="input filter-input"
            placeholder={query.regex ? 'Regular expression' : 'Search'}
            aria-label="Search log"
            value={query.text}
            onChange={(e) => onQuery({ ...query, text: e.target.value })}
            onKeyDown={onKeyDown}
            aria-invalid={!!error}
            aria-describedby={error ? errorId : undefined}
            spellCheck={false}
          />
          {query.text && (
            <button type="button" className="icon-btn filter-clear" aria-label="Clear search" onClick={() => onQuery({ ...query, text: '' })}>
              <X />
            </button>
          )}
        </div>
        <button
          type="button"
          className="logs-toggle mono"
          aria-pressed={query.regex}
          aria-label="Regular expression"
          title="Regular expression"
          onClick={() => onQuery({ ...query, regex: !query.regex })}
        >
          .*
        </button>
        <button
          type="button"
          className="logs-toggle mono"
          aria-pressed={query.caseSensitive}
          aria-label="Match case"
          title="Match case"
          onClick={() => onQuery({ ...query, caseSensitive: !query.caseSensitive })}
        >
          Aa
        </button>
        <button
          type="button"
          className="logs-toggle"
          aria-pressed={onlyMatches}
          title="Show only lines that match"
          onClick={() => onOnlyMatches(!onlyMatches)}
        >
          <ListFilter />
          Only matching
        </button>
        <button type="button" className="icon-btn" aria-label="Previous match" title="Previous match (Shift+Enter)" onClick={onPrevious} disabled={!hasMatches}>
          <ChevronUp />
        </button>
        <button type="button" className="icon-btn" aria-label="Next match" title="Next match (Enter)" onClick={onNext} disabled={!hasMatches}>
          <ChevronDown />
        </button>
        {error ? (
          <span id={errorId} className="logs-search-error" role="alert" title={error}>
            {error}
          </span>
        ) : (
          <span className="logs-count" aria-live="polite">
            {countText}
          </span>
        )}
        <span className="spacer" />
        <button type="button" className="btn btn-compact" onClick={props.onPauseToggle} title={props.paused ? 'Jump to the newest line and keep up' : 'Hold the view still; new lines are counted'}>
          {props.paused ? <Play /> : <Pause />}
          {props.paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" className="btn btn-compact btn-ghost" onClick={props.onCopy} title="Copy the selected text, or every shown line when nothing is selected">
          <Copy />
          Copy
        </button>
        <button type="button" className="btn btn-compact btn-ghost" onClick={props.onClear} title="Empty the view (the container’s log is untouched)">
          <Eraser />
          Clear
        </button>
        {props.onExport && (
          <button type="button" className="btn btn-compact btn-ghost" onClick={props.onExport} title="Save the whole log to a file">
            <Download />
            Export…
          </button>
        )}
      </div>
    );
  }),
);
