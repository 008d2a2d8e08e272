// A panel's filter box. Ctrl/⌘+F and "/" jump to it, as in most list UIs; Escape clears it.
import { Search, X } from 'lucide-react';
import { useEffect, useRef } from 'react';

interface FilterBoxProps {
  value: string;
  onChange(value: string): void;
  /** The accessible name, e.g. "Filter containers". */
  label: string;
  placeholder: string;
  /** What the filter matches, shown as a tooltip. */
  hint: string;
  className?: string;
}

export function FilterBox({ value, onChange, label, placeholder, hint, className }: FilterBoxProps) {
  const ref = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
      if (((e.ctrlKey || e.metaKey) && e.key === 'f') || (e.key === '/' && !typing)) {
        if (document.querySelector('[role="dialog"]')) return;
        e.preventDefault();
        ref.current?.focus();
        ref.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="filter-box">
      <Search aria-hidden className="filter-icon" />
      <input
        ref={ref}
        type="search"
        className={className ? `input filter-input ${className}` : 'input filter-input'}
        aria-label={label}
        placeholder={placeholder}
        title={`${hint} Ctrl+F or / to focus.`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value) {
            e.preventDefault();
            onChange('');
          }
        }}
      />
      {value && (
        <button type="button" className="icon-btn filter-clear" aria-label="Clear filter" onClick={() => onChange('')}>
          <X />
        </button>
      )}
    </div>
  );
}
