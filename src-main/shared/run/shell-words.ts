// A POSIX-shell-like word splitter for pasted `docker run` lines, and the quoting that makes a word safe
// to paste back. Handles single quotes, double quotes (with \" \\ \$ \` escapes), backslash escapes,
// line continuations (backslash-newline) and # comments. Nothing is expanded: a $VAR stays literal and
// is reported, because Berth has no shell environment to take it from.

export interface SplitResult {
  words: string[];
  /** The shell operator (;, &&, |, >, …) where the command ended, if the line went on after it. */
  stoppedAt?: string;
  /** Variables or command substitutions left unexpanded, as written ($HOME, ${X}, $(…), `…`). */
  unexpanded: string[];
  /** Why the line could not be split completely (an unclosed quote). */
  error?: string;
}

const OPERATOR_CHARS = new Set([';', '&', '|', '<', '>', '(', ')']);

export function splitShellWords(input: string): SplitResult {
  const words: string[] = [];
  const unexpanded: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const text = input.replace(/\r\n?/g, '\n');

  const finishWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const noteExpansion = (from: number) => {
    const match = /^\$(\{[^}]*\}?|\([^)]*\)?|[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(text.slice(from));
    if (match) unexpanded.push(match[0]);
  };

  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === undefined) {
        i++;
        continue;
      }
      if (next === '\n') {
        i += 2; // line continuation
        continue;
      }
      word += next;
      inWord = true;
      i += 2;
      continue;
    }
    if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return { words, unexpanded, error: 'A single quote is never closed.' };
      word += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      i++;
      inWord = true;
      let closed = false;
      while (i < text.length) {
        const c = text[i];
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        if (c === '\\') {
          const next = text[i + 1];
          if (next === '\n') {
            i += 2;
            continue;
          }
          if (next === '"' || next === '\\' || next === '$' || next === '`') {
            word += next;
            i += 2;
            continue;
          }
          word += c;
          i++;
          continue;
        }
        if (c === '$') noteExpansion(i);
        if (c === '`') unexpanded.push('`…`');
        word += c;
        i++;
      }
      if (!closed) return { words, unexpanded, error: 'A double quote is never closed.' };
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      finishWord();
      i++;
      continue;
    }
    if (ch === '#' && !inWord) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (OPERATOR_CHARS.has(ch)) {
      finishWord();
      const operator = /^(&&|\|\||>>|[;&|<>()])/.exec(text.slice(i))?.[0] ?? ch;
      const rest = text.slice(i + operator.length).trim();
      return rest || operator !== ';' ? { words, unexpanded, stoppedAt: operator } : { words, unexpanded };
    }
    if (ch === '$') noteExpansion(i);
    if (ch === '`') unexpanded.push('`…`');
    word += ch;
    inWord = true;
    i++;
  }
  finishWord();
  return { words, unexpanded };
}

// Characters that never need quoting in a POSIX shell word (a leading ~ or = aside, handled below).
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes one word so a POSIX shell reads it back unchanged. */
export function quoteShellWord(word: string): string {
  if (word !== '' && SAFE_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export function joinShellWords(words: readonly string[]): string {
  return words.map(quoteShellWord).join(' ');
}
