// A dropdown menu button (WAI-ARIA menu button pattern): the button opens a role="menu" popup; ↑/↓,
// Home/End move between items, Enter/Space runs one, Escape or a click elsewhere closes it and focus
// returns to the button. The popup is portalled to <body> with fixed coordinates, so a scrolling list
// or a transformed (virtualised) row cannot clip it; it opens upwards when there is no room below.
import { useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export interface MenuItem {
  id: string;
  label: string;
  icon?: ReactNode;
  disabled?: boolean;
  onSelect(): void;
}

interface MenuButtonProps {
  label: string;
  /** Content of the trigger button (icon and/or text); `label` is its accessible name. */
  trigger: ReactNode;
  items: readonly MenuItem[];
  className?: string;
  align?: 'start' | 'end';
  /** -1 inside a grid that moves focus itself. */
  tabIndex?: number;
}

const GAP = 4;

/** Where the popup goes: under the button (or above it when it would leave the window), aligned to one edge. */
function popupPosition(button: DOMRect, menu: { width: number; height: number }, align: 'start' | 'end'): CSSProperties {
  const below = button.bottom + GAP;
  const top = below + menu.height > window.innerHeight && button.top - GAP - menu.height > 0 ? button.top - GAP - menu.height : below;
  const left = align === 'end' ? button.right - menu.width : button.left;
  return { top, left: Math.max(GAP, Math.min(left, window.innerWidth - menu.width - GAP)) };
}

export function MenuButton({ label, trigger, items, className = 'btn btn-compact', align = 'end', tabIndex }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<CSSProperties>({ visibility: 'hidden' });
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  const focusItem = (index: number) => {
    const enabled = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? [])];
    if (enabled.length === 0) return;
    enabled[(index + enabled.length) % enabled.length].focus();
  };

  useLayoutEffect(() => {
    if (!open || !buttonRef.current || !menuRef.current) return;
    const { offsetWidth: width, offsetHeight: height } = menuRef.current;
    setPosition(popupPosition(buttonRef.current.getBoundingClientRect(), { width, height }, align));
  }, [open, align]);

  useEffect(() => {
    if (!open) return;
    focusItem(0);
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    // The popup stays where it was placed; a scroll or resize underneath closes it rather than leaving it adrift.
    const onMove = (e: Event) => {
      if (!menuRef.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onPointerDown);
    window.addEventListener('scroll', onMove, true);
    window.addEventListener('resize', onMove);
    return () => {
      window.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('scroll', onMove, true);
      window.removeEventListener('resize', onMove);
      setPosition({ visibility: 'hidden' });
    };
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    switch (e.key) {
      case 'ArrowDown':
        focusItem(index + 1);
        break;
      case 'ArrowUp':
        focusItem(index - 1);
        break;
      case 'Home':
        focusItem(0);
        break;
      case 'End':
        focusItem(items.length - 1);
        break;
      case 'Escape':
      case 'Tab':
        close();
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <span className="menu-anchor">
      <button
        ref={buttonRef}
        type="button"
        className={className}
        tabIndex={tabIndex}
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {trigger}
      </button>
      {open &&
        createPortal(
          <div ref={menuRef} id={menuId} role="menu" aria-label={label} className="menu" style={position} onKeyDown={onMenuKey}>
            {items.map((item) => (
              <div
                key={item.id}
                role="menuitem"
                tabIndex={-1}
                aria-disabled={item.disabled || undefined}
                className="menu-item"
                onClick={() => {
                  if (item.disabled) return;
                  close();
                  item.onSelect();
                }}
                onKeyDown={(e) => {
                  if ((e.key === 'Enter' || e.key === ' ') && !item.disabled) {
                    e.preventDefault();
                    close();
                    item.onSelect();
                  }
                }}
              >
                <span className="menu-item-icon" aria-hidden>
                  {item.icon}
                </span>
                {item.label}
              </div>
            ))}
          </div>,
          document.body,
        )}
    </span>
  );
}
