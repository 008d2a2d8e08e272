// The run dialog end to end, through the headless bridge against the real engine: fill it by its
// labels, read the equivalent command, run, see the container in the list (and check it with the docker
// CLI); bad input stays in the dialog without reaching the engine; a pasted docker run line fills it;
// engine refusals land beside their field; recreate and "copy as" from a row.
import { docker, uniqueName } from './docker-cli';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers-page';
import { RecreateDialogPage, RunDialogPage } from './pages/run-dialog-page';

const LABEL = 'berth.test=run';
const PREFIX = 'run-e2e';
const REGISTRY = '127.0.0.1:5001';

function exists(name: string): boolean {
  return docker('ps', '-aq', '--filter', `name=^/${name}$`) !== '';
}

function cleanUp(): void {
  const ids = docker('ps', '-aq', '--filter', `label=${LABEL}`, '--filter', `name=${PREFIX}`).split('\n').filter(Boolean);
  if (ids.length) docker('rm', '-f', '-v', ...ids);
  const tags = docker('images', '--format', '{{.Repository}}:{{.Tag}}').split('\n').filter((t) => t.startsWith(`${REGISTRY}/berth-run/e2e`));
  if (tags.length) docker('rmi', '-f', ...tags);
}

test.describe('Run dialog', () => {
  test.beforeAll(cleanUp);
  test.afterAll(cleanUp);

  test('fill by labels, see the equivalent command, run: the container appears in the list', async ({ page, berthPage: _ }) => {
    const run = new RunDialogPage(page);
    const name = uniqueName(PREFIX);
    await run.open();
    await run.fill({
      Image: 'fixture/busybox',
      Name: name,
      Command: `sh -c 'trap "exit 0" TERM; sleep 3600 & wait'`,
      Ports: '127.0.0.1:18971:80',
      Environment: 'GREETING=hello world\nMODE=e2e',
      Labels: LABEL,
    });
    await expect(run.commandLine).toHaveText(
      `docker run -d --name ${name} -e 'GREETING=hello world' -e MODE=e2e --label ${LABEL} -p 127.0.0.1:18971:80 fixture/busybox sh -c 'trap "exit 0" TERM; sleep 3600 & wait'`,
    );
    await run.run();
    await expect(run.dialog).toBeHidden();

    const containers = new ContainersPage(page);
    await containers.filter(name);
    await expect(containers.row(name)).toBeVisible();
    await containers.expectState(name, 'Running');
    expect(docker('inspect', '-f', '{{json .HostConfig.PortBindings}}', name)).toBe('{"80/tcp":[{"HostIp":"127.0.0.1","HostPort":"18971"}]}');
    expect(docker('exec', name, 'sh', '-c', 'echo $GREETING')).toBe('hello world');
  });

  test('a bad port shows its error beside Ports and the engine is not called', async ({ page, berthPage: _ }) => {
    const run = new RunDialogPage(page);
    const name = uniqueName(PREFIX);
    await run.open();
    await run.fill({ Image: 'fixture/busybox', Name: name, Ports: '8080:80\n70000:80', Labels: LABEL });
    await run.run();
    await run.expectFieldError('Ports', 'Line 2: Host port 70000 is out of range (1–65535).');
    await expect(run.dialog.getByText('nothing was sent to the engine')).toBeVisible();
    await expect(run.field('Name')).toHaveValue(name);
    expect(exists(name)).toBe(false);
  });

  test('pasting a docker run line fills the form and lists what it could not carry', async ({ page, berthPage: _ }) => {
    const run = new RunDialogPage(page);
    await run.open();
    await run.pasteCommand(`docker run -d --name web -p 8080:80 --log-driver syslog --frobnicate \\\n  -e "MSG=hi there" -v data:/data --restart unless-stopped fixture/nginx`);
    await expect(run.field('Image')).toHaveValue('fixture/nginx');
    await expect(run.field('Name')).toHaveValue('web');
    await expect(run.field('Ports')).toHaveValue('8080:80');
    await expect(run.field('Environment')).toHaveValue('MSG=hi there');
    await expect(run.field('Volumes')).toHaveValue('data:/data');
    await expect(run.dialog.getByLabel('Restart policy')).toHaveValue('unless-stopped');
    await expect(run.pasteReport).toContainText('--frobnicate');
    await expect(run.pasteReport).toContainText('--log-driver syslog');
    await expect(run.commandLine).toHaveText(`docker run -d --name web -e 'MSG=hi there' -p 8080:80 -v data:/data --restart unless-stopped fixture/nginx`);
  });

  test('a name already in use is refused beside Name, and the dialog stays filled', async ({ page, berthPage: _ }) => {
    const name = uniqueName(PREFIX);
    docker('create', '--label', LABEL, '--name', name, 'fixture/busybox');
    const run = new RunDialogPage(page);
    await run.open();
    await run.fill({ Image: 'fixture/busybox', Name: name, Labels: LABEL, Environment: 'KEEP=me' });
    await run.run();
    await run.expectFieldError('Name', `A container named "${name}" already exists. Choose another name, or remove that container first.`);
    await expect(run.field('Environment')).toHaveValue('KEEP=me');
  });

  test('an image that is not local is pulled with progress, then run', async ({ page, berthPage: _ }) => {
    const image = `${REGISTRY}/berth-run/e2e:pull`;
    docker('tag', 'fixture/busybox', image);
    docker('push', image);
    docker('rmi', image);
    const run = new RunDialogPage(page);
    const name = uniqueName(PREFIX);
    await run.open();
    await run.fill({ Image: image, Name: name, Labels: LABEL, Command: 'sleep 3600' });
    await expect(run.dialog.getByText('Not on this engine: Run pulls it from 127.0.0.1:5001 first')).toBeVisible();
    await run.run();
    await expect(run.dialog).toBeHidden();
    const containers = new ContainersPage(page);
    await containers.filter(name);
    await expect(containers.row(name)).toBeVisible();
    expect(docker('inspect', '-f', '{{.Config.Image}}', name)).toBe(image);
  });

  test('recreate from a row shows old and new image ids; copy as gives the docker run line', async ({ page, berthPage: _ }) => {
    const name = uniqueName(PREFIX);
    const oldId = docker('run', '-d', '--init', '--label', LABEL, '--name', name, '-e', 'KEEP=yes', 'fixture/busybox', 'sleep', '3600');
    const containers = new ContainersPage(page);
    await containers.filter(name);
    await containers.rowMenuAction(name, 'Recreate');
    const recreate = new RecreateDialogPage(page, name);
    await recreate.confirm();
    const imageId = docker('image', 'inspect', '-f', '{{.Id}}', 'fixture/busybox').replace('sha256:', '').slice(0, 12);
    await expect(recreate.imageIds).toContainText(`${imageId}`);
    await expect(recreate.imageIds).toContainText('same image');
    await recreate.dialog.getByRole('button', { name: 'Close' }).first().click();
    const newId = docker('inspect', '-f', '{{.Id}}', name);
    expect(newId).not.toBe(oldId);
    expect(docker('exec', name, 'sh', '-c', 'echo $KEEP')).toBe('yes');

    await containers.rowMenuAction(name, 'Copy as command');
    const copy = page.getByRole('dialog', { name: `Copy ${name} as…` });
    await expect(copy.getByRole('tabpanel', { name: 'docker run command' })).toContainText(`--name ${name}`);
    await expect(copy.getByRole('tabpanel', { name: 'docker run command' })).toContainText('--init');
    await copy.getByRole('tab', { name: 'Compose service' }).click();
    await expect(copy.getByRole('tabpanel', { name: 'Compose service' })).toContainText(`container_name: "${name}"`);
  });
});
