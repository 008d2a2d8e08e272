// In-page probes, as plain JavaScript source (not compiled TypeScript functions: a bundler's helpers would
// not exist inside the page). They read the DOM only, tolerant of how the containers UI is built: rows are
// [role=row] elements (or table rows) inside <main>; a virtualised grid may declare its size in
// aria-rowcount. Times are recorded in the page with performance.now() at the first requestAnimationFrame
// after the DOM shows what is awaited, as /work/shared/BENCH.md asks.

/** Shared helpers, prepended to each probe. */
const domHelpers = String.raw`
  const scope = () => document.querySelector('main') || document.body;
  const isHeaderRow = (row) => !!row.querySelector('[role=columnheader], th');
  const dataRows = () => [...scope().querySelectorAll('[role=row], tr')].filter((row) => !isHeaderRow(row));
  // Rows the list holds: the DOM's own rows, or what a virtualised grid declares (minus its header row).
  const rowCount = () => {
    const rows = dataRows();
    let count = rows.length;
    if (rows.length > 0) {
      for (const grid of scope().querySelectorAll('[aria-rowcount]')) {
        const declared = Number(grid.getAttribute('aria-rowcount'));
        const headers = grid.querySelectorAll('[role=row]:has([role=columnheader])').length;
        if (declared > 0) count = Math.max(count, declared - headers);
      }
    }
    return count;
  };
  // All a row says: its text and the accessible names / titles inside it (a state shown as an icon).
  const rowText = (row) => {
    let text = row.textContent || '';
    for (const el of [row, ...row.querySelectorAll('[aria-label], [title]')]) {
      text += ' ' + (el.getAttribute('aria-label') || '') + ' ' + (el.getAttribute('title') || '');
    }
    return text;
  };
  // "Running" as a label, or the engine's "Up 3 seconds" as a title; a paused container ("Up … (Paused)") is not running.
  const showsRunning = (text) => (/\brunning\b/i.test(text) || /\bUp\b/.test(text)) && !/\bpaused\b/i.test(text);
  const observeDom = (callback) => {
    const observer = new MutationObserver(callback);
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    return observer;
  };
`;

/**
 * Init script for "list → rows painted" (P1). Arg: {minRows}. Records in window.__berthBench:
 * listRequestedAt (the page's first WebSocket message asking for containers.list), firstSendAt (its first
 * message at all), domAt (rows ≥ minRows in the DOM), paintedAt (the next animation frame), rows, and
 * longTasks (durations of long tasks, ms).
 */
export const listPaintProbe = String.raw`function installListPaintProbe(arg) {
  ${domHelpers}
  const state = { listRequestedAt: undefined, firstSendAt: undefined, domAt: undefined, paintedAt: undefined, rows: 0, longTasks: [] };
  window.__berthBench = state;
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    const now = performance.now();
    if (state.firstSendAt === undefined) state.firstSendAt = now;
    if (state.listRequestedAt === undefined && typeof data === 'string' && data.includes('"containers.list"')) state.listRequestedAt = now;
    return send.call(this, data);
  };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const start = () => {
    const observer = observeDom(() => {
      if (state.domAt !== undefined) return;
      state.rows = rowCount();
      if (state.rows < arg.minRows) return;
      state.domAt = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => { state.paintedAt = performance.now(); });
    });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}`;

/**
 * Evaluated in the page (P2): watches rows whose text matches `pattern` (a RegExp source capturing the
 * container name) until each of `names` shows running. Records window.__berthRunning[name] = epoch ms
 * (timeOrigin + now) of the first animation frame after the row showed running, and
 * window.__berthRunningAtStart = names already running when the watch began (a misuse to report).
 */
export const watchRunningProbe = String.raw`function watchRunning(arg) {
  ${domHelpers}
  const pending = new Set(arg.names);
  const seen = {};
  window.__berthRunning = seen;
  const matcher = new RegExp(arg.pattern);
  const runningNow = () => {
    const found = [];
    for (const row of dataRows()) {
      const text = rowText(row);
      const match = matcher.exec(text);
      if (match && pending.has(match[1]) && showsRunning(text)) found.push(match[1]);
    }
    return found;
  };
  window.__berthRunningAtStart = runningNow();
  const check = () => {
    if (pending.size === 0) return;
    const found = runningNow();
    if (found.length === 0) return;
    for (const name of found) pending.delete(name);
    requestAnimationFrame(() => {
      const at = performance.timeOrigin + performance.now();
      for (const name of found) seen[name] = at;
    });
    if (pending.size === 0) observer.disconnect();
  };
  const observer = observeDom(check);
}`;

/**
 * Evaluated in the page: how many of `names` (matched by `pattern`, see watchRunningProbe) have a row, and
 * how many of those show running. For waiting until the page shows a fleet in a known state.
 */
export const rowStatesProbe = String.raw`function rowStates(arg) {
  ${domHelpers}
  const names = new Set(arg.names);
  const matcher = new RegExp(arg.pattern);
  let present = 0;
  let running = 0;
  for (const row of dataRows()) {
    const text = rowText(row);
    const match = matcher.exec(text);
    if (!match || !names.has(match[1])) continue;
    present++;
    if (showsRunning(text)) running++;
  }
  return { present, running, rows: rowCount() };
}`;

/** A probe's source as an expression callable with one JSON argument, for page.evaluate(string). */
export function callProbe(source: string, arg: unknown): string {
  return `(${source})(${JSON.stringify(arg)})`;
}
