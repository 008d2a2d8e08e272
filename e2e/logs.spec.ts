// Logs through the UI against the real engine: open from the containers panel, read, search, filter,
// follow, export — and what happens when the container goes away.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { docker, uniqueName } from './docker-cli';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers-page';
import { LogsPage } from './pages/logs-page';

const LABEL = 'berth.test=logs-e2e';
const PREFIX = 'berth-logs-e2e';

function runLogger(name: string, env: Record<string, string>): string {
  const args = Object.entries(env).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
  return docker('run', '-d', '--label', LABEL, '--name', name, ...args, 'fixture/logger');
}

function cleanUp(): void {
  const ids = docker('ps', '-aq', '--filter', `label=${LABEL}`).split('\n').filter(Boolean);
  if (ids.length) docker('rm', '-f', ...ids);
}

async function openLogs(page: Page, name: string): Promise<LogsPage> {
  const containers = new ContainersPage(page);
  await containers.filter(name);
  await containers.row(name).getByRole('button', { name: `Logs ${name}`, exact: true }).click();
  const logs = LogsPage.inWorkspace(page, name);
  await expect(logs.scope).toBeVisible();
  return logs;
}

test.describe('Logs', () => {
  test.afterAll(cleanUp);

  test.describe('a finished container with 300 numbered lines', () => {
    let name: string;
    /** The log's last line as the engine stored it (stdout and stderr interleave as each was read). */
    let lastLine: string;

    test.beforeAll(() => {
      name = uniqueName(PREFIX);
      runLogger(name, { LINES_PER_SEC: '0', TOTAL: '300', STDERR_EVERY: '3' });
      docker('wait', name);
      lastLine = execFileSync('sh', ['-c', `docker logs --tail 1 ${name} 2>&1`], { encoding: 'utf8' }).trim();
    });

    // The newest line is the engine's last stored one (`docker logs --tail 1`): stdout and stderr are stored
    // as the engine reads each pipe, so it is not always the highest number. The view keeps that order.
    test('opens from the container row and shows the newest lines', async ({ page, berthPage: _ }) => {
      const logs = await openLogs(page, name);
      await expect(logs.line(lastLine)).toBeVisible();
      await expect(logs.status).toContainText('300 lines');
      // The engine ends a follow on a stopped container; Berth waits for it to start again.
      await expect(logs.status).toContainText('Container stopped');
    });

    test('search counts and highlights; filter mode shows only the matching lines', async ({ page, berthPage: _ }) => {
      const logs = await openLogs(page, name);
      await expect(logs.status).toContainText('300 lines');
      await logs.search('line 15');
      // line 15 and lines 150–159
      await expect(logs.searchBar).toContainText('11 matches');
      await logs.searchBar.getByRole('button', { name: 'Next match' }).click();
      await expect(logs.searchBar).toContainText('11 of 11');
      await logs.toggle('Only matching').click();
      await logs.expectShownTexts((text) => /line 15\d?$/.test(text), 11);
      await expect(logs.status).toContainText('11 shown');

      await logs.search('^stderr line 2\\d$', { regex: true });
      await logs.expectShownTexts((text) => /^stderr: stderr line (21|24|27)$/.test(text), 3);
    });

    test('an invalid regular expression is named beside the box, and the view stays usable', async ({ page, berthPage: _ }) => {
      const logs = await openLogs(page, name);
      await expect(logs.status).toContainText('300 lines');
      await logs.search('line (1', { regex: true });
      await expect(logs.searchError).toContainText('Not a valid regular expression');
      await expect(logs.searchBox).toHaveAttribute('aria-invalid', 'true');
      await expect(logs.status).toContainText('300 lines');
      await logs.search('line (1)', { regex: true });
      await expect(logs.searchError).toBeHidden();
    });

    test('stdout and stderr can be shown apart', async ({ page, berthPage: _ }) => {
      const logs = await openLogs(page, name);
      await expect(logs.status).toContainText('300 lines');
      await logs.toggle('stdout').click();
      await logs.expectShownTexts((text) => /^stderr: stderr line \d+$/.test(text));
      await expect(logs.status).toContainText('100 shown');
      await logs.toggle('stdout').click();
      await logs.toggle('stderr').click();
      await logs.expectShownTexts((text) => /^stdout line \d+$/.test(text));
      await expect(logs.status).toContainText('200 shown');
    });

    test('tail and since/until are checked before anything reopens', async ({ page, berthPage: _ }) => {
      const logs = await openLogs(page, name);
      await expect(logs.status).toContainText('300 lines');
      const options = logs.scope.getByRole('form', { name: 'Log options' });
      await options.getByLabel('Since').fill('10m');
      await options.getByLabel('Until').fill('1h');
      await options.getByRole('button', { name: 'Apply' }).click();
      await expect(options.getByRole('alert')).toContainText('earlier than');
      await expect(logs.status).toContainText('300 lines');
      await options.getByLabel('Since').fill('');
      await options.getByLabel('Until').fill('');
      await options.getByLabel('Tail').fill('5');
      await options.getByRole('button', { name: 'Apply' }).click();
      await expect(logs.status).toContainText('5 lines');
      await expect(logs.lines).toHaveCount(5);
      await expect(logs.line(lastLine)).toBeVisible();
    });

    test('exports the whole log to a file, byte for byte what docker logs prints', async ({ page, berthPage: _ }) => {
      const dir = mkdtempSync(join(tmpdir(), 'berth-logs-e2e-'));
      try {
        const logs = await openLogs(page, name);
        await expect(logs.status).toContainText('300 lines');
        const dialog = await logs.openExport();
        const path = join(dir, 'export.log');
        await dialog.getByLabel(/^Save to/).fill(path);
        await dialog.getByRole('button', { name: 'Save log' }).click();
        await expect(dialog.getByRole('status')).toContainText(`to ${path}`);
        const expected = execFileSync('sh', ['-c', `docker logs ${name} 2>&1`]);
        expect(readFileSync(path).equals(expected)).toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  test('follows new lines, and says so when the container is removed', async ({ page, berthPage: _ }) => {
    const name = uniqueName(PREFIX);
    runLogger(name, { LINES_PER_SEC: '10', STDERR_EVERY: '0' });
    const logs = await openLogs(page, name);
    await expect(logs.status).toContainText('Following');
    // New lines keep arriving and the view keeps the newest in sight.
    await expect(logs.lines.last()).toHaveText(/stdout line ([2-9]\d|\d{3,})$/);
    docker('rm', '-f', name);
    await expect(logs.scope.getByRole('status').filter({ hasText: 'The container was removed' })).toBeVisible();
    await expect(logs.status).toContainText('Container removed');
    // What was shown stays readable and searchable.
    await logs.search('line 1');
    await expect(logs.searchBar).toContainText(/\d+ match/);
  });
});
