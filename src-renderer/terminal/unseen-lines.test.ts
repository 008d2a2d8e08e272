// Finding the span of plain lines that the output after it pushes out of the scrollback.
import { describe, expect, it } from 'vitest';
import { findUnseenSpan } from './unseen-lines';

const encode = (text: string) => new TextEncoder().encode(text);
const lines = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}\r\n`).join('');

/** The text left when the span is cut out. */
function kept(text: string, lineFeeds: number, cuts: number[] = []): string | undefined {
  const bytes = encode(text);
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    chunks.push(bytes.subarray(at, cut));
    at = cut;
  }
  const span = findUnseenSpan(chunks, lineFeeds);
  if (!span) return undefined;
  return new TextDecoder().decode(bytes.subarray(0, span.from)) + new TextDecoder().decode(bytes.subarray(span.to));
}

describe('findUnseenSpan', () => {
  it('keeps the first line and the last lines with enough LFs in them, cutting whole lines between', () => {
    expect(kept(lines(1, 10), 3)).toBe(lines(1, 1) + lines(8, 10));
  });

  it('reads across chunks, a CR LF cut between two of them included', () => {
    const text = lines(1, 10);
    const crlf = text.indexOf('\r\n', 30);
    expect(kept(text, 3, [5, crlf + 1, 60])).toBe(lines(1, 1) + lines(8, 10));
  });

  it('leaves an unfinished last line in the kept part', () => {
    expect(kept(`${lines(1, 10)}partial`, 3)).toBe(lines(1, 1) + lines(8, 10) + 'partial');
  });

  it('cuts nothing when the lines after would not push the span out', () => {
    expect(kept(lines(1, 4), 3)).toBeUndefined();
    expect(kept(lines(1, 5), 3)).toBe(lines(1, 1) + lines(3, 5));
  });

  it('stops at the first escape sequence: what follows it is not counted', () => {
    const text = `${lines(1, 10)}\x1b[31mred\x1b[0m\r\n${lines(11, 20)}`;
    expect(kept(text, 3)).toBe(lines(1, 1) + lines(8, 10) + `\x1b[31mred\x1b[0m\r\n${lines(11, 20)}`);
    expect(kept(`\x1b[H${lines(1, 10)}`, 3)).toBeUndefined();
  });

  it('stops at other control characters (bell, backspace, shift out)', () => {
    for (const control of ['\x07', '\x08', '\x0e', '\x7f']) {
      expect(kept(`${lines(1, 3)}${control}${lines(4, 20)}`, 3)).toBeUndefined();
    }
  });

  it('takes tabs and UTF-8 text (wide characters, emoji) as plain', () => {
    const text = Array.from({ length: 10 }, (_, i) => `${i}\tprix 5 € · 你好 🚢\r\n`).join('');
    const span = findUnseenSpan([encode(text)], 3);
    expect(span).toBeDefined();
    expect(new TextDecoder().decode(encode(text).subarray(span!.to))).toBe(text.split('\r\n').slice(7).join('\r\n'));
  });

  it('does not take C1 controls written in UTF-8, overlong forms or bytes that are not UTF-8 as plain', () => {
    const before = encode(lines(1, 3));
    const after = encode(lines(4, 20));
    for (const odd of [[0xc2, 0x9b], [0xe0, 0x82, 0x9b], [0xff], [0x80], [0xed, 0xa0, 0x80]]) {
      expect(findUnseenSpan([before, new Uint8Array(odd), after], 3)).toBeUndefined();
    }
  });

  it('does not count a UTF-8 character cut off at the end of the data as plain', () => {
    const euro = encode('€');
    const span = findUnseenSpan([encode(lines(1, 10)), euro.subarray(0, 2)], 3);
    expect(span).toEqual({ from: encode(lines(1, 1)).length, to: encode(lines(1, 7)).length });
  });

  it('needs CR LF at both ends of the span: lines ended by LF alone are never cut', () => {
    expect(kept(Array.from({ length: 10 }, (_, i) => `n${i}\n`).join(''), 3)).toBeUndefined();
  });
});
