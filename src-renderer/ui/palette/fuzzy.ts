// Fuzzy matching for the command palette: a query matches when its characters appear in order in the
// text ("opterm" matches "Open terminal in web-1"). Among the ways to match, the best one is chosen by
// score: starts of words and runs of consecutive characters count most, gaps cost a little, and the
// first character of the text counts extra. Several words in the query must each match (anywhere);
// a word may match a command's keywords instead of its title (worth less, and not highlighted).

export interface FuzzyMatch {
  score: number;
  /** Indexes of the matched characters in the text, for highlighting. */
  positions: number[];
}

const SEPARATORS = new Set([' ', '-', '_', '/', ':', '.', '@', '(', '[', '"', "'"]);
const BONUS_MATCH = 1;
const BONUS_FIRST_CHAR = 4;
const BONUS_WORD_START = 3;
const BONUS_CONSECUTIVE = 2.5;
const PENALTY_GAP = 0.15;
const PENALTY_LEADING = 0.05;

function isWordStart(text: string, index: number): boolean {
  if (index === 0) return true;
  const previous = text[index - 1];
  if (SEPARATORS.has(previous)) return true;
  // camelCase: a capital after a lower-case letter starts a word.
  const current = text[index];
  return current !== current.toLowerCase() && previous === previous.toLowerCase() && previous !== previous.toUpperCase();
}

function isSubsequence(query: string, text: string): boolean {
  let i = 0;
  for (let j = 0; j < text.length && i < query.length; j++) if (text[j] === query[i]) i++;
  return i === query.length;
}

/** Best match of one word (no spaces) in the text, or undefined. Case-insensitive. */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | undefined {
  const q = query.toLowerCase();
  const t = text.toLowerCase();
  if (!q) return { score: 0, positions: [] };
  if (q.length > t.length || !isSubsequence(q, t)) return undefined;

  const m = q.length;
  const n = t.length;
  const NEG = Number.NEGATIVE_INFINITY;
  // score[i][j]: best score with q[0..i] matched and q[i] at t[j]; from[i][j]: where q[i-1] sat.
  const score: Float64Array[] = [];
  const from: Int32Array[] = [];
  const bonus = new Float64Array(n);
  for (let j = 0; j < n; j++) bonus[j] = BONUS_MATCH + (j === 0 ? BONUS_FIRST_CHAR : 0) + (isWordStart(text, j) ? BONUS_WORD_START : 0);

  for (let i = 0; i < m; i++) {
    const row = new Float64Array(n).fill(NEG);
    const back = new Int32Array(n).fill(-1);
    if (i === 0) {
      for (let j = 0; j < n; j++) if (t[j] === q[0]) row[j] = bonus[j] - PENALTY_LEADING * j;
    } else {
      const previous = score[i - 1];
      // Best predecessor k <= j-2 with the linear gap cost folded in: previous[k] + PENALTY_GAP * k.
      let bestFar = NEG;
      let bestFarAt = -1;
      for (let j = 1; j < n; j++) {
        const k = j - 2;
        if (k >= 0 && previous[k] !== NEG && previous[k] + PENALTY_GAP * k > bestFar) {
          bestFar = previous[k] + PENALTY_GAP * k;
          bestFarAt = k;
        }
        if (t[j] !== q[i]) continue;
        const adjacent = previous[j - 1] !== NEG ? previous[j - 1] + BONUS_CONSECUTIVE : NEG;
        const far = bestFar !== NEG ? bestFar - PENALTY_GAP * (j - 1) : NEG;
        if (adjacent === NEG && far === NEG) continue;
        if (adjacent >= far) {
          row[j] = adjacent + bonus[j];
          back[j] = j - 1;
        } else {
          row[j] = far + bonus[j];
          back[j] = bestFarAt;
        }
      }
    }
    score.push(row);
    from.push(back);
  }

  let end = -1;
  let best = NEG;
  for (let j = 0; j < n; j++) {
    if (score[m - 1][j] > best) {
      best = score[m - 1][j];
      end = j;
    }
  }
  if (end === -1) return undefined;
  const positions = new Array<number>(m);
  for (let i = m - 1, j = end; i >= 0; i--) {
    positions[i] = j;
    j = from[i][j];
  }
  return { score: best, positions };
}

export interface Searchable {
  title: string;
  keywords?: readonly string[];
}

const KEYWORD_WEIGHT = 0.6;
/** Shorter titles win ties ("Run a container…" before "Run fixture/busybox:latest…"). */
const PENALTY_LENGTH = 0.02;

/** Every word of the query must match the title or a keyword; undefined when one does not. */
export function matchCommand(item: Searchable, query: string): FuzzyMatch | undefined {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { score: 0, positions: [] };
  let total = 0;
  const positions = new Set<number>();
  for (const word of words) {
    const inTitle = fuzzyMatch(word, item.title);
    let inKeywords: FuzzyMatch | undefined;
    for (const keyword of item.keywords ?? []) {
      const match = fuzzyMatch(word, keyword);
      if (match && (!inKeywords || match.score > inKeywords.score)) inKeywords = match;
    }
    const keywordScore = inKeywords ? inKeywords.score * KEYWORD_WEIGHT : Number.NEGATIVE_INFINITY;
    if (inTitle && inTitle.score >= keywordScore) {
      total += inTitle.score;
      for (const p of inTitle.positions) positions.add(p);
    } else if (inKeywords) {
      total += keywordScore;
    } else {
      return undefined;
    }
  }
  return { score: total - PENALTY_LENGTH * item.title.length, positions: [...positions].sort((a, b) => a - b) };
}

export interface Ranked<T> {
  item: T;
  match: FuzzyMatch;
}

/** The items that match, best first; equal scores keep the items' own order. An empty query keeps all, in order. */
export function rankByQuery<T extends Searchable>(items: readonly T[], query: string): Ranked<T>[] {
  const ranked: (Ranked<T> & { index: number })[] = [];
  items.forEach((item, index) => {
    const match = matchCommand(item, query);
    if (match) ranked.push({ item, match, index });
  });
  if (!query.trim()) return ranked;
  return ranked.sort((a, b) => b.match.score - a.match.score || a.index - b.index).map(({ item, match }) => ({ item, match }));
}

export interface RankedGroup<T> {
  group: string;
  entries: Ranked<T>[];
}

/**
 * Ranked items under their group headings: groups in the order of their best item (for an empty query,
 * the order they come in), items within a group best first.
 */
export function groupRanked<T extends Searchable & { group: string }>(ranked: readonly Ranked<T>[]): RankedGroup<T>[] {
  const groups = new Map<string, Ranked<T>[]>();
  for (const entry of ranked) {
    const list = groups.get(entry.item.group);
    if (list) list.push(entry);
    else groups.set(entry.item.group, [entry]);
  }
  return [...groups].map(([group, entries]) => ({ group, entries }));
}
