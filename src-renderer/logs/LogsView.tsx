// One log view: a container's log, or a compose project's (every service, interleaved by time). Owns a
// LogSession (stream + ring buffer) for as long as it is mounted; unmounting closes the stream.
import { AlertTriangle, Boxes, ExternalLink, FileText, History } from 'lucide-react';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { client } from '../ipc/client';
import { useBerth } from '../store';
import { copyText } from '../ui/clipboard';
import { openView, popOutUrl, readPopOutRoute } from '../ui/workspace';
import { ExportDialog } from './ExportDialog';
import { LogOptionsBar, type StreamFilter } from './LogOptionsBar';
import { LogSearchBar } from './LogSearchBar';
import { LogSession, DEFAULT_OPEN_OPTIONS, type LogOpenOptions, type LogTarget } from './log-session';
import { compileQuery, plainText, type LogQuery } from './log-search';
import { LogStatusBar } from './LogStatusBar';
import { LogViewer, type RevealRequest } from './LogViewer';
import { formatCount, formatLogTimestamp, plural } from './logs.presentation';
import { logsViewFor, projectLogsView } from './logs-views';
import './logs.css';

export interface LogsViewProps extends LogTarget {
  /** Shown inside another panel (the container details): offers its own "open in window". */
  embedded?: boolean;
  active?: boolean;
}

const subscribeNothing = () => () => {};
const SEARCH_DEBOUNCE_MS = 120;

/**
 * "N older lines not shown": its count changes with every batch, so it follows the lines itself. A status
 * that is not live: read when reached, not announced ~20 times a second while a fast log streams.
 */
function DroppedNotice({ session }: { session: LogSession }) {
  useSyncExternalStore(session.subscribe, session.getVersion);
  return (
    <div className="logs-notice" role="status" aria-live="off">
      <History />
      {plural(session.buffer.droppedOldest, 'older line')} not shown: the view keeps the newest {formatCount(session.buffer.capacity)}.
      {/* One control pages them in: "Load earlier" in the status line (a second button here had the same name). */}
      <span>“Load earlier” in the status line pages them in.</span>
    </div>
  );
}

