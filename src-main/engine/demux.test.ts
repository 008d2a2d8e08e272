import { describe, expect, it } from 'vitest';
import { FrameDemuxer, looksMultiplexed, STREAM_STDERR, STREAM_STDOUT, STREAM_SYSTEM_ERROR } from './demux';
import { LineAssembler, MAX_LINE_BYTES, type LineKind } from './logs-lines';

function frame(kind: number, payload: string | Buffer): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const header = Buffer.alloc(8);
  header[0] = kind;
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

interface Collected {
  stdout: Buffer[];
  stderr: Buffer[];
  frames: number;
  pieces: number;
}

function demuxAll(chunks: Buffer[]): Collected {
  const out: Collected = { stdout: [], stderr: [], frames: 0, pieces: 0 };
  const demuxer = new FrameDemuxer((kind, data, start, end, frameStart) => {
    out.pieces++;
    if (frameStart) out.frames++;
    // Copy: the view is only valid during the call.
    (kind === STREAM_STDERR ? out.stderr : out.stdout).push(Buffer.from(data.subarray(start, end)));
  });
  for (const chunk of chunks) demuxer.push(chunk);
  expect(demuxer.midFrame).toBe(false);
  return out;
}

function splitAt(data: Buffer, offsets: number[]): Buffer[] {
  const chunks: Buffer[] = [];
  let previous = 0;
  for (const offset of offsets) {
    chunks.push(data.subarray(previous, offset));
    previous = offset;
  }
  chunks.push(data.subarray(previous));
  return chunks;
}

const sample = Buffer.concat([
  frame(STREAM_STDOUT, 'stdout line 1\n'),
  frame(STREAM_STDERR, 'stderr line 2\n'),
  frame(STREAM_STDOUT, ''), // empty frames happen; they carry nothing
  frame(STREAM_STDOUT, 'héllo wörld ✓ 🚢\n'),
  frame(STREAM_STDERR, Buffer.alloc(300, 0x61)),
  frame(STREAM_STDOUT, 'last\n'),
]);

describe('FrameDemuxer', () => {
  it('hands out each frame of a multi-frame chunk as one view, without copying', () => {
    const views: Buffer[] = [];
    const demuxer = new FrameDemuxer((_kind, data) => views.push(data));
    demuxer.push(sample);
    expect(views).toHaveLength(5);
    for (const view of views) expect(view).toBe(sample);
  });

  it('gives the same payloads whatever single offset the stream is split at', () => {
    const whole = demuxAll([sample]);
    for (let offset = 0; offset <= sample.length; offset++) {
      const split = demuxAll(splitAt(sample, [offset]));
      expect(Buffer.concat(split.stdout).toString()).toBe(Buffer.concat(whole.stdout).toString());
      expect(Buffer.concat(split.stderr)).toEqual(Buffer.concat(whole.stderr));
      expect(split.frames).toBe(5);
    }
  });

  it('gives the same payloads when split at every pair of offsets within the first frames', () => {
    const expected = Buffer.concat(demuxAll([sample]).stdout).toString();
    for (let a = 1; a < 60; a++) {
      for (let b = a; b < 70; b++) {
        expect(Buffer.concat(demuxAll(splitAt(sample, [a, b])).stdout).toString()).toBe(expected);
      }
    }
  });

  it('survives one byte at a time (a header spread over eight chunks)', () => {
    const bytes = [...sample].map((byte) => Buffer.from([byte]));
    const out = demuxAll(bytes);
    expect(Buffer.concat(out.stdout).toString()).toBe('stdout line 1\nhéllo wörld ✓ 🚢\nlast\n');
    expect(Buffer.concat(out.stderr).toString()).toBe('stderr line 2\n' + 'a'.repeat(300));
    expect(out.frames).toBe(5);
  });

  it('flags the stream kind, including the engine’s in-stream error frames', () => {
    const kinds: number[] = [];
    new FrameDemuxer((kind) => kinds.push(kind)).push(
      Buffer.concat([frame(STREAM_STDOUT, 'a'), frame(STREAM_SYSTEM_ERROR, 'boom'), frame(STREAM_STDERR, 'b')]),
    );
    expect(kinds).toEqual([STREAM_STDOUT, STREAM_SYSTEM_ERROR, STREAM_STDERR]);
  });

  it('reports a stream that stopped mid-frame', () => {
    const demuxer = new FrameDemuxer(() => {});
    demuxer.push(sample.subarray(0, 12));
    expect(demuxer.midFrame).toBe(true);
  });

  it('tells multiplexed bytes from raw TTY text', () => {
    expect(looksMultiplexed(sample)).toBe(true);
    expect(looksMultiplexed(Buffer.from('2024-01-01T00:00:00.000000000Z hello\r\n'))).toBe(false);
  });
});

interface Line {
  text: string;
  kind: LineKind;
  ts: string;
}

