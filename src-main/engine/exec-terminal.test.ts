// TerminalPipe's own rules, over an in-memory socket: decoding, back-pressure, resize coalescing, and
// exactly-once cleanup however the session ends.
import { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TerminalPipe, type TerminalBackend } from './exec-terminal';
import { RecordingSink } from './exec-test-kit';

/** A socket whose far end the test plays: `fromProcess` is output, `typed` what the pipe wrote. */
function fakeSocket() {
  const typed: string[] = [];
  const socket = new Duplex({
    read() {},
    write(chunk, _encoding, done) {
      typed.push(chunk.toString());
      done();
    },
  });
  return { socket, typed, fromProcess: (data: Buffer | string) => socket.push(data), endOutput: () => socket.push(null) };
}

function recordingBackend(exitCode: number | null = 0) {
  const calls = { resize: [] as string[], terminate: 0, cleanup: 0 };
  let release: (() => void) | undefined;
  const backend: TerminalBackend = {
    resize: (cols, rows) => {
      calls.resize.push(`${cols}x${rows}`);
      return new Promise<void>((resolve) => (release = resolve));
    },
    ended: async () => ({ exitCode }),
    terminate: async () => void calls.terminate++,
    cleanup: async () => void calls.cleanup++,
  };
  return { backend, calls, finishResize: () => release?.() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('TerminalPipe', () => {
  it('decodes UTF-8 split across chunks and ends with the exit code', async () => {
    const { socket, fromProcess, endOutput } = fakeSocket();
    const { backend, calls } = recordingBackend(3);
    const sink = new RecordingSink();
    const pipe = new TerminalPipe(socket, sink, backend, { tty: true });
    const euro = Buffer.from('€');
    fromProcess(euro.subarray(0, 1));
    fromProcess(euro.subarray(1));
    endOutput();
    await pipe.finished;
    expect(sink.text).toBe('€');
    expect(sink.exited()).toEqual({ kind: 'exited', exitCode: 3 });
    expect(calls).toMatchObject({ terminate: 0, cleanup: 1 });
  });

  it('sends keystrokes and stops reading while paused', async () => {
    const { socket, typed, fromProcess } = fakeSocket();
    const sink = new RecordingSink();
    // (Without the backlog skip, which Ctrl+C during a flood would start: its own test is below.)
    const pipe = new TerminalPipe(socket, sink, recordingBackend().backend, { tty: true, skip: false });
    pipe.pause();
    fromProcess('flood');
    pipe.write('\x03');
    await tick();
    expect(sink.text).toBe('');
    expect(typed).toEqual(['\x03']);
    pipe.resume();
    await tick();
    expect(sink.text).toBe('flood');
    pipe.close();
  });

  it('skips a flood’s backlog after Ctrl+C and sends its last lines', async () => {
    const { socket, typed, fromProcess } = fakeSocket();
    const sink = new RecordingSink();
    const skip = { floodBytes: 1000, quietMs: 30, tailBytes: 64 };
    const pipe = new TerminalPipe(socket, sink, recordingBackend().backend, { tty: true, skip });
    const line = 'y'.repeat(99) + '\r\n';
    fromProcess(line.repeat(20));
    await tick();
    pipe.pause(); // the page is behind
    fromProcess(line.repeat(50)); // the backlog: not read while paused
    pipe.write('\x03');
    fromProcess('^C\r\nREADY> ');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(typed).toEqual(['\x03']);
    expect(sink.notices).toEqual([{ kind: 'skipping' }, { kind: 'skipped', bytes: 50 * line.length }]);
    expect(sink.text).toBe(line.repeat(20) + '^C\r\nREADY> ');
    pipe.close();
  });

  it('passes Ctrl+C through without skipping when nothing floods', async () => {
    const { socket, fromProcess } = fakeSocket();
    const sink = new RecordingSink();
    const pipe = new TerminalPipe(socket, sink, recordingBackend().backend, { tty: true, skip: { floodBytes: 1000, quietMs: 10 } });
    fromProcess('sleep 100\r\n');
    pipe.write('\x03');
    fromProcess('^C\r\nREADY> ');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(sink.notices).toEqual([]);
    expect(sink.text).toBe('sleep 100\r\n^C\r\nREADY> ');
    pipe.close();
  });

  it('keeps one resize in flight and applies the latest size after it', async () => {
    const { socket } = fakeSocket();
    const { backend, calls, finishResize } = recordingBackend();
    const pipe = new TerminalPipe(socket, new RecordingSink(), backend, { tty: true, cols: 80, rows: 24 });
    pipe.resize(100, 30);
    pipe.resize(120, 40);
    expect(calls.resize).toEqual(['80x24']);
    finishResize();
    await tick();
    expect(calls.resize).toEqual(['80x24', '120x40']);
    pipe.close();
  });

  it('holds what is typed before the first size reached the engine, then sends it in order', async () => {
    const { socket, typed } = fakeSocket();
    const { backend, finishResize } = recordingBackend();
    const pipe = new TerminalPipe(socket, new RecordingSink(), backend, { tty: true, skip: false, cols: 90, rows: 20 });
    pipe.write('stty ');
    pipe.write('size\r');
    await tick();
    expect(typed).toEqual([]); // the TTY is still 0×0: `stty size` would fail
    finishResize();
    await tick();
    expect(typed.join('')).toBe('stty size\r');
    pipe.write('echo next\r');
    await tick();
    expect(typed.join('')).toBe('stty size\recho next\r');
    pipe.close();
  });

  it('ends the process and cleans up once when the consumer closes', async () => {
    const { socket } = fakeSocket();
    const { backend, calls } = recordingBackend();
    const sink = new RecordingSink();
    const pipe = new TerminalPipe(socket, sink, backend, { tty: true });
    pipe.close();
    pipe.close();
    await pipe.finished;
    expect(calls).toMatchObject({ terminate: 1, cleanup: 1 });
    expect(sink.exited()).toBeUndefined();
  });

  it('turns the engine’s could-not-start text into an error', async () => {
    const { socket, fromProcess, endOutput } = fakeSocket();
    const sink = new RecordingSink();
    const pipe = new TerminalPipe(socket, sink, recordingBackend(126).backend, { tty: true, failureContext: { command: 'zsh' } });
    fromProcess('OCI runtime exec failed: exec failed: unable to start container process: exec: "zsh": executable file not found in $PATH: unknown\r\n');
    endOutput();
    await pipe.finished;
    expect(String(sink.error)).toContain('"zsh" does not exist');
  });

  it('demultiplexes a non-TTY stream and adds carriage returns', async () => {
    const { socket, fromProcess, endOutput } = fakeSocket();
    const sink = new RecordingSink();
    const pipe = new TerminalPipe(socket, sink, recordingBackend().backend, { tty: false });
    const header = Buffer.from([2, 0, 0, 0, 0, 0, 0, 4]);
    fromProcess(Buffer.concat([header, Buffer.from('err\n')]));
    endOutput();
    await pipe.finished;
    expect(sink.text).toBe('err\r\n');
  });
});
