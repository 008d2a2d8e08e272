// The right-hand details pane of one container: a header with its state and actions, then tabs
// (Inspect, Environment, Mounts, Ports, Labels, Networks, Processes, and any registered by other
// features). Mounted with key={id}, so switching containers starts fresh.
import { ChevronDown, CirclePause, CirclePlay, Play, RotateCw, Square, Trash2, TriangleAlert, X } from 'lucide-react';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ContainerAction, ContainerSummary } from '../../../../src-main/shared/dto';
import { MenuButton } from '../../../ui/Menu';
import { DetailsGone } from '../../../ui/resource-panel/DetailsGone';
import { StateBadge, RelativeTime } from '../cells';
import { runContainerAction } from '../container-actions';
import { actionApplies, shortId } from '../containers.presentation';
import { useContainerActionExtensions, useDetailsTabExtensions } from '../extensions';
import { useContainersView } from '../view-store';
import { InspectTab } from './InspectTab';
import { EnvironmentTab, LabelsTab, MountsTab, NetworksTab, PortsTab } from './InfoTabs';
import { ProcessesTab } from './ProcessesTab';
import { useContainerDetails, type DetailsState } from './useContainerDetails';

const builtInTabs = ['Inspect', 'Environment', 'Mounts', 'Ports', 'Labels', 'Networks', 'Processes'] as const;

interface DetailsPaneProps {
  engineId: string;
  id: string;
  /** The live summary from the store; undefined once the container is gone. */
  container: ContainerSummary | undefined;
}

function HeaderActions({ container }: { container: ContainerSummary }) {
  const pending = useContainersView((s) => s.pending[container.id]);
  const extensions = useContainerActionExtensions();
  const lifecycle: { action: ContainerAction; label: string; icon: ReactNode }[] = [
    actionApplies('stop', container.state)
      ? { action: 'stop', label: 'Stop', icon: <Square /> }
      : { action: 'start', label: 'Start', icon: <Play /> },
    { action: 'restart', label: 'Restart', icon: <RotateCw /> },
    container.state === 'paused'
      ? { action: 'unpause', label: 'Unpause', icon: <CirclePlay /> }
      : { action: 'pause', label: 'Pause', icon: <CirclePause /> },
  ];
  return (
    <div className="details-actions" role="toolbar" aria-label={`Actions for ${container.name}`}>
      {lifecycle.map(({ action, label, icon }) => (
        <button
          key={action}
          type="button"
          className="btn btn-compact"
          disabled={!!pending || !actionApplies(action, container.state)}
          onClick={() => void runContainerAction(container.engineId, action, [container])}
        >
          {icon}
          {label}
        </button>
      ))}
      {extensions.length > 0 && (
        // Other features' actions (logs, terminal, recreate…) share one menu: the pane's tabs already
        // reach the most used ones, and the header stays on one line.
        <MenuButton
          label={`More actions for ${container.name}`}
          trigger={
            <>
              More
              <ChevronDown />
            </>
          }
          align="start"
          items={extensions.map((ext) => ({
            id: ext.id,
            label: ext.label,
            icon: <ext.icon />,
            disabled: !ext.isEnabled(container),
            onSelect: () => ext.run(container),
          }))}
        />
      )}
      <span className="spacer" />
      <button
        type="button"
        className="icon-btn icon-btn-danger"
        aria-label={`Remove ${container.name}`}
        title="Remove"
        disabled={!!pending}
        onClick={() => useContainersView.getState().requestRemove([container.id])}
      >
        <Trash2 />
      </button>
    </div>
  );
}

function TabContent({ tab, state, container }: { tab: string; state: DetailsState; container: ContainerSummary }) {
  const extensionTabs = useDetailsTabExtensions();
  const extension = extensionTabs.find((t) => t.id === tab);
  if (extension) return <>{extension.render(container)}</>;
  if (tab === 'Processes') return <ProcessesTab container={container} />;
  const details = state.details;
  if (!details) {
    if (state.status === 'error') return null; // the error alert above says it
    return (
      <div className="details-loading" role="status">
        <span className="spinner" aria-hidden /> Loading details…
      </div>
    );
  }
  switch (tab) {
    case 'Environment':
      return <EnvironmentTab details={details} />;
    case 'Mounts':
      return <MountsTab details={details} />;
    case 'Ports':
      return <PortsTab details={details} />;
    case 'Labels':
      return <LabelsTab details={details} />;
    case 'Networks':
      return <NetworksTab details={details} />;
    default:
      return <InspectTab raw={details.raw} name={container.name} />;
  }
}

export function DetailsPane({ engineId, id, container }: DetailsPaneProps) {
  const { state, reload } = useContainerDetails(engineId, id, container);
  const extensionTabs = useDetailsTabExtensions();
  const [tab, setTab] = useState<string>('Inspect');
  const close = () => useContainersView.getState().closeDetails();
  const tabs = [...builtInTabs.map((label) => ({ id: label, label })), ...extensionTabs.map((t) => ({ id: t.id, label: t.label }))];
  const activeTab = tabs.some((t) => t.id === tab) ? tab : 'Inspect';

  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const index = tabs.findIndex((t) => t.id === activeTab);
    const next = tabs[(index + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    setTab(next.id);
    document.getElementById(`details-tab-${next.id}`)?.focus();
  };

  if (!container || state.status === 'gone') return <DetailsGone noun="Container" onClose={close} />;

  return (
    <aside className="details-pane" aria-label={`Details of ${container.name}`} onKeyDown={(e) => e.key === 'Escape' && close()}>
      <div className="details-header">
        <div className="details-heading">
          <h2 className="details-title" title={container.name}>
            {container.name}
          </h2>
          <StateBadge container={container} />
        </div>
        <button type="button" className="icon-btn" aria-label="Close details" onClick={close}>
          <X />
        </button>
      </div>
      <div className="details-meta">
        <span className="mono" title={container.id}>
          {shortId(container.id)}
        </span>
        <span className="details-meta-sep">·</span>
        <span title={container.image}>{container.image}</span>
        <span className="details-meta-sep">·</span>
        <span>
          created <RelativeTime epochSeconds={container.created} />
        </span>
        {state.status === 'ready' && state.refreshing && <span className="spinner spinner-xs" aria-label="Refreshing" />}
      </div>
      <HeaderActions container={container} />
      {state.status === 'error' && (
        <div className="alert alert-error details-alert" role="alert">
          <TriangleAlert aria-hidden />
          <span>Could not load details: {state.message}</span>
          <button type="button" className="btn btn-compact" onClick={() => void reload()}>
            Try again
          </button>
        </div>
      )}
      <div className="tabs details-tabs" role="tablist" aria-label="Details" onKeyDown={onTabKey}>
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`details-tab-${t.id}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={t.id === activeTab}
            aria-controls="details-tabpanel"
            tabIndex={t.id === activeTab ? 0 : -1}
            onClick={(e) => {
              setTab(t.id);
              e.currentTarget.scrollIntoView({ block: 'nearest', inline: 'nearest' });
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id="details-tabpanel" role="tabpanel" aria-labelledby={`details-tab-${activeTab}`} className="details-tabpanel">
        <TabContent tab={activeTab} state={state} container={container} />
      </div>
    </aside>
  );
}
