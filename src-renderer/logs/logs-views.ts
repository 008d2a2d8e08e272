// The workspace views that show logs: one container's, or a compose project's services together.
import type { ContainerSummary } from '../../src-main/shared/dto';
import type { WorkspaceView } from '../ui/workspace';
import type { LogsViewProps } from './LogsView';

export const LOGS_VIEW_KIND = 'logs';

export function logsViewFor(engineId: string, containers: LogsViewProps['containers'], name: string): WorkspaceView<LogsViewProps> {
  return {
    id: `logs:${engineId}:${containers.map((c) => c.id).join(',')}`,
    title: `Logs · ${name}`,
    kind: LOGS_VIEW_KIND,
    props: { engineId, containers },
  };
}

export function containerLogsView(container: ContainerSummary): WorkspaceView<LogsViewProps> {
  return logsViewFor(container.engineId, [{ id: container.id }], container.name);
}

/** Every service of a compose project, interleaved by time, each line prefixed by its service. */
export function projectLogsView(engineId: string, project: string, members: ContainerSummary[]): WorkspaceView<LogsViewProps> {
  const sorted = [...members].sort((a, b) => (a.composeService ?? a.name).localeCompare(b.composeService ?? b.name));
  return {
    id: `logs:${engineId}:project:${project}`,
    title: `Logs · ${project} (all services)`,
    kind: LOGS_VIEW_KIND,
    props: { engineId, containers: sorted.map((c) => ({ id: c.id, label: c.composeService ?? c.name })) },
  };
}
