// The full inspect document as JSON: a search box highlights hits (and can hide the other lines), and
// Copy puts the whole document on the clipboard.
import { Copy, Search } from 'lucide-react';
import { useDeferredValue, useMemo, useState } from 'react';
import { useBerth } from '../../../store';
import { copyText } from '../../../ui/clipboard';
import { countMatches, highlightSegments } from '../../../ui/highlight';
import { tokenizeJsonLine } from '../../../ui/json-tokens';

/** One coloured line; search hits are marked inside each token (a hit spanning tokens is not marked). */
function JsonLine({ text, query }: { text: string; query: string }) {
  return (
    <span className="json-line-text">
      {tokenizeJsonLine(text).map((token, i) => (
        <span key={i} className={`json-${token.kind}`}>
          {query
            ? highlightSegments(token.text, query).map((segment, j) => (segment.match ? <mark key={j}>{segment.text}</mark> : segment.text))
            : token.text}
        </span>
      ))}
    </span>
  );
}

export function InspectTab({ raw, name }: { raw: unknown; name: string }) {
  const [query, setQuery] = useState('');
  const [onlyMatches, setOnlyMatches] = useState(true);
  const deferredQuery = useDeferredValue(query.trim());
  const json = useMemo(() => JSON.stringify(raw, null, 2), [raw]);
  const lines = useMemo(() => json.split('\n'), [json]);
  const matches = useMemo(() => (deferredQuery ? countMatches(json, deferredQuery) : 0), [json, deferredQuery]);
  const shown = useMemo(() => {
    const numbered = lines.map((text, index) => ({ text, number: index + 1 }));
    if (!deferredQuery || !onlyMatches) return numbered;
    const q = deferredQuery.toLowerCase();
    return numbered.filter((line) => line.text.toLowerCase().includes(q));
  }, [lines, deferredQuery, onlyMatches]);

  const copy = async () => {
    try {
      await copyText(json);
      useBerth.getState().pushToast('success', `Copied the inspect JSON of ${name}`);
    } catch (err) {
      useBerth.getState().pushToast('error', `Could not copy: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  return (
    <div className="details-tab-body details-inspect">
      <div className="details-subtoolbar">
        <div className="filter-box filter-box-sm">
          <Search aria-hidden className="filter-icon" />
          <input
            type="search"
            className="input filter-input"
            aria-label="Search inspect JSON"
            placeholder="Search JSON"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        {deferredQuery && (
          <span className="muted" aria-live="polite">
            {matches} {matches === 1 ? 'match' : 'matches'}
          </span>
        )}
        <label className="checkbox muted">
          <input type="checkbox" checked={onlyMatches} onChange={(e) => setOnlyMatches(e.target.checked)} />
          Matching lines only
        </label>
        <span className="spacer" />
        <button type="button" className="btn btn-compact" onClick={() => void copy()}>
          <Copy aria-hidden />
          Copy
        </button>
      </div>
      <pre className="json-view" aria-label="Inspect JSON" tabIndex={0}>
        {shown.map((line) => (
          <div key={line.number} className="json-line">
            <span className="json-line-number" aria-hidden>
              {line.number}
            </span>
            <JsonLine text={line.text} query={deferredQuery} />
          </div>
        ))}
      </pre>
    </div>
  );
}
