// Lifecycle actions and removal, as the panel runs them: only on the containers an action applies to,
// with per-row "Stopping…" while the call runs, and every failure reported in words above the list
// (where the user acted). The container list itself updates from engine events, not from here.
import type { BulkResult, ContainerAction, ContainerSummary } from '../../../src-main/shared/dto';
import { client, ClientError } from '../../ipc/client';
import { useBerth } from '../../store';
import {
  applicableContainers,
  describeCallFailure,
  describeFailures,
  describeSuccess,
  type PanelAction,
} from './containers.presentation';
import { useContainersView } from './view-store';

function errorMessage(err: unknown): string {
  return err instanceof ClientError ? err.message : err instanceof Error ? err.message : String(err);
}

async function run(
  action: PanelAction,
  targets: readonly { id: string; name: string }[],
  call: (ids: string[]) => Promise<BulkResult[]>,
): Promise<BulkResult[] | undefined> {
  if (targets.length === 0) return undefined;
  const view = useContainersView.getState();
  const ids = targets.map((t) => t.id);
  // Names are taken now: after a removal the store no longer knows them.
  const names = new Map(targets.map((t) => [t.id, t.name]));
  const nameOf = (id: string) => names.get(id) ?? id.slice(0, 12);
  view.dismissAlerts();
  view.setPending(ids, action);
  try {
    const results = await call(ids);
    const failures = describeFailures(action, results, nameOf);
    if (failures.length) useContainersView.getState().showAlerts(failures);
    const success = describeSuccess(action, results, nameOf);
    if (success) useBerth.getState().pushToast('success', success);
    return results;
  } catch (err) {
    useContainersView.getState().showAlerts([describeCallFailure(action, [...names.values()], errorMessage(err))]);
    return undefined;
  } finally {
    useContainersView.getState().setPending(ids, undefined);
  }
}

/** Runs a lifecycle action on the containers it applies to ("Stop" on a mixed selection stops the running ones). */
export function runContainerAction(engineId: string, action: ContainerAction, containers: readonly ContainerSummary[]) {
  const targets = applicableContainers(action, containers);
  return run(action, targets, (ids) => client.invoke('containers.action', { engineId, ids, action }));
}

export function removeContainers(
  engineId: string,
  targets: readonly { id: string; name: string }[],
  options: { removeVolumes: boolean },
) {
  return run('remove', targets, (ids) =>
    client.invoke('containers.remove', { engineId, ids, force: true, removeVolumes: options.removeVolumes }),
  );
}
