// The Logs tab of the container details pane against the real engine: a container that printed known
// lines shows them there, and a running container's new lines follow in.
import { docker, uniqueName } from './docker-cli';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers-page';
import { LogsPage } from './pages/logs-page';

const LABEL = 'berth.test=logs-details-e2e';
const PREFIX = 'berth-logs-details';

function cleanUp(): void {
  const ids = docker('ps', '-aq', '--filter', `label=${LABEL}`).split('\n').filter(Boolean);
  if (ids.length) docker('rm', '-f', ...ids);
}

async function openLogsTab(containers: ContainersPage, name: string): Promise<LogsPage> {
  await containers.filter(name);
  await containers.openDetails(name);
  return new LogsPage(containers.page, await containers.openDetailsTab(name, 'Logs'));
}

test.describe('Logs tab in the container details', () => {
  test.afterAll(cleanUp);

  test('shows the lines a finished container printed', async ({ page, berthPage: _ }) => {
    const name = uniqueName(PREFIX);
    docker('run', '-d', '--label', LABEL, '--name', name, '-e', 'LINES_PER_SEC=0', '-e', 'TOTAL=12', '-e', 'STDERR_EVERY=4', 'fixture/logger');
    docker('wait', name);

    const logs = await openLogsTab(new ContainersPage(page), name);
    // Line N goes to stderr when N is a multiple of 4, else to stdout: 12 lines in all.
    await expect(logs.status).toContainText('12 lines');
    for (let i = 1; i <= 12; i++) {
      if (i % 4) await expect(logs.line(`stdout line ${i}`)).toHaveCount(1);
      // stderr is marked apart (a hidden "stderr: " for assistive technology, a red mark on screen)
      else await expect(logs.lines.filter({ hasText: `stderr: stderr line ${i}` })).toHaveCount(1);
    }
  });

  test('follows a running container: a line printed after the tab opened shows up', async ({ page, berthPage: _ }) => {
    const name = uniqueName(PREFIX);
    docker('run', '-d', '--init', '--label', LABEL, '--name', name, 'fixture/busybox', 'sh', '-c', 'echo details-first; exec sleep 3600');

    const logs = await openLogsTab(new ContainersPage(page), name);
    await expect(logs.line('details-first')).toBeVisible();
    // Written to the main process's stdout from outside: it reaches the log like anything the process prints.
    docker('exec', name, 'sh', '-c', 'echo details-later > /proc/1/fd/1');
    await expect(logs.line('details-later')).toBeVisible();
    await expect(logs.status).toContainText('2 lines');
  });
});
