// Terminal output stays bytes from the engine socket to xterm (which decodes UTF-8 across chunks). Output
// without a TTY needs two byte-level touches on the way: line ends, and characters cut between frames.

const LF = 0x0a;
const CR = 0x0d;

/** Without a TTY nothing turns \n into \r\n, and a terminal needs both: every \n not after a \r gets one. */
export function lfToCrlf(data: Buffer): Buffer {
  let bare = 0;
  for (let i = data.indexOf(LF); i !== -1; i = data.indexOf(LF, i + 1)) if (i === 0 || data[i - 1] !== CR) bare++;
  if (bare === 0) return data;
  const out = Buffer.allocUnsafe(data.length + bare);
  let from = 0;
  let to = 0;
  for (let i = data.indexOf(LF); i !== -1; i = data.indexOf(LF, i + 1)) {
    if (i > 0 && data[i - 1] === CR) continue;
    to += data.copy(out, to, from, i);
    out[to++] = CR;
    from = i; // the \n itself is copied with the next piece
  }
  data.copy(out, to, from);
  return out;
}

/**
 * Holds back a UTF-8 character cut at the end of a chunk until its rest arrives. Needed where two streams
 * share one terminal (stdout and stderr frames without a TTY): xterm's decoder would otherwise join the
 * first half of a character in one stream with the next bytes of the other.
 */
export class Utf8Boundary {
  private held: Buffer | undefined;

  /** The chunk's whole characters (with what was held before them); an incomplete last one is kept. */
  push(data: Buffer): Buffer {
    const joined = this.held ? Buffer.concat([this.held, data]) : data;
    this.held = undefined;
    const cut = incompleteTailStart(joined);
    if (cut === joined.length) return joined;
    this.held = joined.subarray(cut);
    return joined.subarray(0, cut);
  }

  /** What is still held (a character that never completed), for the end of the stream. */
  end(): Buffer {
    const rest = this.held ?? Buffer.alloc(0);
    this.held = undefined;
    return rest;
  }
}

/** Where an incomplete character at the end starts (data.length when the end is whole). */
function incompleteTailStart(data: Buffer): number {
  // Step back over continuation bytes (10xxxxxx) to the lead byte, at most 3.
  let i = data.length - 1;
  const stop = Math.max(0, data.length - 4);
  while (i >= stop && (data[i] & 0xc0) === 0x80) i--;
  if (i < stop) return data.length; // no lead byte near the end: not UTF-8 we can help, pass it on
  const lead = data[i];
  const expected = lead >= 0xf0 && lead < 0xf8 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return data.length - i < expected ? i : data.length;
}
