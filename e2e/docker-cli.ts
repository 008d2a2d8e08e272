// The docker CLI, as a person at a terminal would use it beside Berth. Every container a test creates
// carries the label berth.test=e2e so cleanup never touches anything else.
import { execFileSync } from 'node:child_process';

export const TEST_LABEL = 'berth.test=e2e';

export function docker(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export function runTestContainer(name: string, ...args: string[]): string {
  return docker('run', '-d', '--label', TEST_LABEL, '--name', name, ...args);
}

export function removeTestContainers(): void {
  const ids = docker('ps', '-aq', '--filter', `label=${TEST_LABEL}`).split('\n').filter(Boolean);
  if (ids.length) docker('rm', '-f', ...ids);
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
