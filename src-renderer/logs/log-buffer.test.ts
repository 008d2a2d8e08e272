import { describe, expect, it } from 'vitest';
import { LogBuffer, type LogLineBatch } from './log-buffer';
import { LogIndex } from './log-index';
import { compileQuery } from './log-search';

function batch(from: number, count: number, kindOf: (n: number) => string = () => 'o'): LogLineBatch {
  const text: string[] = [];
  const ts: string[] = [];
  let kinds = '';
  for (let n = from; n < from + count; n++) {
    text.push(`line ${n}`);
    ts.push(`t${String(n).padStart(6, '0')}`);
    kinds += kindOf(n);
  }
  return { text, ts, kinds };
}

function texts(buffer: LogBuffer): string[] {
  const out: string[] = [];
  for (let pos = buffer.first; pos < buffer.end; pos++) out.push(buffer.textAt(pos));
  return out;
}

describe('LogBuffer', () => {
  it('keeps the newest lines up to its capacity and counts what left', () => {
    const buffer = new LogBuffer(5);
    expect(buffer.append(batch(1, 3))).toBe(0);
    expect(buffer.append(batch(4, 4))).toBe(2);
    expect(texts(buffer)).toEqual(['line 3', 'line 4', 'line 5', 'line 6', 'line 7']);
    expect(buffer.droppedOldest).toBe(2);
    expect(buffer.first).toBe(2);
    expect(buffer.tsAt(buffer.first)).toBe('t000003');
  });

  it('takes a batch larger than itself, keeping its newest lines', () => {
    const buffer = new LogBuffer(3);
    buffer.append(batch(1, 2));
    buffer.append(batch(3, 10));
    expect(texts(buffer)).toEqual(['line 10', 'line 11', 'line 12']);
    expect(buffer.droppedOldest).toBe(9);
  });

  it('prepends older lines at lower positions, dropping the newest when full', () => {
    const buffer = new LogBuffer(6);
    buffer.append(batch(10, 4));
    const firstBefore = buffer.first;
    expect(buffer.prepend(batch(7, 3))).toBe(1);
    expect(texts(buffer)).toEqual(['line 7', 'line 8', 'line 9', 'line 10', 'line 11', 'line 12']);
    expect(buffer.first).toBe(firstBefore - 3);
    expect(buffer.droppedNewest).toBe(1);
  });

  it('marks stdout, stderr and markers per line', () => {
    const buffer = new LogBuffer(10);
    buffer.append({ text: ['a', 'b', 'c'], kinds: 'oem', ts: ['1', '2', '3'], src: [0, 1, 1] });
    expect([0, 1, 2].map((i) => buffer.kindAt(buffer.first + i))).toEqual(['o', 'e', 'm']);
    expect(buffer.srcAt(buffer.first + 1)).toBe(1);
  });

  it('resizes keeping the newest, and clears', () => {
    const buffer = new LogBuffer(10);
    buffer.append(batch(1, 8));
    buffer.resize(3);
    expect(texts(buffer)).toEqual(['line 6', 'line 7', 'line 8']);
    buffer.append(batch(9, 1));
    expect(texts(buffer)).toEqual(['line 7', 'line 8', 'line 9']);
    buffer.clear();
    expect(buffer.size).toBe(0);
    buffer.append(batch(10, 1));
    expect(texts(buffer)).toEqual(['line 10']);
  });
});

