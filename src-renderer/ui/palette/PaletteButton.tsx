// The sidebar's way into the command palette (the same as Ctrl/⌘+K), shaped like a search field.
import { Search } from 'lucide-react';
import { openPalette } from './palette-root';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function PaletteButton() {
  return (
    <button
      type="button"
      className="palette-button"
      aria-label="Command palette"
      aria-keyshortcuts="Control+K Meta+K"
      title={`Command palette (${isMac ? '⌘K' : 'Ctrl+K'})`}
      onClick={openPalette}
    >
      <Search aria-hidden />
      <span className="palette-button-label">Commands…</span>
      <kbd className="palette-kbd" aria-hidden>
        <span>{isMac ? '⌘' : 'Ctrl'}</span>
        <span>K</span>
      </kbd>
    </button>
  );
}
