// Starts Berth headless (the built out/main/serve.js) for a test and reads its URL from stdout.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export interface BerthServer {
  url: string;
  origin: string;
  token: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export async function startBerthServer(env: Record<string, string> = {}): Promise<BerthServer> {
  // BERTH_E2E_BUILD: another build directory than out/ (so a run is not swapped out by someone's rebuild).
  const child = spawn(process.execPath, [resolve(process.env.BERTH_E2E_BUILD ?? 'out', 'main/serve.js')], {
    env: { ...process.env, BERTH_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`Berth did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Berth is ready at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Berth exited with ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '',
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolvePromise) => {
        if (child.exitCode !== null) return resolvePromise();
        child.once('exit', () => resolvePromise());
        child.kill('SIGTERM');
      }),
  };
}
