// Headless Berth for benchmarks: built into a private output directory (so a bench never swaps out/ under
// someone's e2e run), started as a child process, and opened in Debian's Chromium through Playwright.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { awaitReadyLine, stopChild } from './child-ready';
import { epochNow } from './harness';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Inside node_modules so Node finds the app's dependencies from the built files, and git ignores it. */
export const benchBuildDir = join(repoRoot, 'node_modules', '.cache', 'berth-bench');

export const chromiumPath = process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Builds the app (main, preload, renderer) into benchBuildDir. Returns that directory. */
export function buildBerth(): string {
  execFileSync(join(repoRoot, 'node_modules', '.bin', 'electron-vite'), ['build', '--outDir', benchBuildDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return benchBuildDir;
}

export interface BerthProcess {
  url: string;
  origin: string;
  token: string;
  pid: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts headless Berth (serve.js of a build) and waits for its "ready" line. */
export async function launchBerth(options: { buildDir?: string; env?: Record<string, string> } = {}): Promise<BerthProcess> {
  const serve = join(options.buildDir ?? benchBuildDir, 'main', 'serve.js');
  if (!existsSync(serve)) throw new Error(`${serve} is missing: build first (buildBerth) or run without --no-build`);
  const child = spawn(process.execPath, [serve], {
    cwd: repoRoot,
    env: { ...process.env, BERTH_PORT: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await awaitReadyLine(child, /Berth is ready at (\S+)/, 'Berth');
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '',
    pid: child.pid!,
    process: child,
    stop: () => stopChild(child),
  };
}

/** Debian's Chromium, headless, with the flags this machine needs (never a downloaded browser). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

export interface BerthPage {
  context: BrowserContext;
  page: Page;
  /** page clock (epoch ms) − Node clock (epoch ms); subtract it from page times to compare with epochNow(). */
  clockOffset: number;
  close(): Promise<void>;
}

/**
 * Opens Berth in a fresh context. `initScripts` run before the app's own scripts on every load (probes).
 * Does not wait for any UI: benchmarks wait for what they measure.
 */
export async function openBerthPage(
  browser: Browser,
  berth: BerthProcess,
  options: { viewport?: { width: number; height: number }; initScripts?: { script: string; arg?: unknown }[] } = {},
): Promise<BerthPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  const page = await context.newPage();
  for (const { script, arg } of options.initScripts ?? []) {
    await page.addInitScript(`(${script})(${JSON.stringify(arg ?? null)})`);
  }
  await page.goto(berth.url);
  const clockOffset = await measureClockOffset(page);
  return { context, page, clockOffset, close: () => context.close() };
}

/**
 * The offset between the page's clock and Node's, both epoch ms (timeOrigin + now()), from the round trip
 * with the smallest delay: error ≤ half that round trip (well under a millisecond here).
 */
export async function measureClockOffset(page: Page, rounds = 15): Promise<number> {
  let best = { rtt: Infinity, offset: 0 };
  for (let i = 0; i < rounds; i++) {
    const before = epochNow();
    const pageTime = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = epochNow();
    if (after - before < best.rtt) best = { rtt: after - before, offset: pageTime - (before + after) / 2 };
  }
  return best.offset;
}