describe('LogIndex', () => {
  const stderrEveryThird = (n: number) => (n % 3 === 0 ? 'e' : 'o');

  it('shows everything by default, without a list', () => {
    const buffer = new LogBuffer(100);
    const index = new LogIndex(buffer);
    buffer.append(batch(1, 10));
    index.update();
    expect(index.visibleCount).toBe(10);
    expect(buffer.textAt(index.visibleAt(4))).toBe('line 5');
  });

  it('filters stdout or stderr out, and keeps the filter as lines arrive and leave', () => {
    const buffer = new LogBuffer(10);
    const index = new LogIndex(buffer);
    index.setFilter({ stdout: false, stderr: true, onlyMatches: false });
    buffer.append(batch(1, 9, stderrEveryThird));
    index.update();
    expect(Array.from({ length: index.visibleCount }, (_, i) => buffer.textAt(index.visibleAt(i)))).toEqual(['line 3', 'line 6', 'line 9']);
    buffer.append(batch(10, 6, stderrEveryThird)); // drops lines 1–5
    index.update();
    expect(Array.from({ length: index.visibleCount }, (_, i) => buffer.textAt(index.visibleAt(i)))).toEqual([
      'line 6',
      'line 9',
      'line 12',
      'line 15',
    ]);
  });

  it('counts matching lines and shows only them in filter mode, prepends included', () => {
    const buffer = new LogBuffer(100);
    const index = new LogIndex(buffer);
    buffer.append(batch(20, 20));
    const compiled = compileQuery({ text: 'line 2\\d$', regex: true, caseSensitive: false });
    if (!compiled.ok) throw new Error(compiled.error);
    index.setFilter({ stdout: true, stderr: true, query: compiled.query, onlyMatches: true });
    expect(index.matchCount).toBe(10);
    buffer.prepend(batch(1, 19));
    index.update();
    expect(index.matchCount).toBe(10);
    expect(index.visibleCount).toBe(10);
    buffer.append(batch(40, 1));
    index.update();
    expect(index.visibleCount).toBe(10);
    expect(index.isMatch(index.matchAt(0))).toBe(true);
    expect(buffer.textAt(index.matchAt(index.matchIndexOf(buffer.first)))).toBe('line 20');
  });

  it('finds its place by position (for next/previous and keeping the scroll anchored)', () => {
    const buffer = new LogBuffer(100);
    const index = new LogIndex(buffer);
    buffer.append(batch(1, 30, stderrEveryThird));
    index.setFilter({ stdout: false, stderr: true, onlyMatches: false });
    const pos = buffer.first + 10; // line 11 is stdout: the next shown is line 12
    expect(buffer.textAt(index.visibleAt(index.visibleIndexOf(pos)))).toBe('line 12');
  });

  it('starts afresh after a clear', () => {
    const buffer = new LogBuffer(100);
    const index = new LogIndex(buffer);
    index.setFilter({ stdout: true, stderr: false, onlyMatches: false });
    buffer.append(batch(1, 5));
    index.update();
    buffer.clear();
    buffer.append(batch(6, 2));
    index.update();
    expect(index.visibleCount).toBe(2);
  });
});

describe('compileQuery', () => {
  it('matches plain text case-insensitively by default, and finds every range', () => {
    const result = compileQuery({ text: 'ERR', regex: false, caseSensitive: false });
    expect(result.ok && result.query?.ranges('an err, another Err')).toEqual([
      [3, 6],
      [16, 19],
    ]);
    const strict = compileQuery({ text: 'ERR', regex: false, caseSensitive: true });
    expect(strict.ok && strict.query?.test('an err')).toBe(false);
  });

  it('treats regex characters literally in plain mode', () => {
    const result = compileQuery({ text: 'a.b(', regex: false, caseSensitive: false });
    expect(result.ok && result.query?.test('xa.b(y')).toBe(true);
    expect(result.ok && result.query?.test('axb(')).toBe(false);
  });

  it('runs regular expressions, survives empty matches', () => {
    const result = compileQuery({ text: '\\d+', regex: true, caseSensitive: false });
    expect(result.ok && result.query?.ranges('a1 b22 c333')).toEqual([
      [1, 2],
      [4, 6],
      [8, 11],
    ]);
    const empty = compileQuery({ text: 'x*', regex: true, caseSensitive: false });
    expect(empty.ok && empty.query?.ranges('axxb')).toEqual([[1, 3]]);
  });

  it('says why an invalid regular expression is invalid', () => {
    const result = compileQuery({ text: 'a(b', regex: true, caseSensitive: false });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^Not a valid regular expression: .*(unterminated|group)/i) });
  });

  it('has no query for empty text', () => {
    expect(compileQuery({ text: '', regex: true, caseSensitive: false })).toEqual({ ok: true });
  });
});
