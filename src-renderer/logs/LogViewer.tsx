// The virtualised list of log lines: only the rows in view exist in the DOM. It sticks to the newest
// line unless the view is paused (scrolling up pauses it; scrolling back to the end resumes), and
// while paused it holds the line at the top of the view in place as old lines leave the buffer or
// earlier ones are paged in.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from 'react';
import type { LogLineKind, LogSourceInfo } from '../../src-main/shared/contract/logs';
import type { LogSession } from './log-session';
import { isPlain, linePieces, sourceColor, styleOf, syncRows, type RowLine } from './log-rows';
import type { CompiledQuery } from './log-search';
import { formatLogTimestamp } from './logs.presentation';

const ROW_HEIGHT = 18;
/** Rows rendered beyond each edge of the view, so fast scrolling does not show blank space. */
const OVERSCAN_ROWS = 4;
/** Widest the no-wrap scroll area is sized for, in characters (longer lines still scroll into view). */
const MAX_WIDTH_CH = 4000;

export interface RevealRequest {
  pos: number;
  seq: number;
}

interface LogViewerProps {
  session: LogSession;
  wrap: boolean;
  timestamps: boolean;
  query?: CompiledQuery;
  /** Position of the current search match, marked. */
  currentMatch?: number;
  reveal?: RevealRequest;
  empty: ReactNode;
  onScrolledAway(): void;
  onReachedEnd(): void;
}

interface LogRowProps {
  start: number;
  index: number;
  text: string;
  kind: LogLineKind;
  ts?: string;
  source?: LogSourceInfo;
  query?: CompiledQuery;
  current: boolean;
  measure?: (element: HTMLElement | null) => void;
}

/** A wrapped row (its height measured); fixed-height rows are written by syncRows instead. */
const LogRow = memo(function LogRow({ start, index, text, kind, ts, source, query, current, measure }: LogRowProps) {
  const pieces = linePieces(text, kind, query);
  return (
    <div
      ref={measure}
      data-index={index}
      role="listitem"
      className={current ? 'log-row log-row-current' : 'log-row'}
      data-kind={kind}
      style={{ transform: `translateY(${start}px)` }}
    >
      {kind === 'e' && <span className="visually-hidden">stderr: </span>}
      {ts !== undefined && <span className="log-ts">{formatLogTimestamp(ts)}</span>}
      {source && (
        <span className="log-src" style={{ color: sourceColor(source) }} title={source.name}>
          {source.label}
        </span>
      )}
      <span className="log-text">
        {isPlain(pieces)
          ? pieces[0].text // plain text (most lines): no span of its own
          : pieces.map((piece, i) => {
              const { className, css } = styleOf(piece.style);
              const content = piece.hit ? <mark>{piece.text}</mark> : piece.text;
              return className || css ? (
                <span key={i} className={className} style={css}>
                  {content}
                </span>
              ) : (
                <span key={i}>{content}</span>
              );
            })}
      </span>
    </div>
  );
});

interface WindowItem {
  index: number;
  start: number;
  /** Buffer position of the line. */
  pos: number;
  /** React key: measured (wrapped) rows keep their line; fixed rows reuse DOM rows by slot as lines stream past. */
  key: number;
}

