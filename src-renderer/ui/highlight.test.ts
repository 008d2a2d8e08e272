import { describe, expect, it } from 'vitest';
import { countMatches, highlightSegments } from './highlight';

describe('highlightSegments', () => {
  it('returns the whole text when there is no query', () => {
    expect(highlightSegments('abc', '')).toEqual([{ text: 'abc', match: false }]);
  });
  it('marks every case-insensitive occurrence and keeps the original case', () => {
    expect(highlightSegments('"Env": ["FOO=bar", "foo2"]', 'foo')).toEqual([
      { text: '"Env": ["', match: false },
      { text: 'FOO', match: true },
      { text: '=bar", "', match: false },
      { text: 'foo', match: true },
      { text: '2"]', match: false },
    ]);
    expect(countMatches('aaaa', 'aa')).toBe(2);
  });
});
