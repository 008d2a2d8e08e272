// Who owns a debug-shell sidecar: labels round-trip, and a process's liveness is told from a reused pid.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  currentOwner,
  isOwnerAlive,
  isProcessAlive,
  OWNER_PID_LABEL,
  ownerFromLabels,
  ownerLabels,
  processStartTime,
} from './debug-shell-owner';

/** The pid of a process that has exited (and been reaped): nothing runs under it now. */
function deadPid(): number {
  return spawnSync('true').pid!;
}

describe('sidecar owner', () => {
  it('round-trips through the labels', () => {
    const owner = currentOwner();
    expect(ownerFromLabels(ownerLabels(owner))).toEqual(owner);
    expect(ownerFromLabels({})).toBeUndefined();
    expect(ownerFromLabels({ ...ownerLabels(owner), [OWNER_PID_LABEL]: 'x' })).toBeUndefined();
  });

  it('knows this process started before now, and no start time for a process that is gone', () => {
    const started = processStartTime(process.pid);
    if (process.platform === 'linux') {
      expect(started).toBeLessThanOrEqual(Date.now());
      expect(started).toBeGreaterThan(Date.now() - process.uptime() * 1000 - 5_000);
    }
    expect(processStartTime(deadPid())).toBeUndefined();
  });

  it('tells a live owner from a dead one and from a reused pid', () => {
    const self = currentOwner();
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isOwnerAlive({ ...self, instance: 'another-berth' })).toBe(true);
    expect(isOwnerAlive({ ...self, pid: deadPid() })).toBe(false);
    if (process.platform === 'linux') {
      // Same pid, but the process under it started an hour after the owner did: not the owner.
      expect(isOwnerAlive({ ...self, startedAt: self.startedAt! - 3_600_000 })).toBe(false);
    }
  });
});
