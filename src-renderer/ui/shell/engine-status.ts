// Engine connection state in words, for the status bar, the sidebar and the panels' disconnected state.
import type { EngineStatus } from '../../../src-main/shared/dto';

export function secondsUntil(epochMs: number | undefined, nowMs: number): number | undefined {
  if (epochMs === undefined) return undefined;
  return Math.max(0, Math.ceil((epochMs - nowMs) / 1000));
}

/** "Connected", "Connecting…", "Disconnected — retrying in 4 s", "Disconnected — retrying now…". */
export function engineStateText(status: Pick<EngineStatus, 'state' | 'nextRetryAt'>, nowMs: number): string {
  switch (status.state) {
    case 'connected':
      return 'Connected';
    case 'connecting':
      return 'Connecting…';
    case 'disconnected': {
      const seconds = secondsUntil(status.nextRetryAt, nowMs);
      if (seconds === undefined) return 'Disconnected';
      return seconds === 0 ? 'Disconnected — retrying now…' : `Disconnected — retrying in ${seconds} s`;
    }
  }
}

/** "Docker 20.10.24 · API 1.41" once the engine has answered. */
export function engineVersionText(status: Pick<EngineStatus, 'version'>): string | undefined {
  if (!status.version) return undefined;
  return `Docker ${status.version.version} · API ${status.version.apiVersion}`;
}
