// Keyboard movement shared by the resource grids: where the cursor goes for a navigation key.

/** Rows a PageUp/PageDown moves: about one screen of 34 px rows. */
export const PAGE_ROWS = 15;

/**
 * The row index the cursor moves to for `key`, clamped to the list; undefined when the key is not a
 * movement key or the list is empty. A list without a cursor (index -1) starts at the top.
 */
export function cursorTarget(key: string, cursorIndex: number, count: number): number | undefined {
  if (count === 0) return undefined;
  let next: number;
  switch (key) {
    case 'ArrowDown':
      next = cursorIndex + 1;
      break;
    case 'ArrowUp':
      next = cursorIndex < 0 ? 0 : cursorIndex - 1;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = count - 1;
      break;
    case 'PageDown':
      next = cursorIndex + PAGE_ROWS;
      break;
    case 'PageUp':
      next = cursorIndex - PAGE_ROWS;
      break;
    default:
      return undefined;
  }
  return Math.max(0, Math.min(count - 1, next));
}
