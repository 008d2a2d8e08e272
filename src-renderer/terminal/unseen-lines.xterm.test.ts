// Skipping unseen lines leaves xterm exactly as parsing everything would: the same output goes into two real
// xterms (@xterm/headless, the same xterm core the page runs), one directly and one through the output queue
// that skips, and every cell, row and the cursor must match.
import headless from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { TerminalOutputQueue } from './terminal-output-queue';
import { xtermLinesKept } from './xterm-unseen-lines';

// @xterm/headless is CommonJS: its named exports are not visible to Node's ESM loader.
const { Terminal } = headless;
type HeadlessTerminal = InstanceType<typeof Terminal>;

const SIZE = { cols: 40, rows: 10, scrollback: 200 };
const encoder = new TextEncoder();

function newTerminal(): HeadlessTerminal {
  return new Terminal({ ...SIZE, allowProposedApi: true });
}

function written(term: HeadlessTerminal, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => term.write(data, resolve));
}

/** Every row of the buffer, cell by cell (text, width, colours, bold), and where the cursor and view are. */
function snapshot(term: HeadlessTerminal) {
  const buffer = term.buffer.active;
  const rows: string[] = [];
  const cell = buffer.getNullCell();
  for (let y = 0; y < buffer.length; y++) {
    const line = buffer.getLine(y)!;
    let row = line.isWrapped ? 'wrapped:' : '';
    for (let x = 0; x < term.cols; x++) {
      line.getCell(x, cell);
      row += `${cell.getChars() || ' '}${cell.getWidth()}${cell.getFgColorMode()}.${cell.getFgColor()}.${cell.getBgColorMode()}.${cell.getBgColor()}${cell.isBold()}|`;
    }
    rows.push(row);
  }
  return { type: buffer.type, length: buffer.length, baseY: buffer.baseY, viewportY: buffer.viewportY, cursorX: buffer.cursorX, cursorY: buffer.cursorY, rows };
}

/** A repeatable split of the output into batches of 1 byte to 12 KB, cutting anywhere (a character included). */
function batches(output: string, seed: number): Uint8Array[] {
  const bytes = encoder.encode(output);
  const parts: Uint8Array[] = [];
  let state = seed;
  for (let at = 0; at < bytes.length; ) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const size = 1 + (state % (12 * 1024));
    parts.push(bytes.subarray(at, at + size));
    at += size;
  }
  return parts;
}

/** Feeds the output through the queue, as the page does, into `term`: resolves once all was acknowledged. */
function throughQueue(term: HeadlessTerminal, parts: Uint8Array[]): Promise<TerminalOutputQueue> {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  return new Promise((resolve) => {
    let acked = 0;
    const queue: TerminalOutputQueue = new TerminalOutputQueue(
      {
        write: (data, parsed) => term.write(data, parsed),
        notice: () => {},
        ack: (bytes) => {
          acked += bytes;
          if (acked === total) void written(term, '').then(() => resolve(queue));
        },
        linesKept: xtermLinesKept(term),
      },
      16 * 1024,
      (task) => setTimeout(task, 0),
    );
    for (const part of parts) queue.push([part], part.length);
  });
}

/** The same output both ways, after the same set-up; returns what the queue skipped. */
async function compare(output: string, setUp = '', seed = 7): Promise<number> {
  const direct = newTerminal();
  const skipping = newTerminal();
  try {
    await written(direct, setUp);
    await written(skipping, setUp);
    const parts = batches(output, seed);
    for (const part of parts) direct.write(part);
    await written(direct, '');
    const queue = await throughQueue(skipping, parts);
    expect(snapshot(skipping)).toEqual(snapshot(direct));
    return queue.skippedUnseen;
  } finally {
    direct.dispose();
    skipping.dispose();
  }
}

const numbered = (count: number, line: (n: number) => string) => Array.from({ length: count }, (_, i) => `${line(i + 1)}\r\n`).join('');

describe('skipping unseen lines (real xterm, direct vs through the queue)', () => {
  it('numbered lines: the same screen, scrollback and cursor, and most of the flood skipped', async () => {
    const output = numbered(20_000, (n) => `line ${n} of the flood`);
    const skipped = await compare(output);
    expect(skipped).toBeGreaterThan(output.length / 2);
  });

  it('lines longer than the terminal is wide (wrapped rows), and an unfinished last line', async () => {
    expect(await compare(`${numbered(5000, (n) => `${n} ${'wide '.repeat(20)}`)}no newline yet`)).toBeGreaterThan(0);
  });

  it('lines exactly as wide as the terminal, tabs, and CR progress redraws', async () => {
    const output = numbered(5000, (n) => (n % 3 === 0 ? 'x'.repeat(SIZE.cols) : n % 3 === 1 ? `${n}\tcol\tcol` : `${n}: 10%\r${n}: 90%`));
    expect(await compare(output, '', 11)).toBeGreaterThan(0);
  });

  it('UTF-8: accents, wide characters and emoji, split anywhere between batches', async () => {
    expect(await compare(numbered(5000, (n) => `${n} prix 5 € · 你好世界 🚢 ok`), '', 3)).toBeGreaterThan(0);
  });

  it('colour sequences among the lines: parsed, and the plain stretches between them still skipped', async () => {
    const output = numbered(40_000, (n) => (n % 2000 === 0 ? `\x1b[3${n % 8}m${n} coloured\x1b[0m` : `${n} plain`));
    expect(await compare(output)).toBeGreaterThan(0);
  });

  it('a colour left on before the flood, and a screen full of text with the cursor sent home', async () => {
    const screen = `${'X'.repeat(SIZE.cols)}\r\n`.repeat(SIZE.rows);
    expect(await compare(numbered(20_000, (n) => `${n} on blue`), `\x1b[44m${screen}\x1b[H`)).toBeGreaterThan(0);
  });

  it('skips nothing inside a scroll region, on the alternate screen, or while scrolled up', async () => {
    const output = numbered(5000, (n) => `line ${n}`);
    expect(await compare(output, '\x1b[3;8r')).toBe(0);
    expect(await compare(output, '\x1b[?1049h')).toBe(0);
  });

  it('skips nothing while the view is scrolled up to read', async () => {
    const direct = newTerminal();
    const skipping = newTerminal();
    try {
      const history = numbered(100, (n) => `history ${n}`);
      for (const term of [direct, skipping]) {
        await written(term, history);
        term.scrollLines(-20);
      }
      const parts = batches(numbered(5000, (n) => `line ${n}`), 5);
      for (const part of parts) direct.write(part);
      await written(direct, '');
      const queue = await throughQueue(skipping, parts);
      expect(queue.skippedUnseen).toBe(0);
      expect(snapshot(skipping)).toEqual(snapshot(direct));
    } finally {
      direct.dispose();
      skipping.dispose();
    }
  });
});
