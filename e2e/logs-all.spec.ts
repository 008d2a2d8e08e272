// Tail "all" of a log longer than the view keeps: the newest lines are shown at once, the older ones are
// counted (never sent) and said so, and "Load earlier" still pages them in from the engine.
import { execFileSync } from 'node:child_process';
import { docker, uniqueName } from './docker-cli';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers-page';
import { LogsPage } from './pages/logs-page';

const LABEL = 'berth.test=logs-all-e2e';
const TOTAL = 12_000;

test.describe('Logs: the whole of a long log', () => {
  let name: string;
  let lastLine: string;

  test.beforeAll(() => {
    name = uniqueName('berth-logs-all-e2e');
    docker('run', '-d', '--label', LABEL, '--name', name, '-e', 'LINES_PER_SEC=0', '-e', `TOTAL=${TOTAL}`, '-e', 'STDERR_EVERY=0', 'fixture/logger');
    docker('wait', name);
    lastLine = execFileSync('sh', ['-c', `docker logs --tail 1 ${name} 2>&1`], { encoding: 'utf8' }).trim();
  });

  test.afterAll(() => {
    const ids = docker('ps', '-aq', '--filter', `label=${LABEL}`).split('\n').filter(Boolean);
    if (ids.length) docker('rm', '-f', ...ids);
  });

  test('shows the newest lines it keeps and counts the older ones', async ({ page, berthPage: _ }) => {
    const containers = new ContainersPage(page);
    await containers.filter(name);
    await containers.row(name).getByRole('button', { name: `Logs ${name}`, exact: true }).click();
    const logs = LogsPage.inWorkspace(page, name);
    await expect(logs.status).toContainText('1,000 lines');

    await logs.status.getByRole('combobox', { name: 'Lines to keep' }).selectOption('10000');
    const options = logs.scope.getByRole('form', { name: 'Log options' });
    await options.getByLabel('Tail').fill('all');
    await options.getByRole('button', { name: 'Apply' }).click();

    await expect(logs.status).toContainText('10,000 lines');
    const notice = logs.scope.getByRole('status').filter({ hasText: 'older lines not shown' });
    await expect(notice).toContainText(`${(TOTAL - 10_000).toLocaleString('en-US')} older lines not shown: the view keeps the newest 10,000`);
    await expect(logs.line(lastLine)).toBeVisible();

    // The older lines are still in the engine: "Load earlier" pages them in (the buffer is full, so the
    // newest go, and the view says it is no longer at the live end).
    await expect(notice.getByRole('button')).toHaveCount(0); // one "Load earlier" in the view: the status line's
    await logs.status.getByRole('button', { name: 'Load earlier' }).click();
    await expect(logs.status.getByRole('button', { name: 'Start of the log' })).toBeVisible();
    await expect(logs.status).toContainText('10,000 lines');
  });
});
