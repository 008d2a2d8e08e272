// Engine B goes away and comes back: the UI says it is disconnected (no stale rows) and shows the right
// list again once it returns, without a reload. Only the second engine is ever stopped.
import { execFileSync } from 'node:child_process';
import { startBerthServer, type BerthServer } from './berth-server';
import { docker, uniqueName } from './docker-cli';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers-page';

const ENGINE_B = 'unix:///var/run/docker-b.sock';
const LABEL = 'berth.test=disconnect';

const script = (name: string, ...args: string[]) =>
  execFileSync('bash', [`/work/shared/engine/${name}`, ...args], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
const dockerB = (...args: string[]) => docker('-H', ENGINE_B, ...args);

test.describe('engine disconnect', () => {
  let server: BerthServer;

  test.beforeAll(async () => {
    script('start-second-engine.sh');
    server = await startBerthServer({ DOCKER_HOST: ENGINE_B });
  });

  test.afterAll(async () => {
    await server?.stop();
    script('start-second-engine.sh'); // leave engine B up, as we found it
    const ids = dockerB('ps', '-aq', '--filter', `label=${LABEL}`).split('\n').filter(Boolean);
    if (ids.length) dockerB('rm', '-f', ...ids);
  });

  test('the UI says the engine is disconnected, then shows the right list again when it returns', async ({ page }) => {
    test.setTimeout(180_000);
    const name = uniqueName('cui-disc');
    dockerB('run', '-d', '--label', LABEL, '--name', name, 'fixture/busybox', 'sleep', '3600');

    const ui = new ContainersPage(page);
    await page.goto(server.url);
    await ui.filter(name);
    await expect(ui.row(name)).toBeVisible();
    await ui.expectState(name, 'Running');
    await expect(ui.engineState).toHaveText('Connected');

    script('stop-engine.sh', '--second');
    await expect(ui.disconnectedState).toBeVisible();
    await expect(ui.engineState).toContainText(/Disconnected/);
    await expect(ui.grid).toHaveCount(0); // no stale rows
    await expect(page.getByRole('button', { name: 'Retry now' }).first()).toBeVisible();

    script('start-second-engine.sh');
    // The container did not survive the engine's restart running (no restart policy): the list must
    // show it as it is now, not as it was.
    await expect(ui.row(name)).toBeVisible({ timeout: 30_000 });
    await ui.expectState(name, /Exited/);
    await expect(ui.engineState).toHaveText('Connected');
  });
});
