import { describe, expect, it } from 'vitest';
import type { ImageSummary } from '../../../src-main/shared/contract/images';
import type { ContainerSummary } from '../../../src-main/shared/dto';
import {
  DEFAULT_IMAGE_SORT,
  formatSize,
  imageRows,
  matchesImageFilter,
  nextImageSort,
  removalPlan,
  shortImageId,
  splitRepoTag,
  usageByImage,
  usageLabel,
  visibleImageRows,
} from './images.presentation';

const hex = (c: string) => `sha256:${c.repeat(64)}`;

function image(id: string, repoTags: string[], extra: Partial<ImageSummary> = {}): ImageSummary {
  return { engineId: 'local', id, repoTags, repoDigests: [], size: 2_000_000, created: 1_700_000_000, labels: {}, ...extra };
}

function container(name: string, imageId: string, state: ContainerSummary['state']): ContainerSummary {
  return {
    engineId: 'local', id: `${name}-id`, name, image: 'x', imageId, command: '', state, status: '', created: 0,
    ports: [], labels: {}, networks: [], mounts: [],
  };
}

const busybox = image(hex('a'), ['fixture/busybox:latest', '127.0.0.1:5001/busybox:latest']);
const redis = image(hex('b'), ['fixture/redis:latest'], { size: 134_105_966, created: 1_700_000_500 });
const dangling = image(hex('c'), [], { size: 500 });
const users = [container('web-1', hex('b'), 'running'), container('old', hex('b'), 'exited'), container('job', hex('c'), 'created')];
const usage = usageByImage(users);
const rows = imageRows([busybox, redis, dangling], usage);
const row = (reference: string) => rows.find((r) => r.reference === reference)!;

describe('image rows', () => {
  it('makes one row per tag and one <none> row for a dangling image', () => {
    expect(rows.map((r) => [r.repository, r.tag])).toEqual([
      ['fixture/busybox', 'latest'],
      ['127.0.0.1:5001/busybox', 'latest'],
      ['fixture/redis', 'latest'],
      ['<none>', '<none>'],
    ]);
    expect(row(hex('c')).dangling).toBe(true);
  });

  it('shows the repository of an untagged image pulled by digest', () => {
    const [only] = imageRows([image(hex('d'), [], { repoDigests: [`127.0.0.1:5001/app@${hex('e')}`] })], new Map());
    expect(only.repository).toBe('127.0.0.1:5001/app');
    expect(only.tag).toBe('<none>');
  });

  it('counts the containers using each image, running ones too', () => {
    expect(row('fixture/redis:latest').usage.containers.map((c) => c.name)).toEqual(['web-1', 'old']);
    expect(usageLabel(row('fixture/redis:latest').usage)).toBe('2 containers, 1 running');
    expect(usageLabel(row(hex('c')).usage)).toBe('1 container');
    expect(usageLabel(row('fixture/busybox:latest').usage)).toBe('unused');
  });
});

describe('small formats', () => {
  it('splits repo and tag without taking a registry port for a tag', () => {
    expect(splitRepoTag('127.0.0.1:5001/busybox:1.0')).toEqual(['127.0.0.1:5001/busybox', '1.0']);
    expect(splitRepoTag('127.0.0.1:5001/busybox')).toEqual(['127.0.0.1:5001/busybox', 'latest']);
  });

  it('prints sizes in decimal units like docker', () => {
    expect(formatSize(1_990_000)).toBe('1.99 MB');
    expect(formatSize(138_506_238)).toBe('139 MB');
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(12_345_678_901)).toBe('12.3 GB');
  });

  it('shortens ids', () => {
    expect(shortImageId(hex('a'))).toBe('aaaaaaaaaaaa');
  });
});

describe('filter and sort', () => {
  it('matches repository, tag, id prefix and state words', () => {
    expect(matchesImageFilter(row('fixture/redis:latest'), 'redis')).toBe(true);
    expect(matchesImageFilter(row('fixture/redis:latest'), 'bbbb')).toBe(true);
    expect(matchesImageFilter(row('fixture/redis:latest'), 'in-use')).toBe(true);
    expect(matchesImageFilter(row('fixture/busybox:latest'), 'unused 5001')).toBe(false);
    expect(matchesImageFilter(row('127.0.0.1:5001/busybox:latest'), 'unused 5001')).toBe(true);
    expect(matchesImageFilter(row(hex('c')), 'dangling')).toBe(true);
  });

  it('sorts by repository with dangling rows last, and by size largest first', () => {
    expect(visibleImageRows(rows, '', DEFAULT_IMAGE_SORT).map((r) => r.repository)).toEqual([
      '127.0.0.1:5001/busybox',
      'fixture/busybox',
      'fixture/redis',
      '<none>',
    ]);
    const bySize = nextImageSort(DEFAULT_IMAGE_SORT, 'size');
    expect(bySize).toEqual({ key: 'size', direction: 'desc' });
    expect(visibleImageRows(rows, '', bySize)[0].reference).toBe('fixture/redis:latest');
    expect(nextImageSort(bySize, 'size').direction).toBe('asc');
  });
});

describe('removal plan', () => {
  it('only untags when the image keeps other tags, even if containers use it', () => {
    const plan = removalPlan(row('fixture/busybox:latest'));
    expect(plan).toMatchObject({ reference: 'fixture/busybox:latest', tag: 'fixture/busybox:latest', deletesImage: false });
    expect(plan.otherTags).toEqual(['127.0.0.1:5001/busybox:latest']);
    expect(plan.blockedBy).toBeUndefined();
  });

  it('deletes the image with its last tag, and is blocked by a running user (not forceable)', () => {
    const plan = removalPlan(row('fixture/redis:latest'));
    expect(plan.deletesImage).toBe(true);
    expect(plan.blockedBy).toBe('running');
  });

  it('removes a dangling image by id; stopped users can be forced past', () => {
    const plan = removalPlan(row(hex('c')));
    expect(plan).toMatchObject({ reference: hex('c'), deletesImage: true, blockedBy: 'stopped' });
    expect(plan.tag).toBeUndefined();
  });
});
