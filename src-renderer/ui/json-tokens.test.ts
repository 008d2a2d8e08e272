import { describe, expect, it } from 'vitest';
import { tokenizeJsonLine } from './json-tokens';

describe('tokenizeJsonLine', () => {
  it('tells keys from string values', () => {
    expect(tokenizeJsonLine('  "Env": ["FOO=bar", "A=\\"q\\""],')).toEqual([
      { kind: 'space', text: '  ' },
      { kind: 'key', text: '"Env"' },
      { kind: 'punctuation', text: ':' },
      { kind: 'space', text: ' ' },
      { kind: 'punctuation', text: '[' },
      { kind: 'string', text: '"FOO=bar"' },
      { kind: 'punctuation', text: ',' },
      { kind: 'space', text: ' ' },
      { kind: 'string', text: '"A=\\"q\\""' },
      { kind: 'punctuation', text: ']' },
      { kind: 'punctuation', text: ',' },
    ]);
  });
  it('finds numbers and literals, and loses no text', () => {
    const line = '    "Pid": -4325.5e3, "Running": true, "X": null';
    const tokens = tokenizeJsonLine(line);
    expect(tokens.map((t) => t.text).join('')).toBe(line);
    expect(tokens.filter((t) => t.kind === 'number').map((t) => t.text)).toEqual(['-4325.5e3']);
    expect(tokens.filter((t) => t.kind === 'literal').map((t) => t.text)).toEqual(['true', 'null']);
  });
});
