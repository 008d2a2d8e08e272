// Who owns a debug-shell sidecar: every sidecar is labelled with the Berth process that started it (a
// random instance id, the host name, the pid and the process's start time), so a later Berth can tell a
// sidecar whose owner crashed (and will never remove it) from one that another live Berth is using.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

export const OWNER_INSTANCE_LABEL = 'berth.debug.owner';
export const OWNER_HOST_LABEL = 'berth.debug.owner-host';
export const OWNER_PID_LABEL = 'berth.debug.owner-pid';
/** Milliseconds since the epoch when the owning process started: a pid reused by another process has another. */
export const OWNER_STARTED_LABEL = 'berth.debug.owner-started';

/** Two readings of one process's start time differ by rounding (clock ticks vs. uptime); a reused pid by far more. */
export const START_TIME_TOLERANCE_MS = 2_000;

export interface SidecarOwner {
  instance: string;
  host: string;
  pid: number;
  /** Undefined when it cannot be known on this platform. */
  startedAt?: number;
}

let bootTimeMs: number | undefined | null = null;

/** Linux: when the machine booted (btime in /proc/stat), the base of every process's start time. */
function bootTime(): number | undefined {
  if (bootTimeMs !== null) return bootTimeMs;
  try {
    const match = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    bootTimeMs = match ? Number(match[1]) * 1000 : undefined;
  } catch {
    bootTimeMs = undefined;
  }
  return bootTimeMs;
}

/**
 * When a process started (ms since the epoch), read from /proc/<pid>/stat on Linux; undefined elsewhere or
 * when the process does not exist. Clock ticks are 100 per second on every Linux Berth runs on (USER_HZ).
 */
export function processStartTime(pid: number): number | undefined {
  const boot = bootTime();
  if (boot === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]); // field 22 of the whole line
    return Number.isFinite(ticks) ? boot + ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const self: SidecarOwner = {
  instance: randomUUID(),
  host: hostname(),
  pid: process.pid,
  startedAt: processStartTime(process.pid) ?? Math.round(Date.now() - process.uptime() * 1000),
};

/** This Berth process, as it labels the sidecars it starts. */
export function currentOwner(): SidecarOwner {
  return self;
}

export function ownerLabels(owner: SidecarOwner = self): Record<string, string> {
  return {
    [OWNER_INSTANCE_LABEL]: owner.instance,
    [OWNER_HOST_LABEL]: owner.host,
    [OWNER_PID_LABEL]: String(owner.pid),
    ...(owner.startedAt !== undefined ? { [OWNER_STARTED_LABEL]: String(owner.startedAt) } : {}),
  };
}

/** The owner a sidecar's labels name; undefined for a sidecar from a Berth that did not label its owner. */
export function ownerFromLabels(labels: Record<string, string>): SidecarOwner | undefined {
  const instance = labels[OWNER_INSTANCE_LABEL];
  const host = labels[OWNER_HOST_LABEL];
  const pid = Number(labels[OWNER_PID_LABEL]);
  if (!instance || !host || !Number.isInteger(pid) || pid <= 0) return undefined;
  const started = Number(labels[OWNER_STARTED_LABEL]);
  return { instance, host, pid, ...(labels[OWNER_STARTED_LABEL] && Number.isFinite(started) ? { startedAt: started } : {}) };
}

/** Whether the process an owner names still runs on this machine (and is that process, not a reused pid). */
export function isOwnerAlive(owner: SidecarOwner): boolean {
  if (!isProcessAlive(owner.pid)) return false;
  if (owner.startedAt === undefined) return true;
  const started = processStartTime(owner.pid);
  if (started === undefined) return true;
  return Math.abs(started - owner.startedAt) <= START_TIME_TOLERANCE_MS;
}
