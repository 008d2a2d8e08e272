// What a log row shows, as DOM: shared by the React row (wrapped lines, measured one by one) and the
// fixed-height window, which keeps its row elements and rewrites them in place. Following a fast log,
// every row in view changes with every repaint (~20 a second); rewriting two text nodes per row costs a
// fraction of re-rendering the rows through React (elements built, diffed, then the same two writes).
import type { CSSProperties } from 'react';
import type { LogLineKind, LogSourceInfo } from '../../src-main/shared/contract/logs';
import { cssColor, hasAnsi, parseAnsi, type AnsiStyle } from './ansi';
import { plainText, type CompiledQuery } from './log-search';
import { formatLogTimestamp, highlightSegments, type LinePiece } from './logs.presentation';

export const SOURCE_COLORS = [4, 2, 5, 3, 6, 1, 12, 10, 13, 11, 14, 9];

export function sourceColor(source: LogSourceInfo): string {
  return cssColor(SOURCE_COLORS[source.index % SOURCE_COLORS.length]);
}

export function styleOf(style: AnsiStyle | undefined): { className?: string; css?: CSSProperties } {
  if (!style) return {};
  const classes: string[] = [];
  if (style.bold) classes.push('ansi-bold');
  if (style.dim) classes.push('ansi-dim');
  if (style.italic) classes.push('ansi-italic');
  if (style.underline) classes.push('ansi-underline');
  if (style.strike) classes.push('ansi-strike');
  let fg = style.fg !== undefined ? cssColor(style.fg) : undefined;
  let bg = style.bg !== undefined ? cssColor(style.bg) : undefined;
  if (style.inverse) [fg, bg] = [bg ?? 'var(--code-bg)', fg ?? 'var(--text)'];
  const css: CSSProperties = {};
  if (fg) css.color = fg;
  if (bg) css.backgroundColor = bg;
  return { className: classes.join(' ') || undefined, css };
}

/** The line's text cut into styled pieces, search hits marked (marker lines are never searched). */
export function linePieces(text: string, kind: LogLineKind, query: CompiledQuery | undefined): LinePiece[] {
  const segments = parseAnsi(text);
  return query && kind !== 'm' ? highlightSegments(segments, query.ranges(plainText(text))) : segments;
}

export function isPlain(pieces: LinePiece[]): boolean {
  return pieces.length === 1 && !pieces[0].style && !pieces[0].hit;
}

export interface RowLine {
  /** Index among the shown lines. */
  index: number;
  text: string;
  kind: LogLineKind;
  ts?: string;
  source?: LogSourceInfo;
  current: boolean;
}

/** What a row element last showed, kept on it so an unchanged row is not touched. */
interface RowState {
  line?: RowLine;
  query?: CompiledQuery;
  /** The row holds [stderr prefix?][ts?][source?][text span with one text node] and nothing else. */
  plainShape?: string;
  tsNode?: Text;
  textNode?: Text;
}

const rowStates = new WeakMap<HTMLElement, RowState>();

function sameLine(a: RowLine, b: RowLine): boolean {
  return a.index === b.index && a.text === b.text && a.kind === b.kind && a.ts === b.ts && a.source === b.source && a.current === b.current;
}

function shapeOf(line: RowLine): string {
  return `${line.kind === 'e' ? 'e' : ''}|${line.ts !== undefined ? 't' : ''}|${line.source ? line.source.index : ''}`;
}

function span(className: string, text: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

/** One piece as the React row renders it: a span (styled when the piece is), a mark inside for a hit. */
function pieceNode(piece: LinePiece): Node {
  const { className, css } = styleOf(piece.style);
  const element = document.createElement('span');
  if (className) element.className = className;
  if (css) Object.assign(element.style, css);
  if (piece.hit) {
    const mark = document.createElement('mark');
    mark.textContent = piece.text;
    element.append(mark);
  } else element.textContent = piece.text;
  return element;
}

/** Writes `line` into a row element, touching only what changed. */
export function fillRow(row: HTMLElement, line: RowLine, query: CompiledQuery | undefined): void {
  let state = rowStates.get(row);
  if (!state) {
    state = {};
    rowStates.set(row, state);
    row.setAttribute('role', 'listitem');
  }
  if (state.line && state.query === query && sameLine(state.line, line)) return;
  const before = state.line;
  state.line = line;
  state.query = query;

  if (!before || before.index !== line.index) row.dataset.index = String(line.index);
  if (!before || before.kind !== line.kind) row.dataset.kind = line.kind;
  if (!before || before.current !== line.current) row.className = line.current ? 'log-row log-row-current' : 'log-row';

  // Most lines: no colours, no hit — the same shape as the row had: two text writes.
  const shape = shapeOf(line);
  const simple = !hasAnsi(line.text) && !(query && line.kind !== 'm' && query.ranges(line.text).length > 0);
  if (simple && state.plainShape === shape && before?.source === line.source) {
    if (state.tsNode && line.ts !== undefined) state.tsNode.data = formatLogTimestamp(line.ts);
    state.textNode!.data = line.text;
    return;
  }

  const children: Node[] = [];
  if (line.kind === 'e') children.push(span('visually-hidden', 'stderr: '));
  let tsNode: Text | undefined;
  if (line.ts !== undefined) {
    const ts = span('log-ts', '');
    tsNode = document.createTextNode(formatLogTimestamp(line.ts));
    ts.append(tsNode);
    children.push(ts);
  }
  if (line.source) {
    const source = span('log-src', line.source.label);
    source.style.color = sourceColor(line.source);
    source.title = line.source.name;
    children.push(source);
  }
  const textSpan = document.createElement('span');
  textSpan.className = 'log-text';
  let textNode: Text | undefined;
  if (simple) {
    textNode = document.createTextNode(line.text);
    textSpan.append(textNode);
  } else {
    const pieces = linePieces(line.text, line.kind, query);
    if (isPlain(pieces)) {
      textNode = document.createTextNode(pieces[0].text);
      textSpan.append(textNode);
    } else {
      textSpan.append(...pieces.map(pieceNode));
    }
  }
  children.push(textSpan);
  row.replaceChildren(...children);
  state.plainShape = textNode && simple ? shape : undefined;
  state.tsNode = tsNode;
  state.textNode = textNode;
}

/** Makes `container` hold exactly one row element per line, in order, each showing its line. */
export function syncRows(container: HTMLElement, lines: RowLine[], query: CompiledQuery | undefined): void {
  const rows = container.children;
  while (rows.length > lines.length) container.lastElementChild!.remove();
  while (rows.length < lines.length) container.append(document.createElement('div'));
  for (let i = 0; i < lines.length; i++) fillRow(rows[i] as HTMLElement, lines[i], query);
}
