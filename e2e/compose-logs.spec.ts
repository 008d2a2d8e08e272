// A compose project's logs, opened from its group row in the Containers panel: a small project started with
// docker-compose v1 (local fixture images only) whose two services print numbered lines; the project's log
// shows both services' lines, each prefixed by its service.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docker, uniqueName } from './docker-cli';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers-page';
import { LogsPage } from './pages/logs-page';
import { PalettePage } from './pages/palette-page';

const LABEL_KEY = 'berth.test';
const LABEL_VALUE = 'compose-logs';
const LINES = 5;

/** Each service prints "<word> 1" … "<word> 5", then waits (so the project stays up while the test looks). */
function service(word: string): string {
  return `
    image: fixture/busybox
    command: ["sh", "-c", "for i in $$(seq 1 ${LINES}); do echo ${word} $$i; sleep 0.1; done; exec sleep 3600"]
    labels:
      ${LABEL_KEY}: ${LABEL_VALUE}`;
}

const composeFile = `version: "2.4"
services:
  ticker:${service('tick')}
  tocker:${service('tock')}
networks:
  default:
    labels:
      ${LABEL_KEY}: ${LABEL_VALUE}
`;

function compose(dir: string, project: string, ...args: string[]): string {
  try {
    return execFileSync('docker-compose', ['-p', project, '-f', join(dir, 'docker-compose.yml'), ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('docker-compose (v1) is not installed: on Debian, apt-get install docker-compose', { cause: err });
    }
    throw err;
  }
}

function removeLeftovers(): void {
  const ids = docker('ps', '-aq', '--filter', `label=${LABEL_KEY}=${LABEL_VALUE}`).split('\n').filter(Boolean);
  if (ids.length) docker('rm', '-f', ...ids);
  const networks = docker('network', 'ls', '-q', '--filter', `label=${LABEL_KEY}=${LABEL_VALUE}`).split('\n').filter(Boolean);
  if (networks.length) docker('network', 'rm', ...networks);
}

test.describe('Compose project logs', () => {
  let dir: string;
  let project: string;

  test.beforeAll(() => {
    removeLeftovers();
    dir = mkdtempSync(join(tmpdir(), 'berth-compose-logs-'));
    writeFileSync(join(dir, 'docker-compose.yml'), composeFile);
    project = uniqueName('berth-compose-logs');
    compose(dir, project, 'up', '-d', '--no-build');
  });

  test.afterAll(() => {
    try {
      compose(dir, project, 'down', '-t', '0');
    } finally {
      removeLeftovers();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the group row opens every service’s lines, each prefixed by its service', async ({ page, berthPage: _ }) => {
    const containers = new ContainersPage(page);
    await containers.filter(project);
    await expect(containers.projectRow(project)).toBeVisible();
    await containers.openProjectLogs(project);

    const logs = LogsPage.forProject(page, project);
    await expect(logs.scope).toBeVisible();
    for (let i = 1; i <= LINES; i++) {
      await expect(logs.sourcedLine('ticker', `tick ${i}`)).toHaveCount(1);
      await expect(logs.sourcedLine('tocker', `tock ${i}`)).toHaveCount(1);
    }
    await expect(logs.status).toContainText(`${LINES * 2} lines`);
  });

  test('the command palette opens the same interleaved log by project name', async ({ page, berthPage: _ }) => {
    const palette = new PalettePage(page);
    await palette.openWithKeyboard();
    await palette.run(`logs of compose project ${project}`, `Show logs of compose project ${project}`);

    const logs = LogsPage.forProject(page, project);
    await expect(logs.scope).toBeVisible();
    await expect(logs.sourcedLine('ticker', `tick ${LINES}`)).toHaveCount(1);
    await expect(logs.sourcedLine('tocker', `tock ${LINES}`)).toHaveCount(1);
  });
});