export function LogViewer({
  session,
  wrap,
  timestamps,
  query,
  currentMatch,
  reveal,
  empty,
  onScrolledAway,
  onReachedEnd,
}: LogViewerProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  /** Fixed-height rows live in here; syncRows writes them (React renders the element, never its rows). */
  const windowRef = useRef<HTMLDivElement>(null);
  const { buffer, index } = session;
  // Following with fixed rows, a batch of lines only changes what the rows show once the buffer is full:
  // the rows are rewritten from a listener of their own (syncFollowing) and React renders only when what
  // it lays out changes — line count, width, sources. Otherwise every change (a new version) renders.
  const renderKey = () =>
    !wrap && !session.paused ? `f|${index.visibleCount}|${buffer.longest}|${session.sources.length}` : `v|${session.version}`;
  const key = useSyncExternalStore(session.subscribe, renderKey);
  const renderedKey = useRef('');
  const count = index.visibleCount;
  /** The line at the top of the view and how far into it the view starts: what a paused view holds still. */
  const anchor = useRef<{ pos: number; offset: number } | null>(null);
  const programmatic = useRef(false);
  /**
   * The scroll position as last read in a scroll event or set here. Reading element.scrollTop after the
   * rows changed forces a synchronous layout on every repaint; the position only moves by scrolling
   * (an event) or by this component, so it is tracked instead.
   */
  const knownTop = useRef(0);
  const [viewport, setViewport] = useState({ top: 0, height: 0 });
  const updateViewport = (element: HTMLElement) => {
    const top = element.scrollTop;
    const height = element.clientHeight;
    knownTop.current = top; // shown again or resized: the browser may have moved it
    setViewport((v) => (v.top === top && v.height === height ? v : { top, height }));
  };

  // Wrapped rows have measured heights (@tanstack/react-virtual). Unwrapped rows all have one height:
  // the window is plain arithmetic — tanstack would walk every one of 100,000 rows on each new batch.
  const virtualizer = useVirtualizer({
    count: wrap ? count : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
    getItemKey: (i) => index.visibleAt(i),
  });
  const totalSize = wrap ? virtualizer.getTotalSize() : count * ROW_HEIGHT;
  const offsetOf = (i: number) => (wrap ? (virtualizer.getOffsetForIndex(i, 'start')?.[0] ?? i * ROW_HEIGHT) : i * ROW_HEIGHT);

  // Where the view should be: at the end unless paused; paused, where the anchored line now is.
  const maxTop = Math.max(0, totalSize - viewport.height);
  let desiredTop: number;
  if (!session.paused) desiredTop = maxTop;
  else if (anchor.current && count > 0) {
    desiredTop = Math.min(maxTop, Math.max(0, offsetOf(index.visibleIndexOf(anchor.current.pos)) + anchor.current.offset));
  } else desiredTop = Math.min(maxTop, viewport.top);

  let items: WindowItem[];
  /** Fixed rows: offset of the first rendered row; the rows below it flow (one transform, not one per row). */
  let windowTop = 0;
  if (wrap) {
    items = virtualizer.getVirtualItems().map((item) => ({ index: item.index, start: item.start, pos: item.key as number, key: item.key as number }));
  } else {
    // Following, nothing is above the view unless one scrolls up, which pauses (and renders with overscan).
    const first = Math.max(0, Math.floor(desiredTop / ROW_HEIGHT) - (session.paused ? OVERSCAN_ROWS : 0));
    const last = Math.min(count, Math.ceil((desiredTop + viewport.height) / ROW_HEIGHT) + OVERSCAN_ROWS);
    items = [];
    windowTop = first * ROW_HEIGHT;
    const slots = last - first;
    for (let i = first; i < last; i++) items.push({ index: i, start: i * ROW_HEIGHT, pos: index.visibleAt(i), key: i % Math.max(1, slots) });
  }

  const sources = session.multiSource ? session.sources : undefined;
  const rowLine = (item: WindowItem): RowLine | undefined => {
    const pos = item.pos;
    if (!buffer.has(pos)) return undefined;
    return {
      index: item.index,
      text: buffer.textAt(pos),
      kind: buffer.kindAt(pos),
      ts: timestamps ? buffer.tsAt(pos) : undefined,
      source: sources?.[buffer.srcAt(pos)],
      current: pos === currentMatch,
    };
  };
  const wrappedRows = wrap
    ? items.map((item) => {
        const line = rowLine(item);
        if (!line) return null;
        return (
          <LogRow
            key={item.key}
            start={item.start}
            {...line}
            query={query}
            measure={virtualizer.measureElement}
          />
        );
      })
    : null;
  // Fixed rows: written straight into the window after each render (see log-rows.ts) — before the effect
  // below sets the scroll position, so its layout is the one the frame uses.
  const fixedLinesNow = () => items.map((item) => rowLine({ ...item, pos: index.visibleAt(item.index) })).filter((line): line is RowLine => !!line);
  const fixedLines = wrap ? [] : fixedLinesNow();
  useLayoutEffect(() => {
    renderedKey.current = key;
    if (windowRef.current) syncRows(windowRef.current, fixedLines, query);
  });
  /** A change React will not render (see renderKey): the same rows, showing the lines now at their places. */
  const syncFollowing = () => {
    if (wrap || renderedKey.current !== renderKey() || !windowRef.current) return;
    syncRows(windowRef.current, fixedLinesNow(), query);
    captureAnchor();
  };
  const latestSyncFollowing = useRef(syncFollowing);
  latestSyncFollowing.current = syncFollowing;
  useLayoutEffect(() => session.subscribe(() => latestSyncFollowing.current()), [session]);

  const setScrollTop = (top: number) => {
    const element = scrollRef.current;
    if (!element) return;
    const before = knownTop.current;
    element.scrollTop = top;
    knownTop.current = element.scrollTop; // clamped by the browser; layout is fresh after the write

    if (knownTop.current !== before) programmatic.current = true;
  };

  const captureAnchor = () => {
    const element = scrollRef.current;
    if (!element || count === 0) return;
    const top = knownTop.current;
    if (wrap) {
      const item = virtualizer.getVirtualItemForOffset(top);
      if (item) anchor.current = { pos: index.visibleAt(item.index), offset: top - item.start };
    } else {
      const i = Math.min(count - 1, Math.floor(top / ROW_HEIGHT));
      anchor.current = { pos: index.visibleAt(i), offset: top - i * ROW_HEIGHT };
    }
  };

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const measure = () => updateViewport(element);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    virtualizer.measure();
  }, [wrap, timestamps, virtualizer]);

  // After every render: put the scroll position where the rows were computed for, and note the anchor.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    if (Math.abs(knownTop.current - desiredTop) > 1) setScrollTop(desiredTop);
    captureAnchor();
  });

  useLayoutEffect(() => {
    if (!reveal || count === 0) return;
    // Centre the line: anchor it half a view below the top.
    anchor.current = { pos: reveal.pos, offset: -Math.max(0, (viewport.height - ROW_HEIGHT) / 2) };
    setViewport((v) => ({ ...v }));
  }, [reveal?.seq]);

  const atEnd = () => {
    const element = scrollRef.current!;
    return element.scrollHeight - element.scrollTop - element.clientHeight < ROW_HEIGHT;
  };

  const onScroll = () => {
    const element = scrollRef.current!;
    knownTop.current = element.scrollTop;
    if (programmatic.current) {
      // Our own scroll (following the end, holding a paused line): the rows were computed for this very
      // position, so the view state need not change — setting it would render everything a second time.
      programmatic.current = false;
      captureAnchor();
      return;
    }
    if (!atEnd()) {
      if (!session.paused) onScrolledAway();
    } else if (session.paused && session.buffer.droppedNewest === 0) {
      onReachedEnd();
    }
    captureAnchor();
    updateViewport(element);
  };

  const onWheel = (event: React.WheelEvent) => {
    if (event.deltaY < 0 && !session.paused && count > 0) onScrolledAway();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (['ArrowUp', 'PageUp', 'Home'].includes(event.key) && !session.paused) onScrolledAway();
  };


  const longest = Math.min(buffer.longest, MAX_WIDTH_CH);
  const extra = (timestamps ? 25 : 0) + (sources ? 16 : 0);

  return (
    <div
      ref={scrollRef}
      className={wrap ? 'logs-scroll logs-wrap' : 'logs-scroll'}
      onScroll={onScroll}
      onWheel={onWheel}
      onKeyDown={onKeyDown}
      tabIndex={0}
      role="list"
      aria-label="Log lines"
    >
      <div className="logs-inner" style={{ height: totalSize, width: wrap ? undefined : `calc(${longest + extra}ch + 40px)` }}>
        {wrap ? wrappedRows : <div ref={windowRef} className="logs-window" style={{ transform: `translateY(${windowTop}px)` }} />}
      </div>
      {count === 0 && <div className="logs-empty">{empty}</div>}
    </div>
  );
}
