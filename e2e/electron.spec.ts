// berth.test=foundation — the Electron shell: the window opens on the built app, window.berth has one method
// per contract key, and the page has no Node (sandbox, context isolation). Skips, saying why, where
// Electron's binary is not installed (machines that cannot download it) or there is no display.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { invokeNames, streamNames } from '../src-main/shared/contract';
import { docker, uniqueName } from './docker-cli';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Why Electron cannot run here, or undefined when it can. */
function electronUnavailable(): string | undefined {
  let binary: unknown;
  try {
    binary = createRequire(resolve(root, 'package.json'))('electron');
  } catch (err) {
    return `Electron's binary is not installed here (require('electron') failed: ${(err as Error).message}); install it where its download host is reachable`;
  }
  if (typeof binary !== 'string' || !existsSync(binary)) {
    return `Electron's binary is not installed here (no file at ${String(binary)})`;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'Electron needs a display here: run under xvfb-run (or set DISPLAY)';
  }
  return undefined;
}

const unavailable = electronUnavailable();
// The list reporter does not print skip reasons: say it once, so a skipped run is not mistaken for a pass.
if (unavailable) console.warn(`[electron.spec] skipped: ${unavailable}`);
test.skip(!!unavailable, unavailable ?? '');

test.describe('Electron shell', () => {
  let app: ElectronApplication;
  let window: Page;
  const containerName = uniqueName('fdn-electron');

  test.beforeAll(async () => {
    if (!existsSync(resolve(root, 'out/main/index.js'))) {
      execFileSync(resolve(root, 'node_modules/.bin/electron-vite'), ['build'], { cwd: root, stdio: 'ignore' });
    }
    docker('create', '--label', 'berth.test=foundation', '--name', containerName, 'fixture/busybox', 'true');
    app = await electron.launch({ args: ['.'], cwd: root });
    window = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    docker('rm', '-f', containerName);
  });

  test('opens one window titled Berth on our own page', async () => {
    await expect(window).toHaveTitle(/Berth/);
    expect(window.url()).toMatch(/^file:.*\/renderer\/index\.html/);
    expect(app.windows()).toHaveLength(1);
  });

  test('window.berth exposes one method per contract key and nothing of ipcRenderer', async () => {
    const bridge = await window.evaluate(() => {
      const berth = (window as unknown as { berth?: Record<string, unknown> }).berth;
      if (!berth) return undefined;
      const methods = (value: unknown) =>
        Object.entries(value as Record<string, unknown>)
          .filter(([, fn]) => typeof fn === 'function')
          .map(([name]) => name)
          .sort();
      return {
        keys: Object.keys(berth).sort(),
        invoke: methods(berth.invoke),
        openStream: methods(berth.openStream),
      };
    });
    expect(bridge).toBeDefined();
    expect(bridge!.invoke).toEqual([...invokeNames].sort());
    expect(bridge!.openStream).toEqual([...streamNames].sort());
    expect(bridge!.keys).toEqual(
      ['invoke', 'onMessage', 'openStream', 'streamAck', 'streamClose', 'streamResize', 'streamWrite'].sort(),
    );
  });

  test('the page has no Node: no require, no process, no module', async () => {
    const globals = await window.evaluate(() => ({
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
      module: typeof (globalThis as Record<string, unknown>).module,
      ipcRenderer: typeof (globalThis as Record<string, unknown>).ipcRenderer,
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', ipcRenderer: 'undefined' });
  });

  test('the containers list shows the engine’s containers', async () => {
    await expect(window.getByRole('main')).toBeVisible();
    await expect(window.getByRole('grid', { name: 'Containers' }).getByRole('row', { name: containerName })).toBeVisible();
  });

  test('window.berth answers an invoke through the Electron transport', async () => {
    const envelope = await window.evaluate(() =>
      (window as unknown as { berth: { invoke: Record<string, (p: unknown) => Promise<unknown>> } }).berth.invoke['engines.list']({}),
    );
    expect(envelope).toMatchObject({ result: [expect.objectContaining({ engineId: 'local' })] });
  });
});
