// xterm's colours from the app's design tokens, so the terminal follows the light/dark theme. The ANSI
// palette is the token colours where a token exists (red = --danger, green = --ok, …) and a tuned set
// for the rest, one per theme.
import type { ITheme } from '@xterm/xterm';

function token(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

/** Relative luminance of a #rrggbb colour, enough to tell a dark background from a light one. */
export function isDarkColour(hex: string): boolean {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex.trim());
  if (!match) return false;
  const [r, g, b] = match.slice(1).map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

const lightExtras = {
  magenta: '#9c36b5',
  cyan: '#0b7285',
  white: '#8a939e',
  brightBlack: '#5d6672',
  brightMagenta: '#ae3ec9',
  brightCyan: '#1098ad',
  brightWhite: '#c9cfd7',
};

const darkExtras = {
  magenta: '#d08aea',
  cyan: '#5fc9d6',
  white: '#c5cad3',
  brightBlack: '#6d7681',
  brightMagenta: '#e2a8f5',
  brightCyan: '#8ddce6',
  brightWhite: '#ffffff',
};

export function terminalTheme(root: HTMLElement = document.documentElement): ITheme {
  const style = getComputedStyle(root);
  const background = token(style, '--bg-panel', '#ffffff');
  const dark = isDarkColour(background);
  const text = token(style, '--text', dark ? '#e4e7ec' : '#1b1f24');
  const extras = dark ? darkExtras : lightExtras;
  const red = token(style, '--danger', '#c93434');
  const green = token(style, '--ok', '#1f8a4c');
  const yellow = token(style, '--warn', '#a86b00');
  const blue = token(style, '--accent', '#2f6fed');
  return {
    background,
    foreground: text,
    cursor: blue,
    cursorAccent: background,
    selectionBackground: token(style, '--bg-selected', '#e6efff'),
    selectionInactiveBackground: token(style, '--bg-hover', '#f0f2f5'),
    scrollbarSliderBackground: `${token(style, '--border-strong', '#c9cfd7')}99`,
    scrollbarSliderHoverBackground: token(style, '--border-strong', '#c9cfd7'),
    black: dark ? token(style, '--bg-sunken', '#13151a') : text,
    red,
    green,
    yellow,
    blue,
    brightRed: token(style, '--danger-hover', red),
    brightGreen: green,
    brightYellow: yellow,
    brightBlue: token(style, '--accent-hover', blue),
    ...extras,
  };
}

/** Calls back when the app's theme changes: the data-theme attribute or the system preference. */
export function onThemeChange(callback: () => void): () => void {
  const observer = new MutationObserver(callback);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', callback);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', callback);
  };
}
