// Summaries of what chromium-trace.ts records: where each busy thread's time went (self time by trace event
// name), how many frames the page's main thread produced and what they cost, and a CPU profile's JavaScript
// self and total time by function. Plain functions over the parsed JSON (unit-tested with small inputs).

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; beginData?: { dirtyObjects?: number; totalObjects?: number } };
}

export interface ThreadSummary {
  thread: string;
  /** Time inside top-level events, ms. */
  busyMs: number;
  /** Self time (minus nested events) by event name, ms, largest first. */
  selfMs: [string, number][];
}

/** Self time by event name for each thread busy for at least `minBusyMs`, busiest thread first. */
export function summariseThreads(events: TraceEvent[], minBusyMs = 50, top = 15): ThreadSummary[] {
  const names = new Map<string, string>();
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`;
    if (event.ph === 'M' && event.name === 'thread_name') names.set(key, event.args?.name ?? key);
    if (event.ph !== 'X' || event.dur === undefined) continue;
    const list = byThread.get(key) ?? [];
    list.push(event);
    byThread.set(key, list);
  }
  const summaries: ThreadSummary[] = [];
  for (const [key, list] of byThread) {
    const { busy, self } = selfTimes(list);
    if (busy / 1000 < minBusyMs) continue;
    summaries.push({
      thread: `${names.get(key) ?? 'thread'} (${key})`,
      busyMs: round(busy / 1000),
      selfMs: [...self].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => [name, round(us / 1000)]),
    });
  }
  return summaries.sort((a, b) => b.busyMs - a.busyMs);
}

/** Complete events of one thread, nested by time: the time of each minus its children's. */
function selfTimes(list: TraceEvent[]): { busy: number; self: Map<string, number> } {
  const sorted = [...list].sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: TraceEvent[] = [];
  let busy = 0;
  for (const event of sorted) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur! <= event.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - event.dur!);
    else busy += event.dur!;
    self.set(event.name, (self.get(event.name) ?? 0) + event.dur!);
    stack.push(event);
  }
  return { busy, self };
}

export interface FrameSummary {
  /** Main-thread frames (ProxyMain::BeginMainFrame) and their total and median cost. */
  frames: number;
  frameMs: number;
  frameMedianMs: number;
  /** Layouts, and how many times each dirty/total object count occurred (what a layout had to redo). */
  layouts: number;
  layoutDirtyObjects: [string, number][];
  paints: number;
}

/** The renderer main thread's frames (the busiest CrRendererMain when there are several). */
export function summariseFrames(events: TraceEvent[]): FrameSummary | undefined {
  const busiest = busiestRendererMain(events);
  if (!busiest) return undefined;
  const mine = events.filter((event) => `${event.pid}:${event.tid}` === busiest && event.ph === 'X');
  const frames = mine.filter((event) => event.name === 'ProxyMain::BeginMainFrame').map((event) => event.dur! / 1000);
  const layouts = mine.filter((event) => event.name === 'Layout');
  const dirty = new Map<string, number>();
  for (const layout of layouts) {
    const data = layout.args?.beginData;
    const key = `${data?.dirtyObjects ?? '?'}/${data?.totalObjects ?? '?'}`;
    dirty.set(key, (dirty.get(key) ?? 0) + 1);
  }
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    frames: frames.length,
    frameMs: round(frames.reduce((sum, ms) => sum + ms, 0)),
    frameMedianMs: round(sorted[Math.floor(sorted.length / 2)] ?? 0),
    layouts: layouts.length,
    layoutDirtyObjects: [...dirty].sort((a, b) => b[1] - a[1]).slice(0, 8),
    paints: mine.filter((event) => event.name === 'Paint').length,
  };
}

function busiestRendererMain(events: TraceEvent[]): string | undefined {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const busy = new Map<string, number>();
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`;
    if (event.ph === 'X' && mains.has(key)) busy.set(key, (busy.get(key) ?? 0) + (event.dur ?? 0));
  }
  return [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  sampledMs: number;
  selfMs: [string, number][];
  totalMs: [string, number][];
}

/**
 * Self and total (inclusive) time by function. A function is named `name:line` (bundled code: the line in
 * the built file); recursion counts once in a total.
 */
export function summariseProfile(profile: CpuProfile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const label = (id: number) => {
    const frame = byId.get(id)!.callFrame;
    return `${frame.functionName || '(anonymous)'}:${frame.lineNumber}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let sampled = 0;
  profile.samples.forEach((id, i) => {
    // timeDeltas[i] is the time before sample i; the time a sample stands for is the gap that follows it.
    const us = profile.timeDeltas[i + 1] ?? 0;
    sampled += us;
    self.set(label(id), (self.get(label(id)) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = label(at);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + us);
    }
  });
  const ranked = (map: Map<string, number>) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]): [string, number] => [name, round(us / 1000)]);
  return { sampledMs: round(sampled / 1000), selfMs: ranked(self), totalMs: ranked(total) };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
