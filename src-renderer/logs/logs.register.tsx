// Plugs logs into the shell: a "Logs" action on every container row and on every compose project's
// group row (all services interleaved), a Logs tab in the container details, and the "logs" workspace view kind (which pop-out windows render too).
import { ScrollText } from 'lucide-react';
import { registerContainerAction, registerDetailsTab, registerProjectAction } from '../panels/containers/extensions';
import { openView, registerViewKind } from '../ui/workspace';
import { LogsView, type LogsViewProps } from './LogsView';
import { containerLogsView, LOGS_VIEW_KIND, projectLogsView } from './logs-views';

registerViewKind<LogsViewProps>(LOGS_VIEW_KIND, ({ view, active }) => <LogsView {...view.props} active={active} />);

registerContainerAction({
  id: 'logs',
  label: 'Logs',
  icon: ScrollText,
  isEnabled: () => true,
  run: (container) => openView(containerLogsView(container)),
});

registerProjectAction({
  id: 'logs',
  label: 'Logs',
  icon: ScrollText,
  describe: (project) => `Show logs of compose project ${project}`,
  run: (project) => openView(projectLogsView(project.engineId, project.name, project.containers)),
});

registerDetailsTab({
  id: 'logs',
  label: 'Logs',
  render: (container) => (
    <LogsView key={`${container.engineId}:${container.id}`} engineId={container.engineId} containers={[{ id: container.id }]} embedded />
  ),
});
