// The command palette through the headless bridge: Ctrl+K and the sidebar button open it; typing
// filters; arrows and Enter run; Escape closes; per-container commands follow the container's state.
import { docker, uniqueName } from './docker-cli';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers-page';
import { ImagesPage } from './pages/images-page';
import { PalettePage } from './pages/palette-page';
import { RunDialogPage } from './pages/run-dialog-page';
import { TerminalPage } from './pages/terminal-page';

const LABEL = 'berth.test=palette';
const PREFIX = 'palette-e2e';

function runContainer(): string {
  const name = uniqueName(PREFIX);
  docker('run', '-d', '--label', LABEL, '--name', name, 'fixture/busybox', 'sh', '-c', 'trap "exit 0" TERM; sleep 3600 & wait');
  return name;
}

function cleanUp(): void {
  const ids = docker('ps', '-aq', '--filter', `label=${LABEL}`, '--filter', `name=${PREFIX}`).split('\n').filter(Boolean);
  if (ids.length) docker('rm', '-f', ...ids);
}

test.beforeAll(cleanUp);
test.afterAll(cleanUp);

test.describe('Command palette', () => {
  test('opens with Ctrl+K as an accessible combobox; arrows move, Escape closes', async ({ page, berthPage: _ }) => {
    const palette = new PalettePage(page);
    await expect(page.getByRole('grid', { name: 'Containers' }).or(page.getByRole('region', { name: 'No containers' }))).toBeVisible();
    await palette.openWithKeyboard();
    await expect(palette.group('Navigation')).toBeVisible();
    await expect(palette.input).toHaveAttribute('aria-expanded', 'true');
    const first = await palette.activeOption.getAttribute('id');
    await expect(palette.input).toHaveAttribute('aria-activedescendant', first!);
    await page.keyboard.press('ArrowDown');
    await expect(palette.input).not.toHaveAttribute('aria-activedescendant', first!);
    await page.keyboard.press('Escape');
    await expect(palette.dialog).toBeHidden();
  });

  test('typing "run" and Enter opens the run dialog', async ({ page, berthPage: _ }) => {
    const palette = new PalettePage(page);
    await expect(page.getByRole('status', { name: 'Engine state' })).toHaveText(/Connected/);
    await palette.openWithKeyboard();
    await palette.run('run', 'Run a container…');
    await expect(new RunDialogPage(page).dialog).toBeVisible();
  });

  test('"Open terminal in …" for a running container opens its terminal', async ({ page, berth }) => {
    const name = runContainer();
    const terminal = await TerminalPage.open(page, berth.url);
    await expect(new ContainersPage(page).grid).toBeVisible();
    const palette = new PalettePage(page);
    await palette.openWithKeyboard();
    await palette.run(`terminal ${name}`, `Open terminal in ${name}`);
    const title = new RegExp(name);
    await expect(terminal.tab(title)).toBeVisible();
    await terminal.waitConnected(title);
  });

  test('a stopped container offers Start and Show logs, but no terminal', async ({ page, berthPage: _ }) => {
    const name = uniqueName(PREFIX);
    docker('create', '--label', LABEL, '--name', name, 'fixture/busybox', 'true');
    const palette = new PalettePage(page);
    await expect(new ContainersPage(page).grid).toBeVisible();
    await palette.openWithButton();
    await palette.search(name);
    await expect(palette.option(`Start ${name}`)).toBeVisible();
    await expect(palette.option(`Show logs of ${name}`)).toBeVisible();
    await expect(palette.option(`Open terminal in ${name}`)).toHaveCount(0);
    await expect(palette.option(`Stop ${name}`)).toHaveCount(0);

    await palette.run(`start ${name}`, `Start ${name}`);
    await expect.poll(() => docker('inspect', '-f', '{{.State.Status}}', name)).toMatch(/running|exited/);
  });

  test('"Go to Images" switches panels; the fuzzy filter finds it from a few letters', async ({ page, berthPage: _ }) => {
    const palette = new PalettePage(page);
    await palette.openWithKeyboard();
    await palette.run('goim', 'Go to Images');
    await expect(new ImagesPage(page).grid).toBeVisible();
  });
});
