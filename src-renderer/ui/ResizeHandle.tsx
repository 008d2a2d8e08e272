// A draggable separator for split panes (details pane width, workspace drawer height). Keyboard users
// move it with the arrow keys; the size is clamped and reported through onResize.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

export interface ResizeHandleProps {
  /** 'vertical' separates left/right panes (drags along x); 'horizontal' separates top/bottom. */
  orientation: 'vertical' | 'horizontal';
  size: number;
  min: number;
  max: number;
  /** The pane grows when the pointer moves towards negative x/y (a pane on the right or at the bottom). */
  growsTowardsStart: boolean;
  label: string;
  onResize: (size: number) => void;
}

export function ResizeHandle({ orientation, size, min, max, growsTowardsStart, label, onResize }: ResizeHandleProps) {
  const drag = useRef<{ start: number; size: number } | null>(null);
  const clamp = (value: number) => Math.round(Math.min(max, Math.max(min, value)));
  const coordinate = (e: PointerEvent) => (orientation === 'vertical' ? e.clientX : e.clientY);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { start: coordinate(e), size };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    const delta = coordinate(e) - drag.current.start;
    onResize(clamp(drag.current.size + (growsTowardsStart ? -delta : delta)));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const back = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp';
    const forward = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown';
    if (e.key !== back && e.key !== forward) return;
    e.preventDefault();
    const step = e.shiftKey ? 64 : 16;
    const towardsStart = e.key === back;
    onResize(clamp(size + (towardsStart === growsTowardsStart ? step : -step)));
  };

  return (
    <div
      className={`resize-handle resize-handle-${orientation}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuenow={size}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