function assemble(chunks: Buffer[], options: { timestamps: boolean; tty: boolean }): Line[] {
  const lines: Line[] = [];
  const assembler = new LineAssembler(options, (data, start, end, kind, ts) =>
    lines.push({ text: data.toString('utf8', start, end), kind, ts }),
  );
  if (options.tty) {
    for (const chunk of chunks) assembler.pushRaw(chunk);
  } else {
    const demuxer = new FrameDemuxer((kind, data, start, end, frameStart) =>
      assembler.pushPiece(kind, data, start, end, frameStart),
    );
    for (const chunk of chunks) demuxer.push(chunk);
  }
  assembler.flush();
  return lines;
}

const T1 = '2024-05-01T10:00:00.000000001Z';
const T2 = '2024-05-01T10:00:00.000000002Z';
const T3 = '2024-05-01T10:00:00.000000003Z';

describe('LineAssembler', () => {
  it('splits lines, keeps stdout and stderr apart and takes the timestamp prefix off', () => {
    const stream = Buffer.concat([
      frame(STREAM_STDOUT, `${T1} stdout line 1\n`),
      frame(STREAM_STDERR, `${T2} stderr line 2\n`),
      frame(STREAM_STDOUT, `${T3} stdout line 3\n`),
    ]);
    expect(assemble([stream], { timestamps: true, tty: false })).toEqual([
      { text: 'stdout line 1', kind: 'o', ts: T1 },
      { text: 'stderr line 2', kind: 'e', ts: T2 },
      { text: 'stdout line 3', kind: 'o', ts: T3 },
    ]);
  });

  it('decodes a multi-byte character split across two frames (a 16 KiB message boundary)', () => {
    const snowman = Buffer.from('☃', 'utf8'); // 3 bytes
    const stream = Buffer.concat([
      frame(STREAM_STDOUT, Buffer.concat([Buffer.from(`${T1} before `), snowman.subarray(0, 2)])),
      frame(STREAM_STDOUT, Buffer.concat([Buffer.from(`${T2} `), snowman.subarray(2), Buffer.from(' after\n')])),
    ]);
    for (let offset = 0; offset <= stream.length; offset++) {
      expect(assemble(splitAt(stream, [offset]), { timestamps: true, tty: false })).toEqual([
        { text: 'before ☃ after', kind: 'o', ts: T1 },
      ]);
    }
  });

  it('decodes multi-byte characters split across chunks at every offset, without timestamps', () => {
    const text = 'ünïcödé 日本語 🚢🚢\nsecond\n';
    const stream = frame(STREAM_STDOUT, text);
    for (let offset = 0; offset <= stream.length; offset++) {
      const lines = assemble(splitAt(stream, [offset]), { timestamps: false, tty: false });
      expect(lines.map((l) => l.text)).toEqual(['ünïcödé 日本語 🚢🚢', 'second']);
    }
  });

  it('reads a TTY stream raw: CRLF line ends, a timestamp after every newline', () => {
    const stream = Buffer.from(`${T1} one\r\n${T2} t\u00e9l\u00e9\r\n${T3} \x1b[31mred\x1b[0m\r\n`);
    for (let offset = 0; offset <= stream.length; offset++) {
      expect(assemble(splitAt(stream, [offset]), { timestamps: true, tty: true })).toEqual([
        { text: 'one', kind: 'o', ts: T1 },
        { text: 'télé', kind: 'o', ts: T2 },
        { text: '\x1b[31mred\x1b[0m', kind: 'o', ts: T3 },
      ]);
    }
  });

  it('keeps the timestamp of the frame where a line began when a long line spans frames', () => {
    const stream = Buffer.concat([
      frame(STREAM_STDOUT, `${T1} ${'a'.repeat(10)}`),
      frame(STREAM_STDERR, `${T2} err\n`),
      frame(STREAM_STDOUT, `${T3} ${'b'.repeat(5)}\n`),
    ]);
    expect(assemble([stream], { timestamps: true, tty: false })).toEqual([
      { text: 'err', kind: 'e', ts: T2 },
      { text: 'a'.repeat(10) + 'b'.repeat(5), kind: 'o', ts: T1 },
    ]);
  });

  it('emits an unterminated last line when the stream ends', () => {
    const stream = frame(STREAM_STDOUT, `${T1} no newline`);
    expect(assemble([stream], { timestamps: true, tty: false })).toEqual([{ text: 'no newline', kind: 'o', ts: T1 }]);
  });

  it('breaks a line that never ends instead of growing without bound', () => {
    const stream = frame(STREAM_STDOUT, 'x'.repeat(MAX_LINE_BYTES + 10));
    const lines = assemble([stream], { timestamps: false, tty: false });
    expect(lines.map((l) => l.text.length)).toEqual([MAX_LINE_BYTES, 10]);
  });

  it('breaks a long line at a character boundary, never inside a multi-byte character', () => {
    const text = '€'.repeat(30_000); // 90,000 bytes; 65,536 is not a multiple of 3
    const stream = frame(STREAM_STDOUT, `${T1} ${text}\n`);
    for (const offset of [0, 100, 30_000, 65_540, 70_001]) {
      const lines = assemble(splitAt(stream, [offset]), { timestamps: true, tty: false });
      expect(lines.map((l) => l.text.length)).toEqual([21_845, 8_155]);
      expect(lines.map((l) => l.text).join('')).toBe(text);
    }
  });
});
