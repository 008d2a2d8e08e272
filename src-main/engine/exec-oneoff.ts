// A non-interactive exec (docker exec without -it): run a command to its end and collect its output and
// exit code. Used for the one-off command mode, shell detection, and cleaning up after sessions.
import type Dockerode from 'dockerode';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { StreamDemuxer } from './exec-demux';
import { engineCall } from './engine-errors';
import { waitForExecExit } from './exec-inspect';

export interface OneOffOptions {
  cmd: string[];
  user?: string;
  workdir?: string;
  env?: string[];
  /** Output kept per stream; the rest is counted as truncated and dropped. */
  maxBytes?: number;
  /** Stop reading (and give up on the exit code) after this long. */
  timeoutMs?: number;
}

export interface OneOffResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  truncated: boolean;
  timedOut: boolean;
}

const DEFAULT_MAX_BYTES = 1024 * 1024;

export async function runOneOff(docker: Dockerode, containerId: string, options: OneOffOptions): Promise<OneOffResult> {
  const exec = await engineCall(() =>
    docker.getContainer(containerId).exec({
      Cmd: options.cmd,
      AttachStdout: true,
      AttachStderr: true,
      Tty: false,
      ...(options.user ? { User: options.user } : {}),
      ...(options.workdir ? { WorkingDir: options.workdir } : {}),
      ...(options.env?.length ? { Env: options.env } : {}),
    }),
  );
  const stream = (await engineCall(() => exec.start({}))) as Readable;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const collected = { stdout: new OutputCollector(maxBytes), stderr: new OutputCollector(maxBytes) };
  const demuxer = new StreamDemuxer((which, data) => collected[which].add(data));
  const timedOut = await new Promise<boolean>((resolve) => {
    const timer = options.timeoutMs ? setTimeout(() => finish(true), options.timeoutMs) : undefined;
    function finish(late: boolean) {
      if (timer) clearTimeout(timer);
      stream.off('data', onData);
      if (late) stream.destroy();
      resolve(late);
    }
    const onData = (chunk: Buffer) => demuxer.push(chunk);
    stream.on('data', onData);
    stream.once('end', () => finish(false));
    stream.once('close', () => finish(false));
    stream.once('error', () => finish(false));
  });
  const exitCode = timedOut ? null : await waitForExecExit(exec);
  return {
    exitCode,
    stdout: collected.stdout.text(),
    stderr: collected.stderr.text(),
    truncated: collected.stdout.truncated || collected.stderr.truncated,
    timedOut,
  };
}

/** Keeps the first maxBytes of a stream as text, decoding UTF-8 across chunk boundaries. */
class OutputCollector {
  private readonly decoder = new StringDecoder('utf8');
  private parts: string[] = [];
  private kept = 0;
  truncated = false;

  constructor(private readonly maxBytes: number) {}

  add(data: Buffer): void {
    if (this.kept >= this.maxBytes) {
      this.truncated ||= data.length > 0;
      return;
    }
    const room = this.maxBytes - this.kept;
    const slice = data.length > room ? data.subarray(0, room) : data;
    if (slice.length < data.length) this.truncated = true;
    this.kept += slice.length;
    this.parts.push(this.decoder.write(slice));
  }

  text(): string {
    return this.parts.join('') + this.decoder.end();
  }
}
