// Shared by the logs engine tests: a real engine connection, containers labelled berth.test=logs
// (named berth-logs-…), and a collector standing in for the IPC stream sink.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, expect } from 'vitest';
import type { LogChunk, LogLineKind, LogSourceInfo, LogStreamState } from '../shared/contract/logs';
import { unpackLogChunks } from '../shared/log-pack';
import { EngineConnection } from './connection';
import { openLogs, type LogsOutput, type LogsRequest } from './logs';

export const LOGS_TEST_LABEL = 'berth.test=logs';

export function docker(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 }).trim();
}

export function uniqueName(what: string): string {
  return `berth-logs-${what}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** docker run -d with the test label; returns the container's full id. */
export function runContainer(name: string, ...args: string[]): string {
  return docker('run', '-d', '--label', LOGS_TEST_LABEL, '--name', name, ...args);
}

export function removeTestContainers(): void {
  const ids = docker('ps', '-aq', '--filter', `label=${LOGS_TEST_LABEL}`).split('\n').filter(Boolean);
  if (ids.length) docker('rm', '-f', ...ids);
}

export async function connectLocalEngine(): Promise<EngineConnection> {
  const engine = new EngineConnection({
    id: 'local',
    name: 'Local',
    endpoint: { host: 'unix:///var/run/docker.sock', source: 'test' },
    onStatus: () => {},
    onContainersPatch: () => {},
  });
  await engine.start();
  if (!engine.connected) throw new Error(`engine not connected: ${engine.getStatus().lastError}`);
  return engine;
}

/** The local engine for a test file's tests (connected before them); their containers go after them. */
export function useLocalEngine(): () => EngineConnection {
  let engine: EngineConnection | undefined;
  beforeAll(async () => {
    engine = await connectLocalEngine();
  });
  afterAll(() => {
    removeTestContainers();
    engine?.stop();
  });
  return () => {
    if (!engine) throw new Error('the engine is not connected yet');
    return engine;
  };
}

/** A log request for these containers: the whole log, no follow, unless options say otherwise. */
export function logsRequest(ids: string[], options: Partial<LogsRequest> = {}): LogsRequest {
  return { containers: ids.map((id) => ({ id })), tail: 'all', range: {}, follow: false, ...options };
}

/** Opens a finite log and collects it to its end, which must come without an error. */
export async function readLog(engine: EngineConnection, ids: string[], options: Partial<LogsRequest> = {}): Promise<LogCollector> {
  const out = new LogCollector();
  await openLogs(engine, logsRequest(ids, options), out);
  await waitFor(() => out.ended, 'the log to end', 60_000);
  expect(out.error).toBeUndefined();
  return out;
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface CollectedLine {
  text: string;
  kind: LogLineKind;
  ts: string;
  src: number;
}

export class LogCollector implements LogsOutput {
  readonly lines: CollectedLine[] = [];
  readonly states: { state: LogStreamState; message?: string }[] = [];
  sources: LogSourceInfo[] = [];
  ended = false;
  error: unknown;
  chunks = 0;
  /** The latest "older lines not sent" count (tail all with keep). */
  olderLines?: number;

  push(packed: LogChunk): void {
    this.chunks++;
    for (const chunk of unpackLogChunks([packed])) this.take(chunk);
  }

  private take(chunk: ReturnType<typeof unpackLogChunks<LogChunk>>[number]): void {
    if (chunk.t === 'sources') this.sources = chunk.sources;
    else if (chunk.t === 'state') this.states.push({ state: chunk.state, message: chunk.message });
    else if (chunk.t === 'older') this.olderLines = chunk.lines;
    else {
      for (let i = 0; i < chunk.text.length; i++) {
        this.lines.push({ text: chunk.text[i], kind: chunk.kinds[i] as LogLineKind, ts: chunk.ts[i], src: chunk.src?.[i] ?? 0 });
      }
    }
  }

  end(error?: unknown): void {
    this.ended = true;
    this.error = error;
  }

  texts(): string[] {
    return this.lines.map((line) => line.text);
  }
}
