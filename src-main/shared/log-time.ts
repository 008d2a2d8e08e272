// Times for log options (since / until), parsed the way `docker logs` accepts them, plus relative
// durations. Pure and shared: main validates with it, the renderer uses it for instant feedback.
// A time is whole epoch seconds plus nanoseconds: log timestamps have nanosecond precision, which a
// JavaScript number cannot hold at today's epoch.

export interface LogTime {
  /** Whole seconds since the Unix epoch. */
  s: number;
  /** 0 … 999,999,999 */
  ns: number;
}

export type ParsedLogTime = { ok: true; time: LogTime } | { ok: false; error: string };

const NS_PER_S = 1_000_000_000;

const unitNs: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
  d: 86400e9,
  w: 604800e9,
};

const durationPattern = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h|d|w))+$/;
const durationPart = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d|w)/g;
const unixPattern = /^(\d{1,12})(?:\.(\d{1,9}))?$/;
// 2024-01-02, 2024-01-02T15:04, 2024-01-02 15:04:05.123456789, …Z or …+02:00
const dateTimePattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Nanoseconds in a duration such as "10m", "1h30m", "1.5h", "2d"; undefined when it is not one. */
export function parseDurationNs(text: string): number | undefined {
  if (!durationPattern.test(text)) return undefined;
  let total = 0;
  for (const match of text.matchAll(durationPart)) total += parseFloat(match[1]) * unitNs[match[2]];
  return total;
}

export function fromEpochMs(ms: number): LogTime {
  const s = Math.floor(ms / 1000);
  return { s, ns: Math.round((ms - s * 1000) * 1e6) };
}

function fraction(digits: string | undefined): number {
  return digits ? parseInt(digits.padEnd(9, '0'), 10) : 0;
}

/**
 * Parses a since/until value: a duration back from `nowMs` ("10m", "1h30m", "2d"), a Unix timestamp
 * ("1700000000" or with up to 9 fraction digits), or a date/time ("2024-01-02", "2024-01-02 15:04",
 * "2024-01-02T15:04:05.5Z", with an offset or without — then it is local time, as in the docker CLI).
 */
export function parseLogTime(input: string, nowMs: number = Date.now()): ParsedLogTime {
  const text = input.trim();
  if (!text) return { ok: false, error: 'Enter a time, e.g. 10m, 2h or 2024-01-02 15:04' };

  const durationNs = parseDurationNs(text);
  if (durationNs !== undefined) {
    const nowNs = BigInt(Math.round(nowMs)) * 1_000_000n;
    const at = nowNs - BigInt(Math.round(durationNs));
    if (at < 0n) return { ok: false, error: `“${text}” reaches back before 1970` };
    return { ok: true, time: { s: Number(at / 1_000_000_000n), ns: Number(at % 1_000_000_000n) } };
  }

  const unix = unixPattern.exec(text);
  if (unix) return { ok: true, time: { s: parseInt(unix[1], 10), ns: fraction(unix[2]) } };

  const dt = dateTimePattern.exec(text);
  if (dt) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0', frac, zone] = dt;
    const parts = [+y, +mo - 1, +d, +h, +mi, +sec] as const;
    if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 23 || +mi > 59 || +sec > 60) {
      return { ok: false, error: `“${text}” is not a valid date and time` };
    }
    // Date rolls Feb 31 over into March; a day that changed means the date does not exist.
    const local = zone ? new Date(Date.UTC(...parts)) : new Date(...parts);
    if (Number.isNaN(local.getTime()) || (zone ? local.getUTCDate() : local.getDate()) !== +d) {
      return { ok: false, error: `“${text}” is not a valid date and time` };
    }
    let ms = local.getTime();
    if (zone && zone.toUpperCase() !== 'Z') {
      const sign = zone[0] === '-' ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      ms -= sign * (parseInt(digits.slice(0, 2), 10) * 60 + parseInt(digits.slice(2), 10)) * 60_000;
    }
    return { ok: true, time: { s: Math.floor(ms / 1000), ns: fraction(frac) } };
  }

  return {
    ok: false,
    error: `“${text}” is not a time: use a duration (10m, 1h30m, 2d), a date (2024-01-02 15:04) or a Unix timestamp`,
  };
}

/** Orders two times: negative when a is earlier. */
export function compareLogTime(a: LogTime, b: LogTime): number {
  return a.s !== b.s ? a.s - b.s : a.ns - b.ns;
}

export function shiftLogTime(time: LogTime, deltaNs: number): LogTime {
  const total = time.ns + deltaNs;
  const carry = Math.floor(total / NS_PER_S);
  // Exact for deltas a double holds exactly; wide windows (days) only need to be roughly right.
  const ns = Math.min(NS_PER_S - 1, Math.max(0, Math.round(total - carry * NS_PER_S)));
  return { s: time.s + carry, ns };
}

/** The engine's query format for since/until: "seconds.nanoseconds". */
export function toEngineTime(time: LogTime): string {
  return `${time.s}.${String(time.ns).padStart(9, '0')}`;
}

/**
 * A log line's timestamp as the engine writes it (RFC 3339, UTC, usually with 9 fraction digits) as a
 * LogTime; undefined when it is not one.
 */
export function parseLogTimestamp(ts: string): LogTime | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/.exec(ts);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, sec, frac] = match;
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +sec);
  return { s: ms / 1000, ns: fraction(frac) };
}

/**
 * Timestamps with a fixed-width 9-digit fraction sort as strings; the engine writes that form already,
 * this pads anything shorter (RFC3339Nano trims trailing zeros).
 */
export function normalizeLogTimestamp(ts: string): string {
  if (ts.length === 30 || !ts.endsWith('Z')) return ts;
  const dot = ts.indexOf('.');
  const base = dot === -1 ? ts.slice(0, -1) : ts.slice(0, dot);
  const digits = dot === -1 ? '' : ts.slice(dot + 1, -1);
  return `${base}.${digits.padEnd(9, '0')}Z`;
}

export interface LogTimeRange {
  since?: LogTime;
  until?: LogTime;
}

/** Parses the since/until pair of the options bar; names the field at fault. */
export function parseLogTimeRange(
  since: string | undefined,
  until: string | undefined,
  nowMs: number = Date.now(),
): { ok: true; range: LogTimeRange } | { ok: false; field: 'since' | 'until'; error: string } {
  const range: LogTimeRange = {};
  if (since?.trim()) {
    const parsed = parseLogTime(since, nowMs);
    if (!parsed.ok) return { ok: false, field: 'since', error: parsed.error };
    range.since = parsed.time;
  }
  if (until?.trim()) {
    const parsed = parseLogTime(until, nowMs);
    if (!parsed.ok) return { ok: false, field: 'until', error: parsed.error };
    range.until = parsed.time;
  }
  if (range.since && range.until && compareLogTime(range.since, range.until) > 0) {
    return { ok: false, field: 'until', error: '“Until” is earlier than “Since”: nothing would match' };
  }
  return { ok: true, range };
}
