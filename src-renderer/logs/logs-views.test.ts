import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../src-main/shared/dto';
import { composeLabels, projectLogsView } from './logs-views';

function member(name: string, service?: string, number?: string): ContainerSummary {
  return {
    engineId: 'local', id: `id-${name}`, name, image: 'fixture/logger', imageId: 'sha', command: '', state: 'running', status: 'Up',
    created: 0, ports: [], networks: [], mounts: [],
    labels: number ? { 'com.docker.compose.container-number': number } : {},
    ...(service ? { composeProject: 'shop', composeService: service } : {}),
  };
}

describe('compose log labels', () => {
  it('uses the service, numbered when the service is scaled', () => {
    expect(composeLabels([member('shop-web-1', 'web', '1'), member('shop-worker-1', 'worker', '1'), member('shop-worker-2', 'worker', '2')])).toEqual([
      'web',
      'worker-1',
      'worker-2',
    ]);
    expect(composeLabels([member('solo')])).toEqual(['solo']);
  });

  it('makes one view per project, its containers in name order', () => {
    const view = projectLogsView('local', 'shop', [member('shop-worker-1', 'worker', '1'), member('shop-cache-1', 'cache', '1')]);
    expect(view.id).toBe('logs:local:project:shop');
    expect(view.props.containers).toEqual([
      { id: 'id-shop-cache-1', label: 'cache' },
      { id: 'id-shop-worker-1', label: 'worker' },
    ]);
  });
});
