// The frame every resource panel shares: a bare header while the list is not ready, and the list
// beside a resizable details pane whose width is remembered per panel.
import { useState, type ReactNode } from 'react';
import { isNumber, readPreference, writePreference } from '../persisted';
import { ResizeHandle } from '../ResizeHandle';

/** The panel while its list cannot show: title and the state that explains why. */
export function NotReadyPanel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="ctr-panel" aria-label={`${title} panel`}>
      <header className="ctr-header ctr-header-bare">
        <h1 className="panel-title">{title}</h1>
      </header>
      {children}
    </section>
  );
}

function usePersistedWidth(key: string, fallback: number): [number, (width: number) => void] {
  const [width, setWidth] = useState(() => readPreference(key, fallback, isNumber));
  const update = (next: number) => {
    setWidth(next);
    writePreference(key, next);
  };
  return [width, update];
}

interface SplitProps {
  /** The preference key the details width is kept under, e.g. "containers.detailsWidth". */
  widthKey: string;
  defaultWidth: number;
  /** The details pane, or nothing when no row is open. */
  details?: ReactNode;
  className?: string;
  children: ReactNode;
}

export function ListWithDetails({ widthKey, defaultWidth, details, className, children }: SplitProps) {
  const [width, setWidth] = usePersistedWidth(widthKey, defaultWidth);
  return (
    <div className={className ? `ctr-split ${className}` : 'ctr-split'}>
      <div className="ctr-main">{children}</div>
      {details && (
        <>
          <ResizeHandle
            orientation="vertical"
            size={width}
            min={340}
            max={Math.max(400, Math.round(window.innerWidth * 0.7))}
            growsTowardsStart
            label="Resize details"
            onResize={setWidth}
          />
          <div className="ctr-details" style={{ width }}>
            {details}
          </div>
        </>
      )}
    </div>
  );
}
