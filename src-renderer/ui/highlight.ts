// Splits text around case-insensitive occurrences of a query, for <mark>-highlighting search hits.

export interface Segment {
  text: string;
  match: boolean;
}

export function highlightSegments(text: string, query: string): Segment[] {
  if (!query) return [{ text, match: false }];
  const lowerText = text.toLowerCase();
  const lowerQuery = query.toLowerCase();
  const segments: Segment[] = [];
  let from = 0;
  for (let at = lowerText.indexOf(lowerQuery); at !== -1; at = lowerText.indexOf(lowerQuery, from)) {
    if (at > from) segments.push({ text: text.slice(from, at), match: false });
    segments.push({ text: text.slice(at, at + query.length), match: true });
    from = at + query.length;
  }
  if (from < text.length) segments.push({ text: text.slice(from), match: false });
  return segments;
}

export function countMatches(text: string, query: string): number {
  return highlightSegments(text, query).filter((s) => s.match).length;
}
