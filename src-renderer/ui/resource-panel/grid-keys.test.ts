import { describe, expect, it } from 'vitest';
import { cursorTarget, PAGE_ROWS } from './grid-keys';

describe('cursorTarget', () => {
  it('moves by one, a page, or to either end, clamped to the list', () => {
    expect(cursorTarget('ArrowDown', 3, 10)).toBe(4);
    expect(cursorTarget('ArrowDown', 9, 10)).toBe(9);
    expect(cursorTarget('ArrowUp', 0, 10)).toBe(0);
    expect(cursorTarget('Home', 7, 10)).toBe(0);
    expect(cursorTarget('End', 2, 10)).toBe(9);
    expect(cursorTarget('PageDown', 0, 100)).toBe(PAGE_ROWS);
    expect(cursorTarget('PageUp', 4, 100)).toBe(0);
  });

  it('starts at the top when there is no cursor yet', () => {
    expect(cursorTarget('ArrowDown', -1, 5)).toBe(0);
    expect(cursorTarget('ArrowUp', -1, 5)).toBe(0);
  });

  it('ignores other keys and empty lists', () => {
    expect(cursorTarget('Enter', 1, 5)).toBeUndefined();
    expect(cursorTarget('ArrowDown', -1, 0)).toBeUndefined();
  });
});
