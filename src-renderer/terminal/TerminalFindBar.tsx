// Find in the terminal's scrollback (xterm's search addon): Enter finds the next match, Shift+Enter the previous.
import { ArrowDown, ArrowUp, X } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TerminalController } from './terminal-controller';

export function TerminalFindBar({ controller, onClose }: { controller: TerminalController; onClose(): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{ index: number; count: number } | undefined>();

  useEffect(() => {
    input.current?.focus();
    const off = controller.onFindResults(setResults);
    return () => {
      off();
      controller.clearFind();
    };
  }, [controller]);

  const find = (direction: 'next' | 'previous', incremental = false) => {
    if (query) controller.find(query, direction, incremental);
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      find(e.shiftKey ? 'previous' : 'next');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  const count = !query ? '' : !results || results.count === 0 ? 'No matches' : `${results.index + 1} of ${results.count}`;

  return (
    <div className="terminal-find" role="search" aria-label="Find in terminal">
      <input
        ref={input}
        className="input terminal-find-input"
        aria-label="Find"
        placeholder="Find"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          if (e.target.value) controller.find(e.target.value, 'next', true);
          else controller.clearFind();
        }}
        onKeyDown={onKey}
        spellCheck={false}
      />
      <span className="terminal-find-count muted" aria-live="polite">
        {count}
      </span>
      <button type="button" className="icon-btn" aria-label="Previous match" onClick={() => find('previous')}>
        <ArrowUp />
      </button>
      <button type="button" className="icon-btn" aria-label="Next match" onClick={() => find('next')}>
        <ArrowDown />
      </button>
      <button type="button" className="icon-btn" aria-label="Close find" onClick={onClose}>
        <X />
      </button>
    </div>
  );
}
