// CPU and memory of processes, read from /proc (Linux): utime+stime for CPU, VmRSS and PSS for memory.
// Used to compare Berth's processes with dockerd's over the same stretch of a benchmark.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { ENGINE_SOCKET } from './engine';

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface ProcessSample {
  pid: number;
  /** User + system CPU time consumed so far, in ms. */
  cpuMs: number;
  rssBytes: number;
  /** Proportional set size (shared pages split among sharers); undefined where smaps_rollup is missing. */
  pssBytes?: number;
}

function readStat(pid: number): { ppid: number; cpuMs: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: split after its closing ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
    const ppid = Number(fields[1]);
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { ppid, cpuMs: (ticks * 1000) / ticksPerSecond };
  } catch {
    return undefined; // The process ended between listing and reading.
  }
}

function readKb(file: string, key: string): number | undefined {
  try {
    const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(file, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export function sampleProcess(pid: number): ProcessSample | undefined {
  const stat = readStat(pid);
  if (!stat) return undefined;
  return {
    pid,
    cpuMs: stat.cpuMs,
    rssBytes: readKb(`/proc/${pid}/status`, 'VmRSS') ?? 0,
    pssBytes: readKb(`/proc/${pid}/smaps_rollup`, 'Pss'),
  };
}

/** A process and all its descendants (e.g. Chromium's browser, renderer and utility processes). */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (!stat) continue;
    const list = children.get(stat.ppid) ?? [];
    list.push(Number(entry));
    children.set(stat.ppid, list);
  }
  const result: number[] = [];
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift()!;
    result.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return result;
}

/** Summed CPU and memory of a group of processes (those still alive). */
export function sampleGroup(pids: number[]): { cpuMs: number; rssBytes: number; pssBytes: number } {
  let cpuMs = 0;
  let rssBytes = 0;
  let pssBytes = 0;
  for (const pid of pids) {
    const sample = sampleProcess(pid);
    if (!sample) continue;
    cpuMs += sample.cpuMs;
    rssBytes += sample.rssBytes;
    pssBytes += sample.pssBytes ?? sample.rssBytes;
  }
  return { cpuMs, rssBytes, pssBytes };
}

/** The dockerd serving a unix socket (default: the one benchmarks use): the dockerd whose command line names it. */
export function dockerdPid(socketPath = ENGINE_SOCKET): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || commandName(Number(entry)) !== 'dockerd') continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    const hosts = args.flatMap((arg, i) => (arg === '-H' || arg === '--host' ? [args[i + 1]] : arg.startsWith('--host=') ? [arg.slice(7)] : []));
    // A dockerd started without -H serves the default socket.
    if (hosts.includes(`unix://${socketPath}`) || (hosts.length === 0 && socketPath === '/var/run/docker.sock')) return Number(entry);
  }
  return undefined;
}

export interface CpuMeter {
  /** CPU ms used by each named group since the meter started, and the wall time elapsed. */
  read(): { wallMs: number; cpuMs: Record<string, number>; rssBytes: Record<string, number> };
}

/**
 * Starts measuring CPU of named process groups. Groups are functions so trees that grow (Chromium spawning
 * a renderer) are re-read at the end; CPU of a process that ended in between is lost, which is rare here.
 */
export function startCpuMeter(groups: Record<string, () => number[]>): CpuMeter {
  const startWall = performance.now();
  const start = Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, sampleGroup(pids()).cpuMs]));
  return {
    read() {
      const cpuMs: Record<string, number> = {};
      const rssBytes: Record<string, number> = {};
      for (const [name, pids] of Object.entries(groups)) {
        const now = sampleGroup(pids());
        cpuMs[name] = now.cpuMs - start[name];
        rssBytes[name] = now.rssBytes;
      }
      return { wallMs: performance.now() - startWall, cpuMs, rssBytes };
    },
  };
}

/** A process's command name (/proc/<pid>/comm), or '' when it is gone. */
export function commandName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/** The browser Playwright launched from this process: its whole tree (browser, renderers, GPU/utility). */
export function chromiumTree(parentPid = process.pid): number[] {
  const roots = processTree(parentPid).filter((pid) => pid !== parentPid && /chrom/i.test(commandName(pid)));
  return [...new Set(roots.flatMap((pid) => processTree(pid)))];
}

/** A Chromium process's role from its command line (`--type=renderer`, `gpu-process`, `utility`, …; none: the browser). */
export function chromiumProcessType(pid: number): string {
  try {
    // Chromium's child processes rewrite their title: the arguments become one string joined by spaces.
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    return args.find((arg) => arg.startsWith('--type='))?.slice(7) ?? 'browser';
  } catch {
    return 'gone';
  }
}

/** The pids of `tree` (a Chromium's process tree) with the given role. */
export function chromiumProcessesOfType(tree: number[], type: string): number[] {
  return tree.filter((pid) => chromiumProcessType(pid) === type);
}

/** CPU meter groups for a Chromium's processes by role: where a page's cost lands (startCpuMeter). */
export function chromiumCpuGroups(tree: number[]): Record<'pageRenderer' | 'browserProcess' | 'gpuAndUtility', () => number[]> {
  return {
    pageRenderer: () => chromiumProcessesOfType(tree, 'renderer'),
    browserProcess: () => chromiumProcessesOfType(tree, 'browser'),
    gpuAndUtility: () => [...chromiumProcessesOfType(tree, 'gpu-process'), ...chromiumProcessesOfType(tree, 'utility')],
  };
}
