// Starts bare-log-server.ts (P5's floor: a bare server and page following one container's log) as its
// own process and waits for its URL.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { awaitReadyLine, stopChild } from './child-ready';

export interface BareLogViewer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function launchBareLogViewer(): Promise<BareLogViewer> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'bare-log-server.ts')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await awaitReadyLine(child, /bare log viewer at (\S+)/, 'the bare log viewer');
  return { url, pid: child.pid!, stop: () => stopChild(child) };
}
