import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../src-main/shared/dto';
import { ariaSort } from '../../ui/resource-panel/SortableHeader';
import {
  actionApplies,
  applicableContainers,
  describeFailures,
  describeSuccess,
  filterContainers,
  flattenGroups,
  formatRelativeTime,
  groupContainers,
  nextSort,
  orderedIds,
  portLinks,
  rangeBetween,
  sortContainers,
  stateLabel,
  stateTone,
  STANDALONE_GROUP,
} from './containers.presentation';

function container(name: string, extra: Partial<ContainerSummary> = {}): ContainerSummary {
  return {
    engineId: 'local',
    id: `${name.replace(/[^a-z0-9]/g, '')}0123456789abcdef`.padEnd(64, '0'),
    name,
    image: 'fixture/busybox',
    imageId: 'sha256:1',
    command: 'sleep 3600',
    state: 'running',
    status: 'Up 1 minute',
    created: 1_700_000_000,
    ports: [],
    labels: {},
    networks: ['bridge'],
    mounts: [],
    ...extra,
  };
}

const web = container('shop-web-1', { composeProject: 'shop', composeService: 'web', image: 'fixture/nginx' });
const db = container('shop-db-1', { composeProject: 'shop', composeService: 'db', image: 'fixture/redis', state: 'exited', exitCode: 0 });
const api = container('blog-api-1', { composeProject: 'blog', image: 'fixture/logger', state: 'paused' });
const lone = container('lonely', { state: 'exited', exitCode: 137, created: 1_700_000_500, id: 'abc123'.padEnd(64, 'f') });
const all = [web, db, api, lone];
const byName = { key: 'name', direction: 'asc' } as const;

describe('filter', () => {
  it('keeps everything for an empty query', () => {
    expect(filterContainers(all, '   ')).toHaveLength(4);
  });
  it('matches name, image, project, state and id prefix, case-insensitively', () => {
    expect(filterContainers(all, 'WEB').map((c) => c.name)).toEqual(['shop-web-1']);
    expect(filterContainers(all, 'redis').map((c) => c.name)).toEqual(['shop-db-1']);
    expect(filterContainers(all, 'blog').map((c) => c.name)).toEqual(['blog-api-1']);
    expect(filterContainers(all, 'paused').map((c) => c.name)).toEqual(['blog-api-1']);
    expect(filterContainers(all, 'abc1').map((c) => c.name)).toEqual(['lonely']);
  });
  it('does not match an id in the middle', () => {
    expect(filterContainers(all, 'c123')).toHaveLength(0);
  });
  it('requires every term to match', () => {
    expect(filterContainers(all, 'shop exited').map((c) => c.name)).toEqual(['shop-db-1']);
    expect(filterContainers(all, 'shop paused')).toEqual([]);
  });
});

describe('sort', () => {
  it('sorts by name with numbers in natural order', () => {
    const list = [container('web-10'), container('web-2'), container('web-1')];
    expect(sortContainers(list, byName).map((c) => c.name)).toEqual(['web-1', 'web-2', 'web-10']);
  });
  it('sorts by state with running first, descending reverses', () => {
    expect(sortContainers(all, { key: 'state', direction: 'asc' }).map((c) => c.state)).toEqual(['running', 'paused', 'exited', 'exited']);
    expect(sortContainers(all, { key: 'state', direction: 'desc' })[0].state).toBe('exited');
  });
  it('puts containers without published ports last, whichever direction', () => {
    const a = container('a', { ports: [{ containerPort: 80, hostPort: 8080, hostIp: '0.0.0.0', protocol: 'tcp' }] });
    const b = container('b', { ports: [{ containerPort: 80, hostPort: 3000, hostIp: '0.0.0.0', protocol: 'tcp' }] });
    const c = container('c');
    expect(sortContainers([c, a, b], { key: 'ports', direction: 'asc' }).map((x) => x.name)).toEqual(['b', 'a', 'c']);
    expect(sortContainers([c, a, b], { key: 'ports', direction: 'desc' }).map((x) => x.name)).toEqual(['a', 'b', 'c']);
  });
  it('flips direction on the same column and starts created newest-first', () => {
    expect(nextSort(byName, 'name')).toEqual({ key: 'name', direction: 'desc' });
    expect(nextSort(byName, 'created')).toEqual({ key: 'created', direction: 'desc' });
    expect(nextSort(byName, 'image')).toEqual({ key: 'image', direction: 'asc' });
    expect(ariaSort(byName, 'name')).toBe('ascending');
    expect(ariaSort(byName, 'image')).toBe('none');
  });
});

