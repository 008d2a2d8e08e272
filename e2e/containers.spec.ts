// The Containers panel against the real engine, through the headless bridge: what a person does in the
// UI is checked with the docker CLI, and what they do with the CLI shows up in the UI without a reload.
import { docker, uniqueName } from './docker-cli';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers-page';

const LABEL = 'berth.test=containers-ui';
const PREFIX = 'cui-e2e';

/** busybox sleep as PID 1 ignores SIGTERM: --init makes `stop` quick. */
function runSleeper(name: string, ...args: string[]): string {
  return docker('run', '-d', '--init', '--label', LABEL, '--name', name, ...args, 'fixture/busybox', 'sleep', '3600');
}

function stateOf(name: string): string {
  return docker('inspect', '-f', '{{.State.Status}}', name);
}

function exists(name: string): boolean {
  return docker('ps', '-aq', '--filter', `name=^/${name}$`) !== '';
}

function cleanUp(): void {
  const ids = docker('ps', '-aq', '--filter', `label=${LABEL}`, '--filter', `name=${PREFIX}`).split('\n').filter(Boolean);
  if (ids.length) docker('rm', '-f', '-v', ...ids);
  const volumes = docker('volume', 'ls', '-q', '--filter', `label=${LABEL}`).split('\n').filter(Boolean);
  if (volumes.length) docker('volume', 'rm', ...volumes);
}

test.describe('Containers panel', () => {
  test.afterAll(cleanUp);

  test('a container created with the docker CLI appears without a reload', async ({ page, berthPage: _ }) => {
    const ui = new ContainersPage(page);
    const name = uniqueName(PREFIX);
    await ui.filter(name);
    await expect(ui.noMatches).toBeVisible();
    runSleeper(name);
    await expect(ui.row(name)).toBeVisible();
    await ui.expectState(name, 'Running');
  });

  test('Stop in the UI stops the container for the docker CLI too', async ({ page, berthPage: _ }) => {
    const ui = new ContainersPage(page);
    const name = uniqueName(PREFIX);
    runSleeper(name);
    await ui.filter(name);
    await ui.rowAction(name, 'Stop');
    await ui.expectState(name, /Exited/);
    expect(stateOf(name)).toBe('exited');
  });

  test('bulk actions act on the checked containers only', async ({ page, berthPage: _ }) => {
    const ui = new ContainersPage(page);
    const group = uniqueName(PREFIX);
    const [a, b, c] = ['a', 'b', 'c'].map((s) => `${group}-${s}`);
    for (const name of [a, b, c]) runSleeper(name);
    await ui.filter(group);
    await ui.check(a);
    await ui.check(b, { shift: true }); // shift-click checks the range a..b
    await expect(ui.bulkToolbar.getByRole('button', { name: 'Unpause', exact: true })).toBeDisabled();
    await ui.bulk('Pause');
    await ui.expectState(a, 'Paused');
    await ui.expectState(b, 'Paused');
    expect([stateOf(a), stateOf(b), stateOf(c)]).toEqual(['paused', 'paused', 'running']);
    await ui.bulk('Unpause');
    await ui.expectState(a, 'Running');
    expect(stateOf(a)).toBe('running');
  });

  test('Remove asks first, then the container is gone from the CLI and the UI; anonymous volumes only when ticked', async ({
    page,
    berthPage: _,
  }) => {
    const ui = new ContainersPage(page);
    const keep = uniqueName(PREFIX);
    const drop = uniqueName(PREFIX);
    const volumeMount = `type=volume,destination=/data,volume-label=${LABEL}`;
    runSleeper(keep, '--mount', volumeMount);
    runSleeper(drop, '--mount', volumeMount);
    const volumeOf = (name: string) => docker('inspect', '-f', '{{range .Mounts}}{{.Name}}{{end}}', name);
    const keptVolume = volumeOf(keep);
    const droppedVolume = volumeOf(drop);

    await ui.filter(PREFIX);
    await ui.rowAction(keep, 'Remove');
    await expect(ui.removeDialog).toContainText(keep);
    await expect(ui.removeDialog).toContainText('running — it will be stopped first (forced)');
    await expect(ui.removeDialog.getByRole('list', { name: 'Anonymous volumes' })).toContainText(keptVolume.slice(0, 12));
    await ui.confirmRemove();
    await expect(ui.row(keep)).toHaveCount(0, { timeout: 30_000 });
    expect(exists(keep)).toBe(false);
    expect(docker('volume', 'ls', '-q', '--filter', `name=${keptVolume}`)).toBe(keptVolume);

    await ui.rowAction(drop, 'Remove');
    await ui.confirmRemove({ removeVolumes: true });
    await expect(ui.row(drop)).toHaveCount(0, { timeout: 30_000 });
    expect(exists(drop)).toBe(false);
    expect(docker('volume', 'ls', '-q', '--filter', `name=${droppedVolume}`)).toBe('');
  });

  test('the filter matches names, images and states', async ({ page, berthPage: _ }) => {
    const ui = new ContainersPage(page);
    const group = uniqueName(PREFIX);
    runSleeper(`${group}-alpha`);
    runSleeper(`${group}-beta`);
    docker('stop', '-t', '1', `${group}-beta`);

    await ui.filter(`${group}-alpha`);
    await expect(ui.row(`${group}-alpha`)).toBeVisible();
    await expect(ui.row(`${group}-beta`)).toHaveCount(0);

    await ui.filter(`${group} exited`);
    await expect(ui.row(`${group}-beta`)).toBeVisible();
    await expect(ui.row(`${group}-alpha`)).toHaveCount(0);

    await ui.filter(`${group} busybox`);
    await expect(ui.row(`${group}-alpha`)).toBeVisible();
    await expect(ui.row(`${group}-beta`)).toBeVisible();

    await ui.filter(`${group}-nothing-like-this`);
    await expect(ui.noMatches).toBeVisible();
  });

  test('the details pane shows the environment, and opens from the keyboard', async ({ page, berthPage: _ }) => {
    const ui = new ContainersPage(page);
    const name = uniqueName(PREFIX);
    runSleeper(name, '-e', 'FOO=bar');
    await ui.filter(name);
    await expect(ui.row(name)).toBeVisible();

    await ui.grid.focus();
    await page.keyboard.press('Enter');
    const pane = ui.details(name);
    await expect(pane).toBeVisible();
    await pane.getByRole('tab', { name: 'Environment' }).click();
    await expect(pane.getByRole('table', { name: 'Environment variables' }).getByRole('row', { name: 'FOO bar' })).toBeVisible();

    await pane.getByRole('tab', { name: 'Inspect' }).click();
    await pane.getByRole('searchbox', { name: 'Search inspect JSON' }).fill('FOO=');
    await expect(pane.getByLabel('Inspect JSON', { exact: true })).toContainText('"FOO=bar"');

    docker('rm', '-f', name);
    await expect(page.getByRole('complementary', { name: 'Container details' })).toContainText('This container no longer exists');
  });

  test('removing a container that is already gone says so clearly', async ({ page, berthPage: _ }) => {
    const ui = new ContainersPage(page);
    const name = uniqueName(PREFIX);
    runSleeper(name);
    await ui.filter(name);
    await ui.rowAction(name, 'Remove');
    await expect(ui.removeDialog.getByRole('list', { name: 'Containers to remove' })).toContainText(name);
    docker('rm', '-f', name); // someone else removes it while the dialog is open
    await ui.removeDialog.getByRole('button', { name: /^Remove/ }).click();
    await expect(ui.panelAlert).toContainText(`Could not remove ${name}: No such container`);
  });
});
