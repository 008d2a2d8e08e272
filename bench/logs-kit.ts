// Shared by the logs benchmarks: the big log container (fixture/logger, label berth.bench=logs), opening
// and closing a log view in Berth's page the way a person does, and in-page probes for "painted".
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import type { Page } from '@playwright/test';
import { engineStampMs } from './lib/display-lag';
import { ENGINE_SOCKET } from './lib/engine';
import { withTimeout } from './lib/harness';
import { RawFrameReader } from './lib/raw-frames';
import { callProbe } from './lib/probes';

export const BIG_LOG_LINES = 1_000_000;
export const BIG_LOG_NAME = '0bench-logs-1m';
const LABELS = ['--label', 'berth.bench=logs', '--label', 'berth.test=bench'];

function docker(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/**
 * A finished container whose log holds BIG_LOG_LINES lines "stdout line N" (stdout only, so the last line
 * is known). Reused when it exists; `created` says whether this run made it (and should remove it).
 */
export function ensureBigLogContainer(log: (line: string) => void): { name: string; created: boolean } {
  const existing = docker('ps', '-aq', '--filter', `name=^/${BIG_LOG_NAME}$`, '--filter', 'label=berth.bench=logs');
  if (existing && docker('logs', '--tail', '1', BIG_LOG_NAME) === `stdout line ${BIG_LOG_LINES}`) {
    log(`reusing ${BIG_LOG_NAME}`);
    return { name: BIG_LOG_NAME, created: false };
  }
  if (existing) docker('rm', '-f', BIG_LOG_NAME);
  log(`creating ${BIG_LOG_NAME}: ${BIG_LOG_LINES.toLocaleString('en-US')} lines, flat out (about 20–60 s)…`);
  docker('run', '-d', '--name', BIG_LOG_NAME, ...LABELS, '-e', 'LINES_PER_SEC=0', '-e', `TOTAL=${BIG_LOG_LINES}`, '-e', 'STDERR_EVERY=0', 'fixture/logger');
  docker('wait', BIG_LOG_NAME);
  return { name: BIG_LOG_NAME, created: true };
}

/** Removes the logs benchmarks' containers (label berth.bench=logs), only those named `namePrefix…` when given. */
export function removeBenchLogContainers(namePrefix?: string): number {
  const filters = ['--filter', 'label=berth.bench=logs', ...(namePrefix ? ['--filter', `name=^/${namePrefix}`] : [])];
  const ids = docker('ps', '-aq', ...filters).split('\n').filter(Boolean);
  if (ids.length) docker('rm', '-f', ...ids);
  return ids.length;
}

export function runLogger(name: string, env: Record<string, string>, start = true): void {
  const envArgs = Object.entries(env).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
  docker(start ? 'run' : 'create', ...(start ? ['-d'] : []), '--name', name, ...LABELS, ...envArgs, 'fixture/logger');
}

export function startContainer(name: string): void {
  docker('start', name);
}

export const logViewTitle = (name: string) => `Logs · ${name}`;

/** Filters the containers list to `name` so its row (and its "Logs" action) is rendered. */
export async function showContainerRow(page: Page, name: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Filter containers' }).fill(name);
  await page.getByRole('button', { name: `Logs ${name}`, exact: true }).waitFor({ timeout: 30_000 });
}

export async function closeLogViews(page: Page): Promise<void> {
  for (;;) {
    const close = page.getByRole('button', { name: /^Close Logs · / }).first();
    if ((await close.count()) === 0) return;
    await close.click();
  }
}

export type PaintedWhen = { lastText: string } | { received: number };

// In-page code is plain JavaScript source: functions compiled by tsx carry helpers (__name) the page lacks.
const viewHelpers = String.raw`
  const viewOf = (title) => (title ? document.querySelector('[role=tabpanel][aria-label="' + title + '"]') : null) || document.body;
  const count = (text, pattern) => {
    const match = pattern.exec(text || '');
    return match ? Number(match[1].replace(/,/g, '')) : 0;
  };
  const received = (view) => {
    const kept = count(view.querySelector('[aria-label="Log status"]')?.textContent, /([\d,]+) lines?/);
    const notice = [...view.querySelectorAll('.logs-notice')].map((n) => n.textContent).join(' ');
    return { kept, dropped: count(notice, /([\d,]+) older lines? not shown/) };
  };
`;

const clickUntilPaintedProbe = String.raw`function clickUntilPainted(arg) {
  ${viewHelpers}
  return new Promise((resolve, reject) => {
    const scope = viewOf(arg.inView);
    const target = [...scope.querySelectorAll('button')].find(
      (b) => b.getAttribute('aria-label') === arg.button || (b.textContent || '').trim() === arg.button,
    );
    if (!target) return reject(new Error('no button “' + arg.button + '”'));
    const shows = () => {
      if (arg.until.lastText !== undefined) {
        return [...document.querySelectorAll('[role=list][aria-label="Log lines"] [role=listitem]')].some((row) =>
          (row.textContent || '').endsWith(arg.until.lastText),
        );
      }
      const r = received(scope);
      return r.kept + r.dropped >= arg.until.received;
    };
    let done = false;
    const started = performance.now();
    const observer = new MutationObserver(() => {
      if (done || !shows()) return;
      done = true;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - started));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    target.click();
  });
}`;

/**
 * Clicks the button named `button` (inside the log view titled `inView`, when given) and resolves with the
 * ms from the click to the first animation frame after the DOM shows what `until` asks for: a log row
 * ending with `lastText`, or a view that has received `received` lines (kept + "older lines not shown") — measured
 * in the page.
 */
export function clickUntilPainted(page: Page, args: { button: string; inView?: string; until: PaintedWhen; timeoutMs: number }): Promise<number> {
  const what = 'lastText' in args.until ? `“${args.until.lastText}”` : `${args.until.received} lines received`;
  return withTimeout(
    page.evaluate(callProbe(clickUntilPaintedProbe, args)) as Promise<number>,
    args.timeoutMs,
    `the log view never showed ${what}`,
  );
}

const linesReceivedProbe = String.raw`function linesReceived(title) {
  ${viewHelpers}
  return received(viewOf(title));
}`;

/** Reads the view's kept-line count and the "N older lines not shown" notice: lines received in all. */
export async function linesReceived(page: Page | PageEvaluator, title: string): Promise<{ kept: number; dropped: number }> {
  return page.evaluate(callProbe(linesReceivedProbe, title)) as Promise<{ kept: number; dropped: number }>;
}

/** Runs JavaScript in the page (Playwright's page.evaluate, or a bare CDP session's). */
export interface PageEvaluator {
  evaluate(expression: string): Promise<unknown>;
}

const waitForLastLineProbe = String.raw`function waitForLastLine(arg) {
  return new Promise((resolve, reject) => {
    const list = document.querySelector('[role=list][aria-label="Log lines"]');
    let observer;
    const timer = setTimeout(() => {
      observer?.disconnect();
      // Say what the view showed instead: the newest row, and the view's status and notices.
      const rows = list.querySelectorAll('[role=listitem]');
      const newest = rows.length ? (rows[rows.length - 1].textContent || '').slice(-80) : '(no rows)';
      const view = list.closest('[role=tabpanel]');
      const status = view?.querySelector('[aria-label="Log status"]')?.textContent ?? '(no status)';
      reject(new Error('the view never showed “' + arg.lastText + '” within ' + arg.timeoutMs + ' ms; newest row “' + newest + '”, status “' + status + '”'));
    }, arg.timeoutMs);
    const check = () => {
      const rows = list.querySelectorAll('[role=listitem]');
      for (let i = rows.length - 1; i >= 0; i--) {
        if ((rows[i].textContent || '').endsWith(arg.lastText)) {
          clearTimeout(timer);
          observer?.disconnect();
          resolve(true);
          return true;
        }
      }
      return false;
    };
    if (check()) return;
    // Checked when the rows change (not every animation frame: a frame loop makes the page draw 60 times a second).
    observer = new MutationObserver(check);
    observer.observe(list, { childList: true, subtree: true, characterData: true });
  });
}`;

/** Resolves when a log row ending with `lastText` is on screen (checked in the page whenever the rows change). */
export async function waitForLastLine(page: PageEvaluator, lastText: string, timeoutMs: number): Promise<void> {
  await page.evaluate(callProbe(waitForLastLineProbe, { lastText, timeoutMs }));
}

/** The page's JavaScript heap (Chromium only), MB. */
export async function pageHeapMb(page: Page): Promise<number | undefined> {
  return page.evaluate('performance.memory ? Math.round(performance.memory.usedJSHeapSize / 1048576) : undefined') as Promise<
    number | undefined
  >;
}

/**
 * The engine's timestamps (epoch ms) of the lines numbered `wanted` in a finished logger container's log
 * ("stdout line N"): read once, whole, from the engine (the frames demuxed here, only wanted lines parsed).
 */
export function engineLineStamps(name: string, wanted: Set<number>): Promise<Map<number, number>> {
  return new Promise((resolve, reject) => {
    const stamps = new Map<number, number>();
    const request = http.request(
      { socketPath: ENGINE_SOCKET, path: `/containers/${encodeURIComponent(name)}/logs?stdout=1&stderr=1&timestamps=1` },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(new Error(`GET logs of ${name}: HTTP ${response.statusCode}`));
          return;
        }
        const frames = new RawFrameReader();
        let partial = '';
        const takeLines = (text: string) => {
          const lines = (partial + text).split('\n');
          partial = lines.pop() ?? '';
          for (const line of lines) {
            const number = Number(line.slice(line.lastIndexOf(' ') + 1));
            if (wanted.has(number)) stamps.set(number, engineStampMs(line.slice(0, line.indexOf(' '))));
          }
        };
        response.on('data', (chunk: Buffer) => takeLines(frames.push(chunk).join('')));
        response.on('end', () => {
          takeLines('\n');
          resolve(stamps);
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end();
  });
}
