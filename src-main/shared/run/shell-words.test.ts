import { describe, expect, it } from 'vitest';
import { joinShellWords, quoteShellWord, splitShellWords } from './shell-words';

describe('splitShellWords', () => {
  it('splits on blanks and keeps quoted blanks', () => {
    expect(splitShellWords(`docker run -e 'A=b c' -e "D=e f" x`).words).toEqual(['docker', 'run', '-e', 'A=b c', '-e', 'D=e f', 'x']);
  });

  it('reads backslash escapes outside quotes and the four escapes inside double quotes', () => {
    expect(splitShellWords(String.raw`a\ b "c\"d" "e\$f" "g\\h" "i\nj" 'k\l'`).words).toEqual(['a b', 'c"d', 'e$f', 'g\\h', 'i\\nj', 'k\\l']);
  });

  it('joins backslash-newline continuations, also with CRLF', () => {
    expect(splitShellWords('docker run \\\n  -d \\\r\n  fixture/busybox').words).toEqual(['docker', 'run', '-d', 'fixture/busybox']);
  });

  it('keeps empty quoted words and glued quote pieces', () => {
    expect(splitShellWords(`a '' "" b'c'"d"e`).words).toEqual(['a', '', '', 'bcde']);
  });

  it('reports an unclosed quote', () => {
    expect(splitShellWords(`echo 'oops`).error).toMatch(/single quote/);
    expect(splitShellWords(`echo "oops`).error).toMatch(/double quote/);
  });

  it('stops at a shell operator and says which', () => {
    const result = splitShellWords('docker run -d x && docker logs x');
    expect(result.words).toEqual(['docker', 'run', '-d', 'x']);
    expect(result.stoppedAt).toBe('&&');
    expect(splitShellWords('docker run x;').stoppedAt).toBeUndefined();
  });

  it('skips comments and lists unexpanded variables', () => {
    const result = splitShellWords('docker run -v $HOME/data:/data "${TAG}" # a comment');
    expect(result.words).toEqual(['docker', 'run', '-v', '$HOME/data:/data', '${TAG}']);
    expect(result.unexpanded).toEqual(['$HOME', '${TAG}']);
  });
});

describe('quoteShellWord', () => {
  it('leaves safe words bare and single-quotes the rest', () => {
    expect(quoteShellWord('127.0.0.1:8080:80/udp')).toBe('127.0.0.1:8080:80/udp');
    expect(quoteShellWord('A=b c')).toBe(`'A=b c'`);
    expect(quoteShellWord('')).toBe(`''`);
    expect(quoteShellWord(`it's`)).toBe(`'it'\\''s'`);
    expect(quoteShellWord('$HOME')).toBe(`'$HOME'`);
  });

  it('round-trips any word through the splitter', () => {
    const words = ['plain', 'with space', `quote's`, 'dq"x', 'back\\slash', '$VAR', '', 'new\nline', 'semi;colon', '#hash', '~home', '*glob'];
    expect(splitShellWords(joinShellWords(words)).words).toEqual(words);
  });
});
