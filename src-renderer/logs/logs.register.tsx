// Plugs logs into the shell: a "Logs" action on every container row, a Logs tab in the container
// details, and the "logs" workspace view kind (which pop-out windows render too).
import { ScrollText } from 'lucide-react';
import { registerContainerAction, registerDetailsTab } from '../panels/containers/extensions';
import { openView, registerViewKind } from '../ui/workspace';
import { LogsView, type LogsViewProps } from './LogsView';
import { containerLogsView, LOGS_VIEW_KIND } from './logs-views';

registerViewKind<LogsViewProps>(LOGS_VIEW_KIND, ({ view, active }) => <LogsView {...view.props} active={active} />);

registerContainerAction({
  id: 'logs',
  label: 'Logs',
  icon: ScrollText,
  isEnabled: () => true,
  run: (container) => openView(containerLogsView(container)),
});

registerDetailsTab({
  id: 'logs',
  label: 'Logs',
  render: (container) => (
    <LogsView key={`${container.engineId}:${container.id}`} engineId={container.engineId} containers={[{ id: container.id }]} embedded />
  ),
});
