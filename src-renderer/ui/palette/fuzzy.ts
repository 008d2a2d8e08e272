// Fuzzy matching for the command palette. A query word matches a text when its characters appear in
// order, it starts at the start of a word, and every jump to another word lands on that word's start
// ("opterm" matches "Open terminal in web-1", "fb" "fixture/busybox", "img" "Images"), or when it is a
// plain substring ("box" in "busybox", worth less). Letters scattered across words do not match: they
// only add noise to a long list. Among the ways to match,
// the best one is chosen by score: word starts and runs of consecutive characters count, gaps cost a
// little, and the text's first character counts extra. Equal scores keep the commands' own order.
// Several words in the query must each match; a word may match a command's keywords instead of its
// title (worth less, and not highlighted).

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
  const byWords = matchAtWordStarts(q, t, text);
  const at = t.indexOf(q);
  const asSubstring: FuzzyMatch | undefined =
    at === -1 ? undefined : { score: BONUS_MATCH * q.length + BONUS_CONSECUTIVE * (q.length - 1), positions: Array.from(q, (_, i) => at + i) };
  if (byWords && (!asSubstring || byWords.score >= asSubstring.score)) return byWords;
  return asSubstring;
}

/**
 * The best placement where each character follows the previous one, starts a word, or moves on
 * within the same word ("img" in "Images"); only a word start may open a new word.
 */
function matchAtWordStarts(q: string, t: string, text: string): FuzzyMatch | undefined {
  const m = q.length;
  const n = t.length;
  const NEG = Number.NEGATIVE_INFINITY;
  const wordStart = new Uint8Array(n);
  const wordId = new Int32Array(n);
  const bonus = new Float64Array(n);
  for (let j = 0, word = -1; j < n; j++) {
    wordStart[j] = isWordStart(text, j) ? 1 : 0;
    if (wordStart[j]) word++;
    wordId[j] = word;
    bonus[j] = BONUS_MATCH + (j === 0 ? BONUS_FIRST_CHAR : 0) + (wordStart[j] ? BONUS_WORD_START : 0);
  }
  // score[i][j]: best score with q[0..i] matched and q[i] at t[j]; from[i][j]: where q[i-1] sat.
  const score: Float64Array[] = [];
  const from: Int32Array[] = [];
  for (let i = 0; i < m; i++) {
    const row = new Float64Array(n).fill(NEG);
    const back = new Int32Array(n).fill(-1);
    if (i === 0) {
      for (let j = 0; j < n; j++) if (t[j] === q[0] && wordStart[j]) row[j] = bonus[j];
    } else {
      const previous = score[i - 1];
      // Best predecessors k <= j-2, with the linear gap cost folded in (previous[k] + PENALTY_GAP * k):
      // anywhere (for a jump to a word start) and within j's own word (for a jump inside it).
      let bestAny = NEG;
      let bestAnyAt = -1;
      let bestSame = NEG;
      let bestSameAt = -1;
      for (let j = 1; j < n; j++) {
        if (wordStart[j]) bestSame = NEG;
        const k = j - 2;
        if (k >= 0 && previous[k] !== NEG) {
          const value = previous[k] + PENALTY_GAP * k;
          if (value > bestAny) [bestAny, bestAnyAt] = [value, k];
          if (wordId[k] === wordId[j] && value > bestSame) [bestSame, bestSameAt] = [value, k];
        }
        if (t[j] !== q[i]) continue;
        const adjacent = previous[j - 1] !== NEG ? previous[j - 1] + BONUS_CONSECUTIVE : NEG;
        const [farBase, farAt] = wordStart[j] ? [bestAny, bestAnyAt] : [bestSame, bestSameAt];
        const far = farBase !== NEG ? farBase - PENALTY_GAP * (j - 1) : NEG;
        if (adjacent === NEG && far === NEG) continue;
        if (adjacent >= far) {
          row[j] = adjacent + bonus[j];
          back[j] = j - 1;
        } else {
          row[j] = far + bonus[j];
          back[j] = farAt;
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
  return { score: total, positions: [...positions].sort((a, b) => a - b) };
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
