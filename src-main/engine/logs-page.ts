// "Load earlier": the newest N lines strictly before a timestamp. The engine cannot answer that in one
// call: it applies tail before until (tail counts from the end of the whole log, then until filters —
// `docker logs --until T --tail 500` prints nothing when the last 500 lines are after T). Reading
// everything up to T and keeping the last N would send the engine's whole early log over the socket.
// So this reads time windows backwards from T — since/until, which the engine filters cheaply on its
// side — each window wider than the last, until it has N lines or reaches the container's creation.
import type { LogLineKind } from '../shared/contract/logs';
import { compareLogTime, shiftLogTime, type LogTime } from '../shared/log-time';
import type { EngineConnection } from './connection';
import { ContainerLogSource, type LogContainer } from './logs-source';

export interface PagedLine {
  text: string;
  kind: LogLineKind;
  ts: string;
}

const FIRST_WINDOW_NS = 10e9;
const WINDOW_GROWTH = 8;
const MAX_WINDOWS = 12;

function readWindow(
  engine: EngineConnection,
  container: LogContainer,
  since: LogTime,
  until: LogTime,
  keep: number,
  track: (source: ContainerLogSource) => void,
): Promise<PagedLine[]> {
  return new Promise((resolve, reject) => {
    let lines: PagedLine[] = [];
    const source = new ContainerLogSource(engine, container, { tail: 'all', since, until, follow: false }, {
      line: (data, start, end, kind, ts) => {
        lines.push({ text: data.toString('utf8', start, end), kind, ts });
        if (lines.length >= keep * 2) lines = lines.slice(-keep); // only the newest `keep` can be used
      },
      marker: (text, ts) => {
        lines.push({ text, kind: 'm', ts });
        if (lines.length >= keep * 2) lines = lines.slice(-keep);
      },
      state: () => {},
      end: (error) => (error ? reject(error) : resolve(lines.slice(-keep))),
    });
    track(source);
    source.start().catch(reject);
  });
}

/**
 * The newest `count` lines of one container before `before`, oldest first, reading no earlier than
 * `floor` (the container's creation, or the user's since).
 */
export async function pageBefore(
  engine: EngineConnection,
  container: LogContainer,
  before: LogTime,
  count: number,
  floor: LogTime,
  isClosed: () => boolean,
  track: (source: ContainerLogSource) => void,
): Promise<PagedLine[]> {
  const windows: PagedLine[][] = [];
  let have = 0;
  let until = shiftLogTime(before, -1); // the engine's until is inclusive
  let span = FIRST_WINDOW_NS;
  for (let round = 0; round < MAX_WINDOWS && have < count && compareLogTime(until, floor) >= 0; round++) {
    if (isClosed()) return [];
    const since = shiftLogTime(until, -span);
    const from = compareLogTime(since, floor) < 0 ? floor : since;
    const lines = await readWindow(engine, container, from, until, count - have, track);
    windows.unshift(lines);
    have += lines.length;
    until = shiftLogTime(from, -1);
    span *= WINDOW_GROWTH;
  }
  return windows.flat();
}
