// Search in a log: plain text or a regular expression, case-sensitive or not, matched against the line
// without its ANSI escapes. Pure: the viewer highlights the ranges, the index counts matching lines.
import { stripAnsi } from './ansi';

export interface LogQuery {
  text: string;
  regex: boolean;
  caseSensitive: boolean;
}

export interface CompiledQuery {
  /** Does the (plain) line match? */
  test(plain: string): boolean;
  /** Where it matches in the (plain) line: [start, end) pairs, in order, non-overlapping. */
  ranges(plain: string): [number, number][];
}

export type CompiledQueryResult = { ok: true; query?: CompiledQuery } | { ok: false; error: string };

const MAX_RANGES_PER_LINE = 500;

export function plainText(line: string): string {
  return stripAnsi(line);
}

export function compileQuery(query: LogQuery): CompiledQueryResult {
  if (!query.text) return { ok: true };
  if (query.regex) {
    let re: RegExp;
    try {
      re = new RegExp(query.text, query.caseSensitive ? 'g' : 'gi');
    } catch (err) {
      const reason = (err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '');
      return { ok: false, error: `Not a valid regular expression: ${reason}` };
    }
    return {
      ok: true,
      query: {
        test: (plain) => {
          re.lastIndex = 0;
          return re.test(plain);
        },
        ranges: (plain) => {
          const out: [number, number][] = [];
          re.lastIndex = 0;
          for (let m = re.exec(plain); m && out.length < MAX_RANGES_PER_LINE; m = re.exec(plain)) {
            if (m[0].length === 0) {
              re.lastIndex++; // an empty match (e.g. /x*/) would loop forever
              continue;
            }
            out.push([m.index, m.index + m[0].length]);
          }
          return out;
        },
      },
    };
  }
  const needle = query.caseSensitive ? query.text : query.text.toLowerCase();
  const fold = (s: string) => (query.caseSensitive ? s : s.toLowerCase());
  return {
    ok: true,
    query: {
      test: (plain) => fold(plain).includes(needle),
      ranges: (plain) => {
        const haystack = fold(plain);
        const out: [number, number][] = [];
        for (let at = haystack.indexOf(needle); at !== -1 && out.length < MAX_RANGES_PER_LINE; at = haystack.indexOf(needle, at + needle.length)) {
          out.push([at, at + needle.length]);
        }
        return out;
      },
    },
  };
}
