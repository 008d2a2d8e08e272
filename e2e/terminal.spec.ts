// Terminals through the headless bridge against the real engine: what is typed in the page is checked
// with the docker CLI (files, processes, exec state), and what the engine says shows in the page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docker, uniqueName } from './docker-cli';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers-page';
import { TerminalPage } from './pages/terminal-page';

const LABEL = 'berth.test=exec';
const PREFIX = 'exec-e2e';
const SCRATCH_IMAGE = 'berth-test-exec/e2e-scratch:latest';

function run(image: string, ...cmd: string[]): string {
  const name = uniqueName(PREFIX);
  docker('run', '-d', '--init', '--label', LABEL, '--name', name, image, ...cmd);
  return name;
}

/** A FROM-scratch image with only /busybox: no shell to exec into. */
function buildScratchImage(): void {
  const dir = mkdtempSync(join(tmpdir(), 'exec-e2e-scratch-'));
  const helper = uniqueName(`${PREFIX}-copy`);
  try {
    docker('create', '--label', LABEL, '--name', helper, 'fixture/busybox', 'true');
    docker('cp', `${helper}:/bin/busybox`, join(dir, 'busybox'));
    writeFileSync(join(dir, 'Dockerfile'), `FROM scratch\nCOPY busybox /busybox\nLABEL ${LABEL}\nCMD ["/busybox", "sleep", "3600"]\n`);
    execFileSync('docker', ['build', '--network', 'none', '-q', '-t', SCRATCH_IMAGE, dir], {
      env: { ...process.env, DOCKER_BUILDKIT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } finally {
    docker('rm', '-f', helper);
    rmSync(dir, { recursive: true, force: true });
  }
}

function cleanUp(): void {
  const ids = docker('ps', '-aq', '--filter', `label=${LABEL}`, '--filter', `name=${PREFIX}`).split('\n').filter(Boolean);
  const sidecars = docker('ps', '-aq', '--filter', 'label=berth.role=debug-shell', '--filter', `name=berth-debug-${PREFIX}`)
    .split('\n')
    .filter(Boolean);
  for (const id of [...ids, ...sidecars]) {
    try {
      docker('rm', '-f', id);
    } catch {
      // a debug sidecar removes itself (AutoRemove) and may already be going
    }
  }
  try {
    docker('rmi', '-f', SCRATCH_IMAGE);
  } catch {
    // never built
  }
}

function catInContainer(name: string, path: string): string {
  try {
    return docker('exec', name, 'cat', path);
  } catch {
    return '';
  }
}

function processes(name: string): string {
  return docker('top', name, '-o', 'pid,args');
}

function runningExecs(name: string): number {
  const ids = docker('inspect', '-f', '{{range .ExecIDs}}{{.}} {{end}}', name).split(/\s+/).filter(Boolean);
  return ids.filter((id) => execInspectRunning(id)).length;
}

function execInspectRunning(id: string): boolean {
  // The CLI has no "docker exec inspect"; the engine API answers through curl on the socket.
  const out = execFileSync('curl', ['-s', '--unix-socket', '/var/run/docker.sock', `http://localhost/exec/${id}/json`], { encoding: 'utf8' });
  try {
    return JSON.parse(out).Running === true;
  } catch {
    return false; // "no such exec": it ended and the engine forgot it
  }
}

async function openShell(page: Page, url: string, name: string) {
  const terminal = await TerminalPage.open(page, url);
  const containers = new ContainersPage(page);
  await containers.filter(name);
  await containers.row(name).getByRole('button', { name: `Terminal ${name}` }).click();
  const title = `Shell · ${name}`;
  await expect(terminal.tab(title)).toBeVisible();
  await terminal.waitConnected(title);
  return { terminal, containers, title };
}

test.describe('Terminal', () => {
  test.beforeAll(buildScratchImage);
  test.afterAll(cleanUp);

  test('a shell into fixture/debian runs what is typed; the docker CLI sees the file', async ({ page, berth }) => {
    const name = run('fixture/debian:bookworm', 'sleep', '3600');
    const { terminal, title } = await openShell(page, berth.url, name);
    await expect(terminal.toolbar(title)).toContainText('bash');
    await terminal.type(title, 'echo made-by-berth > /tmp/berth-e2e.txt\r');
    await expect.poll(() => catInContainer(name, '/tmp/berth-e2e.txt')).toBe('made-by-berth');
    await terminal.expectText(title, /# echo made-by-berth/);
  });

  test('output travels as bytes and shows as UTF-8 text, a character cut across reads included', async ({ page, berth }) => {
    const name = run('fixture/debian:bookworm', 'sleep', '3600');
    const { terminal, title } = await openShell(page, berth.url, name);
    // Typed as octal escapes (plain ASCII keys); the program writes the euro sign's three bytes in two writes.
    await terminal.type(title, "printf 'gr\\303\\274n '; printf '\\342'; sleep 0.3; printf '\\202\\254 ok\\n'\r");
    await terminal.expectText(title, /grün € ok/);
  });

  test('stty size follows the view when it is resized', async ({ page, berth }) => {
    const name = run('fixture/debian:bookworm', 'sleep', '3600');
    const { terminal, title } = await openShell(page, berth.url, name);
    const before = await terminal.size(title);
    await terminal.type(title, 'stty size > /tmp/size-1\r');
    await expect.poll(() => catInContainer(name, '/tmp/size-1')).toBe(`${before.rows} ${before.cols}`);
    await page.setViewportSize({ width: 900, height: 700 });
    await expect.poll(async () => (await terminal.size(title)).cols).toBeLessThan(before.cols);
    const after = await terminal.size(title);
    await terminal.type(title, 'stty size > /tmp/size-2\r');
    await expect.poll(() => catInContainer(name, '/tmp/size-2')).toBe(`${after.rows} ${after.cols}`);
  });

  test('a multi-line paste runs each line, from the keyboard and from the context menu', async ({ page, berth, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const name = run('fixture/debian:bookworm', 'sleep', '3600');
    const { terminal, title } = await openShell(page, berth.url, name);
    await page.evaluate(() => navigator.clipboard.writeText('echo one > /tmp/paste\necho two >> /tmp/paste\n'));
    await terminal.press(title, 'Control+Shift+V');
    // bash asked for bracketed paste: the pasted lines wait in the editor until Enter runs them all.
    await terminal.expectText(title, /echo two >> \/tmp\/paste/);
    await terminal.press(title, 'Enter');
    await expect.poll(() => catInContainer(name, '/tmp/paste')).toBe('one\ntwo');
    await page.evaluate(() => navigator.clipboard.writeText('echo three >> /tmp/paste\necho four >> /tmp/paste\n'));
    await terminal.contextMenu(title, 'Paste');
    await terminal.expectText(title, /echo four >> \/tmp\/paste/);
    await terminal.press(title, 'Enter');
    await expect.poll(() => catInContainer(name, '/tmp/paste')).toBe('one\ntwo\nthree\nfour');
  });

  test('exit 3 shows exit code 3, and Reconnect opens a new shell', async ({ page, berth }) => {
    const name = run('fixture/debian:bookworm', 'sleep', '3600');
    const { terminal, title } = await openShell(page, berth.url, name);
    await terminal.type(title, 'exit 3\r');
    await expect(terminal.endBar(title)).toContainText('Exited with code 3');
    await terminal.endBar(title).getByRole('button', { name: 'Reconnect' }).click();
    await terminal.waitConnected(title);
    await expect(terminal.endBar(title)).toBeHidden();
    await terminal.type(title, 'echo again > /tmp/again\r');
    await expect.poll(() => catInContainer(name, '/tmp/again')).toBe('again');
  });

  test('Ctrl+C reaches the container', async ({ page, berth }) => {
    const name = run('fixture/debian:bookworm', 'sleep', '3600');
    const { terminal, title } = await openShell(page, berth.url, name);
    await terminal.type(title, 'sleep 777\r');
    await expect.poll(() => processes(name)).toContain('sleep 777');
    await terminal.press(title, 'Control+C');
    await expect.poll(() => processes(name)).not.toContain('sleep 777');
  });

  test('Ctrl+C during a flood gives the prompt back and says how much output was skipped', async ({ page, berth }) => {
    const name = run('fixture/debian:bookworm', 'sleep', '3600');
    const { terminal, title } = await openShell(page, berth.url, name);
    await terminal.type(title, "PS1='flood> '\r");
    await terminal.type(title, 'yes\r');
    await expect.poll(() => processes(name)).toContain('yes');
    await page.waitForTimeout(1000); // let the backlog build up
    await terminal.press(title, 'Control+C');
    await expect(terminal.toolbar(title).getByText(/^Skipped .+ after Ctrl\+C$/)).toBeVisible();
    await terminal.expectText(title, /\^C\s*\nflood>$/);
    await expect.poll(() => processes(name)).not.toContain('yes');
    // The terminal carries on as usual afterwards.
    await terminal.type(title, 'echo after-$((6*7))\r');
    await terminal.expectText(title, /after-42\s*\nflood>$/);
  });

  test('a flood is drawn a few times a second, and the screen shows its end and the prompt', async ({ page, berth }) => {
    const name = run('fixture/debian:bookworm', 'sleep', '3600');
    const { terminal, title } = await openShell(page, berth.url, name);
    // The xterm we ship has what pacing needs (xterm-render-hold.ts): an upgrade that loses it fails here.
    expect(await terminal.floodPacing(title)).toBe(true);
    await terminal.type(title, "PS1='flood-done> '\r");
    await terminal.type(title, 'seq 1 300000\r');
    await terminal.expectScreen(title, /\n299999\n300000\nflood-done>$/);
    // Most of it scrolled past the 5,000-line scrollback unparsed (unseen-lines.ts), yet the scrollback holds
    // exactly the flood's last lines, in order, none missing.
    expect(await terminal.unseenBytesSkipped(title)).toBeGreaterThan(1_000_000);
    const kept = (await terminal.text(title)).split('\n');
    expect(kept.pop()).toBe('flood-done>');
    expect(kept.length).toBeGreaterThan(5000);
    expect(kept).toEqual(kept.map((_, i) => String(300000 - kept.length + 1 + i)));
    // Drawing is back to every frame: typing shows at once.
    await terminal.type(title, 'echo typed-$((6*7))');
    await terminal.expectScreen(title, /flood-done> echo typed-\$\(\(6\*7\)\)$/);
  });

  test('shell detection picks sh in fixture/busybox', async ({ page, berth }) => {
    const name = run('fixture/busybox', 'sleep', '3600');
    const { terminal, title } = await openShell(page, berth.url, name);
    await expect(terminal.toolbar(title).getByText('sh', { exact: true })).toBeVisible();
    await terminal.type(title, 'echo $0 > /tmp/shell\r');
    await expect.poll(() => catInContainer(name, '/tmp/shell')).toBe('/bin/sh');
  });

  test('closing a tab ends its shell: no running exec, no leftover process', async ({ page, berth }) => {
    const name = run('fixture/debian:bookworm', 'sleep', '3600');
    const { terminal, title } = await openShell(page, berth.url, name);
    await terminal.type(title, 'sleep 4321\r');
    await expect.poll(() => processes(name)).toContain('sleep 4321');
    await terminal.close(title);
    await expect(terminal.tab(title)).toBeHidden();
    await expect.poll(() => processes(name)).not.toContain('sleep 4321');
    await expect.poll(() => processes(name)).not.toMatch(/bash/);
    expect(runningExecs(name)).toBe(0);
  });

  test('reloading the page ends its shells', async ({ page, berth }) => {
    const name = run('fixture/debian:bookworm', 'sleep', '3600');
    const { terminal, title } = await openShell(page, berth.url, name);
    await terminal.type(title, 'sleep 5678\r');
    await expect.poll(() => processes(name)).toContain('sleep 5678');
    await page.reload();
    await expect.poll(() => processes(name)).not.toContain('sleep 5678');
    expect(runningExecs(name)).toBe(0);
  });

  test('a debug shell into a FROM-scratch container lists its processes', async ({ page, berth }) => {
    const name = run(SCRATCH_IMAGE);
    const terminal = await TerminalPage.open(page, berth.url);
    const containers = new ContainersPage(page);
    await containers.filter(name);
    const details = await containers.openDetails(name);
    await details.getByRole('tab', { name: 'Exec' }).click();
    await details.getByRole('button', { name: 'Debug shell' }).click();
    const title = `Debug shell · ${name}`;
    await terminal.waitConnected(title);
    await expect(terminal.panel(title).getByRole('note')).toContainText('/proc/1/root');
    await terminal.type(title, 'ps -o pid,args\r');
    await terminal.expectText(title, /\d+ +\/busybox sleep 3600/);
    await terminal.close(title);
    await expect.poll(() => docker('ps', '-aq', '--filter', 'label=berth.role=debug-shell', '--filter', `label=berth.debug.target=${docker('inspect', '-f', '{{.Id}}', name)}`)).toBe('');
  });

  test('bad input gets a clear message in the terminal area', async ({ page, berth }) => {
    const name = run('fixture/busybox', 'sleep', '3600');
    const { terminal, title } = await openShell(page, berth.url, name);
    const panel = terminal.panel(title);
    await panel.getByRole('button', { name: 'Terminal options' }).click();
    const form = panel.getByRole('form', { name: 'Terminal options' });
    await form.getByLabel('User').fill('ghost');
    await form.getByRole('button', { name: 'Restart session' }).click();
    await expect(terminal.errorInTerminal(title)).toContainText('There is no user "ghost"');

    await panel.getByRole('button', { name: 'Change options' }).click();
    await form.getByLabel('User').fill('');
    await form.getByLabel('Shell', { exact: true }).fill('zsh');
    await form.getByRole('button', { name: 'Start session' }).click();
    await expect(terminal.errorInTerminal(title)).toContainText('The shell "zsh" does not exist');

    docker('stop', '-t', '1', name);
    await panel.getByRole('button', { name: 'Retry' }).click();
    await expect(terminal.errorInTerminal(title)).toContainText(/is not running \(exited with code \d+\)/);
  });

  test('a one-off command shows its output and exit code', async ({ page, berth }) => {
    const name = run('fixture/busybox', 'sleep', '3600');
    await TerminalPage.open(page, berth.url);
    const containers = new ContainersPage(page);
    await containers.filter(name);
    const details = await containers.openDetails(name);
    await details.getByRole('tab', { name: 'Exec' }).click();
    await details.getByRole('textbox', { name: 'Command' }).fill('echo from-one-off; exit 4');
    await details.getByRole('button', { name: 'Run' }).click();
    const output = details.getByLabel('Command output');
    await expect(output).toContainText('from-one-off');
    await expect(output.getByRole('status')).toHaveText('Exit code 4');
  });
});