describe('groups', () => {
  it('groups by compose project, projects alphabetical, standalone last', () => {
    const groups = groupContainers(all, byName);
    expect(groups.map((g) => g.title)).toEqual(['blog', 'shop', 'Standalone containers']);
    expect(groups[1].containers.map((c) => c.name)).toEqual(['shop-db-1', 'shop-web-1']);
    expect(groups[1].running).toBe(1);
    expect(groups[2].key).toBe(STANDALONE_GROUP);
  });
  it('flattens with headers and hides the rows of collapsed groups', () => {
    const groups = groupContainers(all, byName);
    const items = flattenGroups(groups, new Set(['project:shop']));
    expect(items.map((i) => (i.kind === 'group' ? `[${i.group.title}${i.collapsed ? ' +' : ''}]` : i.container.name))).toEqual([
      '[blog]',
      'blog-api-1',
      '[shop +]',
      '[Standalone containers]',
      'lonely',
    ]);
  });
  it('has no header when nothing belongs to a project', () => {
    const items = flattenGroups(groupContainers([lone, container('x')], byName), new Set([STANDALONE_GROUP]));
    expect(items.map((i) => i.kind)).toEqual(['container', 'container']);
  });
  it('orders ids for ranges including collapsed groups', () => {
    const ids = orderedIds(groupContainers(all, byName));
    expect(ids).toEqual([api.id, db.id, web.id, lone.id]);
    expect(rangeBetween(ids, web.id, api.id)).toEqual([api.id, db.id, web.id]);
    expect(rangeBetween(ids, undefined, db.id)).toEqual([db.id]);
    expect(rangeBetween(ids, 'gone', db.id)).toEqual([db.id]);
  });
});

describe('state and ports', () => {
  it('labels states with exit codes', () => {
    expect(stateLabel(lone)).toBe('Exited (137)');
    expect(stateLabel(web)).toBe('Running');
    expect(stateLabel({ state: 'exited' })).toBe('Exited');
    expect(stateTone(lone)).toBe('danger');
    expect(stateTone(db)).toBe('neutral');
    expect(stateTone({ state: 'running', health: 'unhealthy' })).toBe('danger');
    expect(stateTone(api)).toBe('warn');
  });
  it('links published TCP ports to localhost and leaves UDP and exposed-only ports unlinked', () => {
    const links = portLinks([
      { containerPort: 80, hostPort: 8080, hostIp: '0.0.0.0', protocol: 'tcp' },
      { containerPort: 443, hostPort: 8443, hostIp: '127.0.0.1', protocol: 'tcp' },
      { containerPort: 53, hostPort: 5353, hostIp: '0.0.0.0', protocol: 'udp' },
      { containerPort: 9000, protocol: 'tcp' },
      { containerPort: 81, hostPort: 8081, hostIp: '192.168.1.5', protocol: 'tcp' },
    ]);
    expect(links.map((l) => [l.text, l.href])).toEqual([
      ['8080:80', 'http://localhost:8080'],
      ['8443:443', 'http://localhost:8443'],
      ['5353:53/udp', undefined],
      ['8081:81', 'http://192.168.1.5:8081'],
    ]);
  });
});

describe('relative time', () => {
  const now = 1_700_000_000_000;
  it.each([
    [now / 1000 - 3, 'just now'],
    [now / 1000 - 42, '42 s ago'],
    [now / 1000 - 5 * 60, '5 min ago'],
    [now / 1000 - 3 * 3600, '3 h ago'],
    [now / 1000 - 26 * 3600, 'yesterday'],
    [now / 1000 - 5 * 86400, '5 days ago'],
    [now / 1000 + 30, 'just now'],
  ])('%s → %s', (created, text) => {
    expect(formatRelativeTime(created, now)).toBe(text);
  });
  it('falls back to a date after a month', () => {
    expect(formatRelativeTime(now / 1000 - 90 * 86400, now)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('actions', () => {
  it('knows which actions apply to which states', () => {
    expect(actionApplies('start', 'exited')).toBe(true);
    expect(actionApplies('start', 'running')).toBe(false);
    expect(actionApplies('stop', 'paused')).toBe(true);
    expect(actionApplies('unpause', 'running')).toBe(false);
    expect(actionApplies('remove', 'exited')).toBe(true);
    expect(applicableContainers('stop', all).map((c) => c.name)).toEqual(['shop-web-1', 'blog-api-1']);
  });
  it('describes failures and successes in words', () => {
    const names: Record<string, string> = { a: 'web', b: 'db' };
    const results = [
      { id: 'a', ok: false, error: { code: 'not_found', message: 'No such container: web' } },
      { id: 'b', ok: true },
    ];
    expect(describeFailures('stop', results, (id) => names[id])).toEqual(['Could not stop web: No such container: web']);
    expect(describeSuccess('stop', results, (id) => names[id])).toBe('Stopped db');
    expect(describeSuccess('remove', [{ id: 'a', ok: true }, { id: 'b', ok: true }], (id) => names[id])).toBe('Removed 2 containers');
    expect(describeSuccess('stop', [results[0]], (id) => names[id])).toBeUndefined();
  });
});
