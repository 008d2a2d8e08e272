import { describe, expect, it } from 'vitest';
import { applySgr, cssColor, paletteColor, parseAnsi, stripAnsi } from './ansi';

describe('parseAnsi', () => {
  it('leaves plain text alone', () => {
    expect(parseAnsi('plain line')).toEqual([{ text: 'plain line' }]);
    expect(parseAnsi('')).toEqual([]);
  });

  it('reads the 16 colours, bright ones and resets', () => {
    expect(parseAnsi('a\x1b[31mred\x1b[0m b \x1b[92mgreen\x1b[39m c')).toEqual([
      { text: 'a' },
      { text: 'red', style: { fg: 1 } },
      { text: ' b ' },
      { text: 'green', style: { fg: 10 } },
      { text: ' c' },
    ]);
    expect(parseAnsi('\x1b[44;37mx')).toEqual([{ text: 'x', style: { bg: 4, fg: 7 } }]);
    expect(parseAnsi('\x1b[m\x1b[1mbold\x1b[m')).toEqual([{ text: 'bold', style: { bold: true } }]);
  });

  it('reads 256-colour and truecolor, foreground and background', () => {
    expect(parseAnsi('\x1b[38;5;208mo')).toEqual([{ text: 'o', style: { fg: 208 } }]);
    expect(parseAnsi('\x1b[48;5;22mo')).toEqual([{ text: 'o', style: { bg: 22 } }]);
    expect(parseAnsi('\x1b[38;2;255;128;0mo')).toEqual([{ text: 'o', style: { fg: '#ff8000' } }]);
    expect(parseAnsi('\x1b[48;2;1;2;3mo')).toEqual([{ text: 'o', style: { bg: '#010203' } }]);
    // Colon separators (ITU T.416 form) too.
    expect(parseAnsi('\x1b[38:5:208mo')).toEqual([{ text: 'o', style: { fg: 208 } }]);
  });

  it('reads bold, dim, italic, underline, strikethrough, inverse and their resets', () => {
    expect(parseAnsi('\x1b[1;3;4mx\x1b[22my\x1b[23;24mz')).toEqual([
      { text: 'x', style: { bold: true, italic: true, underline: true } },
      { text: 'y', style: { italic: true, underline: true } },
      { text: 'z' },
    ]);
    expect(parseAnsi('\x1b[2;9;7mx')).toEqual([{ text: 'x', style: { dim: true, strike: true, inverse: true } }]);
  });

  it('drops other escape sequences: cursor moves, erase line, OSC titles and hyperlinks', () => {
    expect(stripAnsi('\x1b[2K\x1b[1Gprogress 50%')).toBe('progress 50%');
    expect(stripAnsi('\x1b]0;title\x07text')).toBe('text');
    expect(stripAnsi('\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\')).toBe('link');
    expect(parseAnsi('\x1b[?25lhidden cursor')).toEqual([{ text: 'hidden cursor' }]);
  });

  it('survives malformed and truncated sequences', () => {
    expect(stripAnsi('end\x1b[31')).toBe('end');
    expect(stripAnsi('end\x1b')).toBe('end');
    expect(parseAnsi('\x1b[38;5mx')).toEqual([{ text: 'x' }]);
  });

  it('joins text with the same style', () => {
    expect(parseAnsi('\x1b[31ma\x1b[31mb')).toHaveLength(1);
  });
});

describe('colours', () => {
  it('maps the cube and grey ramp, and the 16 to theme variables', () => {
    expect(paletteColor(16)).toBe('#000000');
    expect(paletteColor(196)).toBe('#ff0000');
    expect(paletteColor(231)).toBe('#ffffff');
    expect(paletteColor(232)).toBe('#080808');
    expect(paletteColor(255)).toBe('#eeeeee');
    expect(cssColor(1)).toBe('var(--ansi-1)');
    expect(cssColor('#123456')).toBe('#123456');
  });

  it('applySgr treats an empty list as a reset', () => {
    expect(applySgr({ bold: true, fg: 1 }, [])).toEqual({});
  });
});
