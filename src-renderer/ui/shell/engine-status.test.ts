import { describe, expect, it } from 'vitest';
import { engineStateText, engineVersionText } from './engine-status';

describe('engine status text', () => {
  it('names each state, with the retry countdown when disconnected', () => {
    expect(engineStateText({ state: 'connected' }, 0)).toBe('Connected');
    expect(engineStateText({ state: 'connecting' }, 0)).toBe('Connecting…');
    expect(engineStateText({ state: 'disconnected', nextRetryAt: 4_200 }, 1_000)).toBe('Disconnected — retrying in 4 s');
    expect(engineStateText({ state: 'disconnected', nextRetryAt: 500 }, 1_000)).toBe('Disconnected — retrying now…');
    expect(engineStateText({ state: 'disconnected' }, 1_000)).toBe('Disconnected');
  });
  it('shows engine and API versions once known', () => {
    expect(engineVersionText({})).toBeUndefined();
    expect(engineVersionText({ version: { version: '20.10.24', apiVersion: '1.41', os: 'linux', arch: 'amd64' } })).toBe(
      'Docker 20.10.24 · API 1.41',
    );
  });
});
