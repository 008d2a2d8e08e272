// Colours one line of pretty-printed JSON (JSON.stringify(value, null, 2)): keys, strings, numbers,
// literals and punctuation. Line-based on purpose: the inspect view renders and searches per line.

export type JsonTokenKind = 'key' | 'string' | 'number' | 'literal' | 'punctuation' | 'space';

export interface JsonToken {
  kind: JsonTokenKind;
  text: string;
}

const tokenPattern = /(\s+)|("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)|([{}[\],:])/g;

export function tokenizeJsonLine(line: string): JsonToken[] {
  const tokens: JsonToken[] = [];
  let last = 0;
  for (const match of line.matchAll(tokenPattern)) {
    const at = match.index ?? 0;
    if (at > last) tokens.push({ kind: 'punctuation', text: line.slice(last, at) });
    const [whole, space, str, colon, num, literal] = match;
    if (space) tokens.push({ kind: 'space', text: space });
    else if (str && colon) {
      tokens.push({ kind: 'key', text: str });
      tokens.push({ kind: 'punctuation', text: colon });
    } else if (str) tokens.push({ kind: 'string', text: str });
    else if (num) tokens.push({ kind: 'number', text: num });
    else if (literal) tokens.push({ kind: 'literal', text: literal });
    else tokens.push({ kind: 'punctuation', text: whole });
    last = at + whole.length;
  }
  if (last < line.length) tokens.push({ kind: 'punctuation', text: line.slice(last) });
  return tokens;
}
