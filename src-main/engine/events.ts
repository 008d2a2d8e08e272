// The engine's /events stream: one JSON object per line. Berth keeps exactly one open per engine; it is
// the only traffic an idle Berth sends the engine.
import type Dockerode from 'dockerode';
import type { Readable } from 'node:stream';

export interface EngineEvent {
  Type: 'container' | 'image' | 'volume' | 'network' | 'daemon' | 'plugin' | 'service' | 'node' | 'secret' | 'config' | string;
  Action: string;
  Actor: { ID: string; Attributes?: Record<string, string> };
  time: number;
  timeNano: number;
}

/** Splits a byte stream into JSON lines; tolerates objects split across chunks. */
export class JsonLineSplitter {
  private pending = '';

  feed(chunk: string, onObject: (value: unknown) => void): void {
    const text = this.pending + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      const line = text.slice(start, nl).trim();
      start = nl + 1;
      if (line) onObject(JSON.parse(line));
    }
    this.pending = text.slice(start);
  }
}

export interface EventSubscription {
  close(): void;
}

/**
 * Opens /events and calls onEvent for each one. onEnd fires once, when the stream ends or fails
 * (engine stopped, socket dropped) — not after close().
 */
export async function subscribeToEvents(
  docker: Dockerode,
  onEvent: (event: EngineEvent) => void,
  onEnd: (error?: Error) => void,
): Promise<EventSubscription> {
  const stream = (await docker.getEvents()) as unknown as Readable;
  const splitter = new JsonLineSplitter();
  let closed = false;
  let ended = false;
  const finish = (error?: Error) => {
    if (ended || closed) return;
    ended = true;
    onEnd(error);
  };
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    try {
      splitter.feed(chunk, (value) => onEvent(value as EngineEvent));
    } catch (err) {
      finish(err as Error);
      stream.destroy();
    }
  });
  stream.on('error', (err) => finish(err));
  stream.on('end', () => finish());
  stream.on('close', () => finish());
  return {
    close() {
      closed = true;
      stream.destroy();
    },
  };
}
