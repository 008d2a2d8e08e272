// How late a thread that is not Berth's wakes up while a benchmark runs: a child Node process sleeps 1 ms at a
// time (nice 0, as the page's renderer) and records how late each wake-up is. On a quiet machine the worst is
// a few ms; when the machine is short of CPU, every thread waits to be scheduled, the page's too, and a page
// task of a few ms of CPU shows as a long task. Reported beside P5's long tasks as the machine's own floor.
// It costs ~1–2% of a core.
import { spawn, type ChildProcess } from 'node:child_process';
import { percentile, round } from './stats';

const PROBE = String.raw`
const late = [];
let expected = performance.now() + 1;
function tick() {
  const now = performance.now();
  late.push(now - expected);
  expected = now + 1;
  timer = setTimeout(tick, 1);
}
let timer = setTimeout(tick, 1);
// The bench went away (a failed run, a crash): so does the probe.
process.on('disconnect', () => process.exit(0));
process.on('message', () => {
  clearTimeout(timer);
  process.send(late, () => process.exit(0));
});
`;

export interface WakeDelays {
  /** Wake-ups measured. */
  wakes: number;
  p99Ms: number;
  maxMs: number;
  /** Wake-ups more than 50 ms late (a page task would have been a long task for this alone). */
  over50Ms: number;
}

export interface WakeProbe {
  stop(): Promise<WakeDelays>;
}

export function startWakeProbe(): WakeProbe {
  const child: ChildProcess = spawn(process.execPath, ['-e', PROBE], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  // A run that fails never calls stop(): the probe must not keep the bench alive (it exits when we do).
  child.unref();
  child.channel?.unref();
  return {
    stop: () =>
      new Promise<WakeDelays>((resolve, reject) => {
        child.once('message', (late: number[]) => {
          resolve({
            wakes: late.length,
            p99Ms: round(percentile(late, 99)),
            maxMs: round(late.reduce((max, ms) => Math.max(max, ms), 0)),
            over50Ms: late.filter((ms) => ms > 50).length,
          });
        });
        child.once('error', reject);
        child.send('stop');
      }),
  };
}
