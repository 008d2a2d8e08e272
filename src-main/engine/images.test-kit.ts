// Helpers for the Images tests against the real engine (never imported by app code). Containers and
// built images carry the label berth.test=images; tags are made under berth-test-img/ and removed by
// their exact name, so the fixture images themselves are never touched.
import { execFileSync } from 'node:child_process';

export const IMAGES_TEST_LABEL = 'berth.test=images';
/** The engine these tests use: the one the docker CLI points at (DOCKER_HOST), else the main socket. */
export const TEST_HOST = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
export const TEST_REPO = 'berth-test-img';
/** Set by the Dockerfile itself, so even a build cut short (an untagged intermediate image) is found. */
const STAMP_LABEL = 'berth.test.images-stamp';

export function docker(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }).trim();
}

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * An image of its own (one tag, a new id; no new layers), FROM fixture/busybox, labelled for cleanup.
 * Extra Dockerfile lines give it a known configuration.
 */
export function buildSoloImage(tag: string, extraLines: string[] = []): string {
  execFileSync('docker', ['build', '-q', '--network', 'none', '--label', IMAGES_TEST_LABEL, '-t', tag, '-'], {
    input: ['FROM fixture/busybox', `LABEL ${STAMP_LABEL}=${uniqueSuffix()}`, ...extraLines, ''].join('\n'),
    env: { ...process.env, DOCKER_BUILDKIT: '0' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return docker('image', 'inspect', '-f', '{{.Id}}', tag);
}

export function tagsOf(reference: string): string[] {
  return JSON.parse(docker('image', 'inspect', '-f', '{{json .RepoTags}}', reference)) as string[];
}

export function imageExists(reference: string): boolean {
  try {
    docker('image', 'inspect', '-f', '{{.Id}}', reference);
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes the test containers, then the tags the tests made under berth-test-img/ (by exact name:
 * on a fixture image that only untags), then images built by the tests (by their labels).
 */
export function removeImagesTestObjects(): void {
  const containers = docker('ps', '-aq', '--filter', `label=${IMAGES_TEST_LABEL}`).split('\n').filter(Boolean);
  if (containers.length) docker('rm', '-f', ...containers);
  const tags = docker('images', '--format', '{{.Repository}}:{{.Tag}}')
    .split('\n')
    .filter((tag) => tag.startsWith(`${TEST_REPO}/`));
  for (const tag of tags) {
    try {
      docker('rmi', tag);
    } catch {
      // already gone
    }
  }
  const built = [IMAGES_TEST_LABEL, STAMP_LABEL].flatMap((label) => docker('images', '-q', '--filter', `label=${label}`).split('\n'));
  for (const id of new Set(built.filter(Boolean))) {
    try {
      docker('rmi', '-f', id);
    } catch {
      // already gone
    }
  }
}
