// Helpers shared by scripts/start.mjs and the test runner: dependency install, engine check.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const sharedEngineDir = resolve(process.env.BERTH_SHARED_DIR ?? join(root, '..', 'shared'), 'engine');

export function log(message) {
  console.error(`[berth] ${message}`);
}

/**
 * npm ci, fetching Electron's binary where its host is reachable (a laptop) and skipping it where it is
 * not (this kind of machine), so the same command works on both.
 */
export function ensureDependencies() {
  if (existsSync(join(root, 'node_modules', '.package-lock.json'))) return;
  log('installing dependencies (npm ci)…');
  const env = { ...process.env };
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
    const first = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', env });
    if (first.status === 0) return;
    log("npm ci failed (often Electron's binary download on a machine without internet); retrying without the binary");
  }
  const second = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
  if (second.status !== 0) throw new Error('npm ci failed');
}

/** The Electron binary's path, or undefined where only the npm package (no binary) is installed. */
export function electronBinary() {
  try {
    const require = createRequire(join(root, 'package.json'));
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a Docker engine answers _ping on the local socket (or DOCKER_HOST's unix socket). */
export function engineAnswers(socketPath = process.env.DOCKER_HOST?.startsWith('unix://')
  ? process.env.DOCKER_HOST.slice('unix://'.length)
  : '/var/run/docker.sock') {
  return new Promise((resolvePromise) => {
    const req = http.request({ socketPath, path: '/_ping', timeout: 2000 }, (res) => {
      res.resume();
      resolvePromise(res.statusCode === 200);
    });
    req.on('error', () => resolvePromise(false));
    req.on('timeout', () => {
      req.destroy();
      resolvePromise(false);
    });
    req.end();
  });
}

/** On a machine of this kind (shared/engine beside the clone), start the engine when none answers. */
export async function ensureLocalEngine() {
  if (process.env.DOCKER_HOST && !process.env.DOCKER_HOST.startsWith('unix://')) return;
  if (await engineAnswers()) return;
  const script = join(sharedEngineDir, 'start-engine.sh');
  if (!existsSync(script)) {
    log('no Docker engine answers on /var/run/docker.sock; Berth will show it as disconnected until one does');
    return;
  }
  log('no Docker engine answers: starting one with shared/engine/start-engine.sh…');
  execFileSync('bash', [script], { stdio: 'inherit' });
}

export function build() {
  log('building (electron-vite build)…');
  execFileSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
