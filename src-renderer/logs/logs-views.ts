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

/** What prefixes a compose container's lines: its service, numbered when the service is scaled. */
export function composeLabels(members: ContainerSummary[]): string[] {
  const perService = new Map<string, number>();
  for (const c of members) if (c.composeService) perService.set(c.composeService, (perService.get(c.composeService) ?? 0) + 1);
  return members.map((c) => {
    if (!c.composeService) return c.name;
    if ((perService.get(c.composeService) ?? 0) < 2) return c.composeService;
    const number = c.labels['com.docker.compose.container-number'];
    return number ? `${c.composeService}-${number}` : c.name;
  });
}

/** Every service of a compose project, interleaved by time, each line prefixed by its service. */
export function projectLogsView(engineId: string, project: string, members: ContainerSummary[]): WorkspaceView<LogsViewProps> {
  const sorted = [...members].sort((a, b) => a.name.localeCompare(b.name));
  const labels = composeLabels(sorted);
  return {
    id: `logs:${engineId}:project:${project}`,
    title: `Logs · ${project} (all services)`,
    kind: LOGS_VIEW_KIND,
    props: { engineId, containers: sorted.map((c, i) => ({ id: c.id, label: labels[i] })) },
  };
}
