import { describe, expect, it } from 'vitest';
import { summariseFrames, summariseProfile, summariseThreads, type TraceEvent } from './trace-summary';

const thread = (pid: number, tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', pid, tid, ts: 0, args: { name } });
const complete = (name: string, ts: number, dur: number, tid = 1, args?: TraceEvent['args']): TraceEvent => ({ name, ph: 'X', pid: 1, tid, ts, dur, args });

describe('summariseThreads', () => {
  it('gives each event its time minus what nests inside it, per thread', () => {
    const events = [
      thread(1, 1, 'CrRendererMain'),
      complete('Task', 0, 100_000),
      complete('FunctionCall', 10_000, 60_000),
      complete('GC', 20_000, 10_000),
      complete('Task', 200_000, 50_000),
      complete('Other', 0, 1_000, 2), // a nearly idle thread: left out
    ];
    const [main, ...rest] = summariseThreads(events, 50);
    expect(rest).toEqual([]);
    expect(main.thread).toBe('CrRendererMain (1:1)');
    expect(main.busyMs).toBe(150);
    expect(Object.fromEntries(main.selfMs)).toEqual({ Task: 90, FunctionCall: 50, GC: 10 });
  });
});

describe('summariseFrames', () => {
  it('counts the page main thread’s frames, layouts by dirty objects, and paints', () => {
    const events = [
      thread(1, 1, 'CrRendererMain'),
      complete('ProxyMain::BeginMainFrame', 0, 4_000),
      complete('Layout', 100, 1_000, 1, { beginData: { dirtyObjects: 56, totalObjects: 376 } }),
      complete('Paint', 1_200, 500),
      complete('ProxyMain::BeginMainFrame', 16_000, 2_000),
      complete('Layout', 16_100, 500, 1, { beginData: { dirtyObjects: 56, totalObjects: 376 } }),
      complete('ProxyMain::BeginMainFrame', 32_000, 3_000),
    ];
    expect(summariseFrames(events)).toEqual({
      frames: 3,
      frameMs: 9,
      frameMedianMs: 3,
      layouts: 2,
      layoutDirtyObjects: [['56/376', 2]],
      paints: 1,
    });
  });

  it('has nothing to say without a renderer main thread', () => {
    expect(summariseFrames([thread(1, 1, 'VizCompositorThread')])).toBeUndefined();
  });
});

describe('summariseProfile', () => {
  it('adds each sample’s time to its function (self) and every caller once (total)', () => {
    const frame = (functionName: string, lineNumber: number) => ({ functionName, url: 'app.js', lineNumber });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', -1), children: [2] },
        { id: 2, callFrame: frame('parse', 10), children: [3] },
        { id: 3, callFrame: frame('print', 20), children: [4] },
        { id: 4, callFrame: frame('parse', 10) }, // recursion: counted once in parse's total
      ],
      samples: [3, 4, 2],
      timeDeltas: [0, 1_000, 2_000, 500],
    };
    const summary = summariseProfile(profile);
    expect(summary.sampledMs).toBe(3.5);
    expect(Object.fromEntries(summary.selfMs)).toEqual({ 'print:20': 1, 'parse:10': 2.5 });
    expect(Object.fromEntries(summary.totalMs)).toEqual({ '(root):-1': 3.5, 'parse:10': 3.5, 'print:20': 3 });
  });
});
