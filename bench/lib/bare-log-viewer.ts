// Starts bare-log-server.ts (P5's floor: a bare server and page following one container's log) as its
// own process and waits for its URL.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface BareLogViewer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function launchBareLogViewer(): Promise<BareLogViewer> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'bare-log-server.ts')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bare log viewer did not start within 20 s:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /bare log viewer at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bare log viewer exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
