// The command palette: a modal dialog with one combobox. Typing filters the commands fuzzily (grouped
// under headings, best first), ↑/↓ (and Page Up/Down) move the active option, Enter runs it, Escape or
// a click outside closes. Focus stays in the input; the active option is announced through
// aria-activedescendant, as the ARIA combobox pattern asks.
import { Search } from 'lucide-react';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { usePaletteCommands, type PaletteCommand } from './command-registry';
import { groupRanked, rankByQuery } from './fuzzy';
import { usePalette } from './palette-store';

/** Rendering thousands of options helps nobody: past this, the list asks for more letters. */
const MAX_SHOWN = 150;

function Highlighted({ text, positions }: { text: string; positions: readonly number[] }) {
  if (positions.length === 0) return <>{text}</>;
  const marked = new Set(positions);
  const parts: { text: string; match: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const match = marked.has(i);
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += text[i];
    else parts.push({ text: text[i], match });
  }
  return (
    <>
      {parts.map((part, i) =>
        part.match ? (
          <span key={i} className="palette-match">
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

export function CommandPalette() {
  const hide = usePalette((s) => s.hide);
  const commands = usePaletteCommands(true);
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const baseId = useId();
  const titleId = `${baseId}-title`;
  const listId = `${baseId}-list`;
  const optionId = (index: number) => `${baseId}-option-${index}`;

  const { groups, flat, hidden } = useMemo(() => {
    const ranked = rankByQuery(commands, query);
    const grouped = groupRanked(ranked.slice(0, MAX_SHOWN));
    return {
      groups: grouped,
      flat: grouped.flatMap((g) => g.entries.map((e) => e.item)),
      hidden: Math.max(0, ranked.length - MAX_SHOWN),
    };
  }, [commands, query]);

  const active = Math.min(activeIndex, Math.max(0, flat.length - 1));

  // Restore focus where it was, unless the command that ran moved it somewhere (a dialog it opened).
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    inputRef.current?.focus();
    return () => {
      const now = document.activeElement;
      if (!now || now === document.body) previous?.focus?.();
    };
  }, []);

  useLayoutEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  }, [active, flat]);

  const runCommand = (command: PaletteCommand | undefined) => {
    if (!command) return;
    hide();
    command.run();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const move = (delta: number) => {
      if (flat.length === 0) return;
      setActiveIndex((active + delta + flat.length) % flat.length);
    };
    switch (e.key) {
      case 'ArrowDown':
        move(1);
        break;
      case 'ArrowUp':
        move(-1);
        break;
      case 'PageDown':
        setActiveIndex(Math.min(flat.length - 1, active + 8));
        break;
      case 'PageUp':
        setActiveIndex(Math.max(0, active - 8));
        break;
      case 'Enter':
        runCommand(flat[active]);
        break;
      case 'Escape':
        e.stopPropagation();
        hide();
        break;
      case 'Tab':
        break; // focus stays in the palette
      default:
        return;
    }
    e.preventDefault();
  };

  let index = -1;
  return (
    <div className="dialog-backdrop palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && hide()}>
      <div className="palette" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId} className="visually-hidden">
          Command palette
        </h2>
        <div className="palette-input-row">
          <Search aria-hidden className="palette-search-icon" />
          <input
            ref={inputRef}
            className="palette-input"
            role="combobox"
            aria-label="Type a command"
            aria-expanded={flat.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={flat.length ? optionId(active) : undefined}
            placeholder="Type a command or a container name…"
            spellCheck={false}
            autoComplete="off"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActiveIndex(0);
            }}
            onKeyDown={onKeyDown}
          />
          <kbd className="palette-kbd">Esc</kbd>
        </div>
        <div id={listId} className="palette-list" role="listbox" aria-label="Commands">
          {groups.map(({ group, entries }) => (
            <div key={group} role="group" aria-labelledby={`${baseId}-group-${group}`} className="palette-group">
              <div id={`${baseId}-group-${group}`} className="palette-group-heading" role="presentation">
                {group}
              </div>
              {entries.map(({ item, match }) => {
                index++;
                const i = index;
                const Icon = item.icon;
                return (
                  <div
                    key={item.id}
                    id={optionId(i)}
                    role="option"
                    aria-selected={i === active}
                    aria-label={item.title}
                    aria-describedby={item.hint ? `${optionId(i)}-hint` : undefined}
                    className="palette-option"
                    onMouseMove={() => i !== active && setActiveIndex(i)}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => runCommand(item)}
                  >
                    {Icon ? <Icon aria-hidden className="palette-option-icon" /> : <span className="palette-option-icon" aria-hidden />}
                    <span className="palette-option-title">
                      <Highlighted text={item.title} positions={match.positions} />
                    </span>
                    {item.hint && (
                      <span id={`${optionId(i)}-hint`} className="palette-option-hint">
                        {item.hint}
                      </span>
                    )}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        {flat.length === 0 && (
          <div className="palette-empty" role="status">
            No commands match “{query}”.
          </div>
        )}
        <div className="palette-footer" aria-hidden>
          <span>
            <kbd className="palette-kbd">↑</kbd>
            <kbd className="palette-kbd">↓</kbd> move
          </span>
          <span>
            <kbd className="palette-kbd">Enter</kbd> run
          </span>
          {hidden > 0 && <span className="palette-more">{hidden} more — type to narrow</span>}
        </div>
      </div>
    </div>
  );
}
