// A small ANSI SGR parser for log lines: colours (16, 256 and truecolor, foreground and background),
// bold, dim, italic, underline, strikethrough and inverse. Other escape sequences (cursor moves, erase
// line, OSC titles and hyperlinks) are dropped. Each line is parsed on its own: log viewers show lines
// out of context (virtualised, filtered), so styles do not carry from one line to the next.

/** A palette index (0–255) or a CSS colour '#rrggbb'. */
export type AnsiColor = number | string;

export interface AnsiStyle {
  fg?: AnsiColor;
  bg?: AnsiColor;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  inverse?: boolean;
}

export interface AnsiSegment {
  text: string;
  /** Absent for unstyled text. */
  style?: AnsiStyle;
}

const ESC = '\x1b';

export function hasAnsi(text: string): boolean {
  return text.indexOf(ESC) !== -1;
}

function isEmpty(style: AnsiStyle): boolean {
  for (const key in style) if (style[key as keyof AnsiStyle] !== undefined && style[key as keyof AnsiStyle] !== false) return false;
  return true;
}

function sameStyle(a: AnsiStyle | undefined, b: AnsiStyle | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a) as (keyof AnsiStyle)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** Applies one SGR parameter list (the numbers between "ESC[" and "m") to a style. */
export function applySgr(style: AnsiStyle, params: number[]): AnsiStyle {
  const next: AnsiStyle = { ...style };
  if (params.length === 0) params = [0];
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (p === 0) {
      for (const key of Object.keys(next)) delete next[key as keyof AnsiStyle];
    } else if (p === 1) next.bold = true;
    else if (p === 2) next.dim = true;
    else if (p === 3) next.italic = true;
    else if (p === 4) next.underline = true;
    else if (p === 7) next.inverse = true;
    else if (p === 9) next.strike = true;
    else if (p === 21 || p === 22) {
      next.bold = false;
      next.dim = false;
    } else if (p === 23) next.italic = false;
    else if (p === 24) next.underline = false;
    else if (p === 27) next.inverse = false;
    else if (p === 29) next.strike = false;
    else if (p >= 30 && p <= 37) next.fg = p - 30;
    else if (p === 39) delete next.fg;
    else if (p >= 40 && p <= 47) next.bg = p - 40;
    else if (p === 49) delete next.bg;
    else if (p >= 90 && p <= 97) next.fg = p - 90 + 8;
    else if (p >= 100 && p <= 107) next.bg = p - 100 + 8;
    else if (p === 38 || p === 48) {
      const mode = params[i + 1];
      let color: AnsiColor | undefined;
      if (mode === 5 && i + 2 < params.length) {
        const index = params[i + 2];
        if (index >= 0 && index <= 255) color = index;
        i += 2;
      } else if (mode === 2 && i + 4 < params.length) {
        const [r, g, b] = [params[i + 2], params[i + 3], params[i + 4]].map((v) => Math.max(0, Math.min(255, v)));
        color = `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
        i += 4;
      } else {
        i = params.length; // malformed: ignore the rest, as terminals do
      }
      if (color !== undefined) {
        if (p === 38) next.fg = color;
        else next.bg = color;
      }
    }
  }
  for (const key of Object.keys(next) as (keyof AnsiStyle)[]) if (next[key] === false) delete next[key];
  return next;
}

/** Where an escape sequence starting at `at` (an ESC) ends, and its SGR parameters if it is one. */
function readEscape(text: string, at: number): { end: number; sgr?: number[] } {
  const kind = text[at + 1];
  if (kind === '[') {
    // CSI: parameter bytes 0x30–0x3F, intermediates 0x20–0x2F, then one final byte 0x40–0x7E.
    let i = at + 2;
    while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x3f) i++;
    const params = text.slice(at + 2, i);
    while (i < text.length && text.charCodeAt(i) >= 0x20 && text.charCodeAt(i) <= 0x2f) i++;
    if (i >= text.length) return { end: text.length };
    const final = text[i];
    if (final === 'm' && /^[\d;:]*$/.test(params)) {
      const sgr = params === '' ? [] : params.split(/[;:]/).map((v) => (v === '' ? 0 : parseInt(v, 10)));
      return { end: i + 1, sgr };
    }
    return { end: i + 1 };
  }
  if (kind === ']') {
    // OSC: up to BEL or ST (ESC \).
    for (let i = at + 2; i < text.length; i++) {
      if (text[i] === '\x07') return { end: i + 1 };
      if (text[i] === ESC && text[i + 1] === '\\') return { end: i + 2 };
    }
    return { end: text.length };
  }
  return { end: Math.min(text.length, at + 2) };
}

/** Splits a line into styled segments; the segments' text concatenated is the line without escapes. */
export function parseAnsi(text: string): AnsiSegment[] {
  if (!hasAnsi(text)) return text ? [{ text }] : [];
  const segments: AnsiSegment[] = [];
  let style: AnsiStyle = {};
  let from = 0;
  const push = (piece: string) => {
    if (!piece) return;
    const last = segments[segments.length - 1];
    const styled = isEmpty(style) ? undefined : style;
    if (last && sameStyle(last.style, styled)) last.text += piece;
    else segments.push(styled ? { text: piece, style: styled } : { text: piece });
  };
  for (let esc = text.indexOf(ESC); esc !== -1; esc = text.indexOf(ESC, from)) {
    push(text.slice(from, esc));
    const { end, sgr } = readEscape(text, esc);
    if (sgr) style = applySgr(style, sgr);
    from = end;
  }
  push(text.slice(from));
  return segments;
}

/** The line as plain text (what search matches against and copy puts on the clipboard). */
export function stripAnsi(text: string): string {
  if (!hasAnsi(text)) return text;
  let out = '';
  let from = 0;
  for (let esc = text.indexOf(ESC); esc !== -1; esc = text.indexOf(ESC, from)) {
    out += text.slice(from, esc);
    from = readEscape(text, esc).end;
  }
  return out + text.slice(from);
}

const cubeLevels = [0, 95, 135, 175, 215, 255];

/** A palette colour beyond the first 16 as '#rrggbb' (the xterm 6×6×6 cube and grey ramp). */
export function paletteColor(index: number): string {
  let r: number;
  let g: number;
  let b: number;
  if (index >= 232) {
    r = g = b = 8 + (index - 232) * 10;
  } else {
    const i = index - 16;
    r = cubeLevels[Math.floor(i / 36)];
    g = cubeLevels[Math.floor(i / 6) % 6];
    b = cubeLevels[i % 6];
  }
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

/** A colour for CSS: the first 16 follow the theme (CSS variables), the rest are fixed. */
export function cssColor(color: AnsiColor): string {
  if (typeof color === 'string') return color;
  if (color < 16) return `var(--ansi-${color})`;
  return paletteColor(color);
}
