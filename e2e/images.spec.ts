// The Images panel through the headless bridge against the real engine: the list (and its live
// updates from engine events), Run… from a row, Tag… (checked with the CLI), Remove of an image a
// container uses (the engine's refusal in words, Force only past stopped containers), and details.
// Containers and built images carry berth.test=images; tags live under berth-test-img/ and are removed
// by their exact names, so the fixture images are never touched.
import { execFileSync } from 'node:child_process';
import { docker, uniqueName } from './docker-cli';
import { expect, test } from './fixtures';
import { ImagesPage } from './pages/images-page';
import { RunDialogPage } from './pages/run-dialog-page';

const LABEL = 'berth.test=images';
const PREFIX = 'images-e2e';
const REPO = 'berth-test-img';
/** Set by the Dockerfile itself, so even a build cut short (an untagged intermediate image) is found. */
const STAMP_LABEL = 'berth.test.images-stamp';

function tagsOf(reference: string): string[] {
  return JSON.parse(docker('image', 'inspect', '-f', '{{json .RepoTags}}', reference)) as string[];
}

function imageExists(reference: string): boolean {
  try {
    docker('image', 'inspect', '-f', '{{.Id}}', reference);
    return true;
  } catch {
    return false;
  }
}

/** An image of its own (a single tag), so removing that tag would delete it. */
function buildSoloImage(tag: string): void {
  execFileSync('docker', ['build', '-q', '--network', 'none', '--label', LABEL, '-t', tag, '-'], {
    input: `FROM fixture/busybox\nLABEL ${STAMP_LABEL}=${uniqueName('stamp')}\n`,
    env: { ...process.env, DOCKER_BUILDKIT: '0' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

function cleanUp(): void {
  const containers = docker('ps', '-aq', '--filter', `label=${LABEL}`, '--filter', `name=${PREFIX}`).split('\n').filter(Boolean);
  if (containers.length) docker('rm', '-f', ...containers);
  for (const tag of docker('images', '--format', '{{.Repository}}:{{.Tag}}').split('\n')) {
    if (!tag.startsWith(`${REPO}/${PREFIX}`)) continue;
    try {
      docker('rmi', tag); // a tag on a fixture image: only the tag goes
    } catch {
      // gone already
    }
  }
  const built = [LABEL, STAMP_LABEL].flatMap((label) => docker('images', '-q', '--filter', `label=${label}`).split('\n'));
  for (const id of new Set(built.filter(Boolean))) {
    try {
      docker('rmi', '-f', id);
    } catch {
      // gone already
    }
  }
}

test.beforeAll(cleanUp);
test.afterAll(cleanUp);

test.describe('Images panel', () => {
  test('lists fixture/busybox with its tag, id and size', async ({ page, berthPage: _ }) => {
    const images = new ImagesPage(page);
    await images.open();
    await images.filter('fixture/busybox');
    const id = docker('image', 'inspect', '-f', '{{.Id}}', 'fixture/busybox').replace('sha256:', '').slice(0, 12);
    await expect(images.row('fixture/busybox:latest')).toBeVisible();
    await expect(images.cell('fixture/busybox:latest', 'Tag')).toHaveText('latest');
    await expect(images.cell('fixture/busybox:latest', 'Image ID')).toHaveText(id);
    await expect(images.cell('fixture/busybox:latest', 'Size')).toHaveText(/MB$/);
  });

  test('"in use" follows containers being created and removed', async ({ page, berthPage: _ }) => {
    const tag = `${REPO}/${uniqueName(PREFIX)}:used`;
    buildSoloImage(tag);
    const images = new ImagesPage(page);
    await images.open();
    await images.filter(tag);
    await expect(images.cell(tag, 'In use')).toHaveText('—');
    const name = uniqueName(PREFIX);
    docker('create', '--label', LABEL, '--name', name, tag, 'true');
    await expect(images.cell(tag, 'In use')).toHaveText('in use · 1');
    docker('rm', name);
    await expect(images.cell(tag, 'In use')).toHaveText('—');
  });

  test('shows tags made and removed with the CLI at once (engine events, no reload)', async ({ page, berthPage: _ }) => {
    const images = new ImagesPage(page);
    await images.open();
    const tag = `${REPO}/${uniqueName(PREFIX)}:live`;
    await images.filter(REPO);
    docker('tag', 'fixture/busybox', tag);
    await expect(images.row(tag)).toBeVisible();
    docker('rmi', tag);
    await expect(images.row(tag)).toBeHidden();
  });

  test('Run… on a row opens the run dialog with the image filled in', async ({ page, berthPage: _ }) => {
    const images = new ImagesPage(page);
    await images.open();
    await images.filter('fixture/busybox');
    await images.rowAction('fixture/busybox:latest', 'Run');
    const run = new RunDialogPage(page);
    await expect(run.dialog).toBeVisible();
    await expect(run.field('Image')).toHaveValue('fixture/busybox:latest');
  });

  test('Tag… checks the name as it is typed and adds a tag the CLI sees', async ({ page, berthPage: _ }) => {
    const images = new ImagesPage(page);
    await images.open();
    await images.filter('fixture/busybox');
    await images.rowAction('fixture/busybox:latest', 'Tag');
    const field = images.tagDialog.getByLabel('New tag');
    await field.fill('Berth/Upper:1');
    await field.blur();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/must be lowercase/);

    const tag = `${REPO}/${uniqueName(PREFIX)}:v1`;
    await field.fill(tag);
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
    await images.tagDialog.getByRole('button', { name: 'Add tag' }).click();
    await expect(images.tagDialog).toBeHidden();
    expect(tagsOf('fixture/busybox')).toContain(tag);
    await images.filter(tag);
    await expect(images.row(tag)).toBeVisible();
  });

  test('Remove of a tag says only the tag goes, and the image keeps its other names', async ({ page, berthPage: _ }) => {
    const tag = `${REPO}/${uniqueName(PREFIX)}:extra`;
    docker('tag', 'fixture/busybox', tag);
    const images = new ImagesPage(page);
    await images.open();
    await images.filter(tag);
    await images.rowAction(tag, 'Remove');
    await expect(images.removeDialog).toHaveAccessibleName('Remove tag?');
    await expect(images.removeDialog).toContainText('Only the tag goes');
    await expect(images.removeDialog).toContainText('fixture/busybox:latest');
    await images.removeDialog.getByRole('button', { name: 'Remove tag' }).click();
    await expect(images.removeDialog).toBeHidden();
    await expect(images.row(tag)).toBeHidden();
    expect(imageExists(tag)).toBe(false);
    expect(tagsOf('fixture/busybox')).toContain('fixture/busybox:latest');
  });

  test('Remove of an image a running container uses shows the engine refusal, without Force', async ({ page, berthPage: _ }) => {
    const tag = `${REPO}/${uniqueName(PREFIX)}:solo`;
    buildSoloImage(tag);
    const name = uniqueName(PREFIX);
    docker('run', '-d', '--label', LABEL, '--name', name, tag, 'sh', '-c', 'trap "exit 0" TERM; sleep 3600 & wait');
    const images = new ImagesPage(page);
    const dialog = await images.removeImageInUse(tag);
    await expect(dialog).toHaveAccessibleName('Remove image?');
    await expect(dialog.getByRole('list', { name: 'Containers using the image' })).toContainText(`${name} (running)`);
    await dialog.getByRole('button', { name: 'Remove image' }).click();
    await expect(dialog.getByRole('alert')).toContainText(`${tag} is used by container ${name} (running)`);
    await expect(dialog.getByRole('alert')).toContainText('The engine refuses to remove an image a container uses');
    await expect(dialog.getByRole('button', { name: 'Force remove' })).toHaveCount(0);
    expect(imageExists(tag)).toBe(true);
  });

  test('Remove of an image only a stopped container uses can be forced; the container stays', async ({ page, berthPage: _ }) => {
    const tag = `${REPO}/${uniqueName(PREFIX)}:stopped`;
    buildSoloImage(tag);
    const name = uniqueName(PREFIX);
    docker('create', '--label', LABEL, '--name', name, tag, 'true');
    const images = new ImagesPage(page);
    const dialog = await images.removeImageInUse(tag);
    await dialog.getByRole('button', { name: 'Remove image' }).click();
    await expect(dialog.getByRole('alert')).toContainText(`used by container ${name} (stopped)`);
    await expect(dialog.getByRole('note', { name: 'About force' })).toContainText('can still start');
    await dialog.getByRole('button', { name: 'Force remove' }).click();
    await expect(dialog).toBeHidden();
    await expect(images.row(tag)).toBeHidden();
    expect(imageExists(tag)).toBe(false);
    expect(docker('inspect', '-f', '{{.State.Status}}', name)).toBe('created');
  });

  test('Inspect shows the configuration and the layer history', async ({ page, berthPage: _ }) => {
    const images = new ImagesPage(page);
    await images.open();
    await images.filter('fixture/busybox');
    await images.rowAction('fixture/busybox:latest', 'Inspect');
    const pane = images.details('fixture/busybox:latest');
    await expect(pane).toBeVisible();
    await expect(pane.getByRole('tabpanel')).toContainText('["sh"]');
    await expect(pane.getByRole('region', { name: 'Labels' })).toContainText('fixture.engine-scripts');
    await pane.getByRole('tab', { name: 'History' }).click();
    await expect(pane.getByRole('table', { name: 'Layers' })).toContainText('CMD ["sh"]');
    await pane.getByRole('tab', { name: 'Inspect' }).click();
    await expect(pane.getByLabel('Inspect JSON', { exact: true })).toContainText('"RepoTags"');
  });
});