export function LogsView({ engineId, containers, embedded, active = true }: LogsViewProps) {
  const targetKey = JSON.stringify([engineId, containers]);
  const [session, setSession] = useState<LogSession>();
  useEffect(() => {
    const [id, list] = JSON.parse(targetKey) as [string, LogTarget['containers']];
    const created = new LogSession((payload, handlers) => client.openStream('logs.open', payload, handlers), {
      engineId: id,
      containers: list,
    });
    created.open(DEFAULT_OPEN_OPTIONS);
    setSession(created);
    return () => created.dispose();
  }, [targetKey]);

  // Not every batch of lines: only what the bars and notices show (LogViewer and the status line follow the lines).
  const shape = useSyncExternalStore(session?.subscribe ?? subscribeNothing, session?.getShape ?? (() => ''));

  const [timestamps, setTimestamps] = useState(false);
  const [wrap, setWrap] = useState(false);
  const [streams, setStreams] = useState<StreamFilter>({ stdout: true, stderr: true });
  const [query, setQuery] = useState<LogQuery>({ text: '', regex: false, caseSensitive: false });
  const [appliedQuery, setAppliedQuery] = useState(query);
  const [onlyMatches, setOnlyMatches] = useState(false);
  const [current, setCurrent] = useState<number>();
  const [reveal, setReveal] = useState<RevealRequest>();
  const [exporting, setExporting] = useState(false);
  const [notice, setNotice] = useState<string>();
  const searchRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  // The toolbars are memoised (they would otherwise re-render with every batch of lines): their
  // callbacks stay the same functions and call the latest handlers through this ref.
  const latest = useRef({ next: () => {}, previous: () => {}, copy: () => {}, apply: (_: LogOpenOptions) => {}, pauseToggle: () => {}, clear: () => {} });
  const actions = useMemo(
    () => ({
      next: () => latest.current.next(),
      previous: () => latest.current.previous(),
      copy: () => latest.current.copy(),
      apply: (options: LogOpenOptions) => latest.current.apply(options),
      pauseToggle: () => latest.current.pauseToggle(),
      clear: () => latest.current.clear(),
      exportLog: () => setExporting(true),
    }),
    [],
  );

  // Typing re-searches up to 100,000 lines: wait for a pause in typing (toggles apply at once).
  useEffect(() => {
    if (query.text === appliedQuery.text) {
      setAppliedQuery(query);
      return;
    }
    const timer = setTimeout(() => setAppliedQuery(query), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, appliedQuery.text]);

  const compiled = useMemo(() => compileQuery(appliedQuery), [appliedQuery]);
  const compiledQuery = compiled.ok ? compiled.query : undefined;

  useEffect(() => {
    session?.setFilter({ ...streams, query: compiledQuery, onlyMatches: onlyMatches && !!compiledQuery });
    setCurrent(undefined);
  }, [session, streams, compiledQuery, onlyMatches]);

  // Ctrl/⌘+F searches the log when this view is the visible one.
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f' && rootRef.current?.offsetParent !== null) {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);

  const container = useBerth((s) => (containers.length === 1 ? s.containers[engineId]?.byId[containers[0].id] : undefined));
  const projectContainers = useBerth((s) => s.containers[engineId]?.byId);
  const inPopOut = useMemo(() => !!readPopOutRoute(window.location.hash), []);

  if (!session) return <div className="logs-view" />;
  const { index, buffer } = session;
  void shape; // the session's shape is what re-renders this view

  const matchCount = index.matchCount;
  const currentIndex = current !== undefined && index.isMatch(current) ? index.matchIndexOf(current) : -1;
  const countText = !compiledQuery
    ? ''
    : matchCount === 0
      ? 'No matches'
      : currentIndex >= 0
        ? `${formatCount(currentIndex + 1)} of ${formatCount(matchCount)}`
        : plural(matchCount, 'match', 'matches');

  const goToMatch = (direction: 1 | -1) => {
    if (matchCount === 0) return;
    let next: number;
    if (currentIndex < 0) next = matchCount - 1; // the newest match first: in a log, recent is relevant
    else next = (currentIndex + direction + matchCount) % matchCount;
    const pos = index.matchAt(next);
    session.pause();
    setCurrent(pos);
    setReveal({ pos, seq: (reveal?.seq ?? 0) + 1 });
  };

  const copy = async () => {
    const selection = window.getSelection();
    let text = selection && !selection.isCollapsed && rootRef.current?.contains(selection.anchorNode) ? selection.toString() : '';
    let what = 'the selection';
    if (!text) {
      const lines: string[] = [];
      for (let i = 0; i < index.visibleCount; i++) {
        const pos = index.visibleAt(i);
        const line = plainText(buffer.textAt(pos));
        lines.push(timestamps ? `${formatLogTimestamp(buffer.tsAt(pos))} ${line}` : line);
      }
      text = lines.join('\n');
      what = plural(lines.length, 'line');
    }
    try {
      await copyText(text);
      setNotice(`Copied ${what}.`);
    } catch (err) {
      setNotice((err as Error).message);
    }
    setTimeout(() => setNotice(undefined), 2500);
  };

  latest.current = {
    next: () => goToMatch(1),
    previous: () => goToMatch(-1),
    copy: () => void copy(),
    apply: (options) => session.open(options),
    pauseToggle: () => (session.paused ? session.resume() : session.pause()),
    clear: () => session.clear(),
  };

  const project = container?.composeProject;
  const openProject = () => {
    if (!project || !projectContainers) return;
    const members = Object.values(projectContainers).filter((c) => c.composeProject === project);
    openView(projectLogsView(engineId, project, members));
  };

  const popOut = () => {
    const view = logsViewFor(engineId, containers, container?.name ?? containers[0].id);
    window.open(popOutUrl(view), '_blank');
  };

  const filtered = !streams.stdout || !streams.stderr || (onlyMatches && !!compiledQuery);
  const isTty = session.sources.length > 0 && session.sources.every((s) => s.tty);
  const hasLines = buffer.size > 0;

  const emptyState =
    session.status === 'opening' ? (
      <div className="empty-state">
        <span className="spinner spinner-lg" />
        <p>Opening the log…</p>
      </div>
    ) : session.status === 'error' && !hasLines ? (
      <div className="empty-state">
        <AlertTriangle />
        <h2>The log could not be opened</h2>
        <p>{session.error}</p>
        <button type="button" className="btn" onClick={() => session.open()}>
          Try again
        </button>
      </div>
    ) : hasLines ? (
      <div className="empty-state">
        <FileText />
        <h2>No line matches</h2>
        <p>{plural(buffer.size, 'line')} kept; none passes the filters above.</p>
      </div>
    ) : (
      <div className="empty-state">
        <FileText />
        <h2>{session.status === 'streaming' && session.options.follow ? 'Waiting for output…' : 'No log lines'}</h2>
        <p>
          {session.options.since || session.options.until
            ? 'Nothing was logged in this time range.'
            : session.status === 'streaming'
              ? 'New lines appear here as the container writes them.'
              : 'The container has not written anything yet.'}
        </p>
      </div>
    );

  return (
    <div className="logs-view" ref={rootRef}>
      <LogOptionsBar
        options={session.options}
        onApply={actions.apply}
        timestamps={timestamps}
        onTimestamps={setTimestamps}
        wrap={wrap}
        onWrap={setWrap}
        streams={streams}
        onStreams={setStreams}
        showStreamFilter={!isTty}
      />
      <LogSearchBar
        ref={searchRef}
        query={query}
        onQuery={setQuery}
        error={compiled.ok ? undefined : compiled.error}
        onlyMatches={onlyMatches}
        onOnlyMatches={setOnlyMatches}
        countText={countText}
        onNext={actions.next}
        onPrevious={actions.previous}
        hasMatches={matchCount > 0}
        paused={session.paused}
        onPauseToggle={actions.pauseToggle}
        onCopy={actions.copy}
        onClear={actions.clear}
        onExport={session.sources.length > 0 ? actions.exportLog : undefined}
      />
      {buffer.droppedOldest > 0 && <DroppedNotice session={session} />}
      {session.status === 'error' && hasLines && (
        <div className="logs-notice logs-notice-danger" role="alert">
          <AlertTriangle />
          The log stream stopped: {session.error}
          <button type="button" className="btn" onClick={() => session.open()}>
            Reopen
          </button>
        </div>
      )}
      {session.earlier === 'error' && (
        <div className="logs-notice logs-notice-danger" role="alert">
          <AlertTriangle />
          Could not load earlier lines: {session.earlierError}
        </div>
      )}
      {session.status === 'removed' && (
        <div className="logs-notice logs-notice-danger" role="status">
          <AlertTriangle />
          {session.statusMessage ?? 'The container was removed.'} What was shown stays here to read, search and copy.
        </div>
      )}
      {(notice || (project && !inPopOut) || embedded) && (
        <div className="logs-notice" role="status">
          {notice ? <span>{notice}</span> : project && !inPopOut ? <span>Part of compose project “{project}”.</span> : <span />}
          {project && !inPopOut && !notice && (
            <button type="button" className="btn" onClick={openProject}>
              <Boxes />
              All services of {project}
            </button>
          )}
          <span className="spacer" />
          {embedded && (
            <button type="button" className="btn" onClick={popOut}>
              <ExternalLink />
              Open in new window
            </button>
          )}
        </div>
      )}
      <LogViewer
        session={session}
        wrap={wrap}
        timestamps={timestamps}
        query={compiledQuery}
        currentMatch={current}
        reveal={reveal}
        empty={emptyState}
        onScrolledAway={() => session.pause()}
        onReachedEnd={() => session.resume()}
      />
      <LogStatusBar
        session={session}
        filtered={filtered}
        onResume={() => session.resume()}
        onLoadEarlier={() => {
          session.pause();
          session.loadEarlier();
        }}
        onCapacity={(capacity) => session.setCapacity(capacity)}
      />
      {exporting && <ExportDialog engineId={engineId} sources={session.sources} timestamps={timestamps} onClose={() => setExporting(false)} />}
    </div>
  );
}
