// Pure display helpers for the log viewer: timestamps, counts, the status line, the tail field, and
// merging ANSI style segments with search highlights.
import type { AnsiSegment, AnsiStyle } from './ansi';
import type { LogSessionStatus } from './log-session';

export interface LinePiece {
  text: string;
  style?: AnsiStyle;
  /** Part of a search match. */
  hit?: boolean;
}

/** Cuts styled segments at match boundaries so matches can be marked without losing colours. */
export function highlightSegments(segments: AnsiSegment[], ranges: [number, number][]): LinePiece[] {
  if (ranges.length === 0) return segments;
  const pieces: LinePiece[] = [];
  let offset = 0;
  let r = 0;
  for (const segment of segments) {
    const end = offset + segment.text.length;
    let at = offset;
    while (at < end) {
      while (r < ranges.length && ranges[r][1] <= at) r++;
      const range = ranges[r];
      if (!range || range[0] >= end) {
        pieces.push({ text: segment.text.slice(at - offset), style: segment.style });
        at = end;
      } else if (range[0] > at) {
        pieces.push({ text: segment.text.slice(at - offset, range[0] - offset), style: segment.style });
        at = range[0];
      } else {
        const stop = Math.min(range[1], end);
        pieces.push({ text: segment.text.slice(at - offset, stop - offset), style: segment.style, hit: true });
        at = stop;
      }
    }
    offset = end;
  }
  return pieces;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * An engine timestamp (RFC 3339, UTC, 9 fraction digits) in local time, to the millisecond:
 * "2024-05-01 12:00:00.123". Empty input gives empty output (Berth's own marker lines may have none).
 */
const formatted = new Map<string, string>();

export function formatLogTimestamp(ts: string): string {
  if (!ts) return '';
  // Rows re-render many times a second while following; the same few hundred stamps recur.
  const cached = formatted.get(ts);
  if (cached !== undefined) return cached;
  if (formatted.size > 2000) formatted.clear();
  const text = formatTimestampNow(ts);
  formatted.set(ts, text);
  return text;
}

function formatTimestampNow(ts: string): string {
  const ms = Date.parse(ts.length > 24 ? `${ts.slice(0, 23)}Z` : ts);
  if (Number.isNaN(ms)) return ts;
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

const numberFormat = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return numberFormat.format(n);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export type StatusTone = 'ok' | 'warn' | 'danger' | 'info' | 'neutral';

/** What the status badge says for a stream's state. */
export function describeStatus(status: LogSessionStatus, following: boolean, paused: boolean): { label: string; tone: StatusTone } {
  switch (status) {
    case 'opening':
      return { label: 'Opening…', tone: 'info' };
    case 'streaming':
      if (!following) return { label: 'Loading', tone: 'info' };
      return paused ? { label: 'Paused', tone: 'warn' } : { label: 'Following', tone: 'ok' };
    case 'waiting':
      return { label: 'Container stopped', tone: 'warn' };
    case 'ended':
      return { label: 'Complete', tone: 'neutral' };
    case 'removed':
      return { label: 'Container removed', tone: 'danger' };
    case 'error':
      return { label: 'Failed', tone: 'danger' };
  }
}

export type ParsedTail = { ok: true; tail: number | 'all' } | { ok: false; error: string };

/** The tail field: a whole number of lines, or "all" (empty means all too). */
export function parseTailInput(text: string): ParsedTail {
  const value = text.trim().toLowerCase();
  if (value === '' || value === 'all') return { ok: true, tail: 'all' };
  if (!/^\d+$/.test(value)) return { ok: false, error: 'Tail is a number of lines, or “all”' };
  const tail = parseInt(value, 10);
  if (tail > 100_000_000) return { ok: false, error: 'Tail is at most 100,000,000 lines; use “all” for everything' };
  return { ok: true, tail };
}

export function formatTail(tail: number | 'all'): string {
  return tail === 'all' ? 'all' : String(tail);
}
