// The panel's toolbar: title and counts, bulk actions on the checked containers (each enabled only when
// it applies to at least one of them), and the filter box. Below it, failures of the last action.
import { CirclePause, CirclePlay, Play, RotateCw, Square, Trash2, TriangleAlert, X, Zap } from 'lucide-react';
import type { ComponentType } from 'react';
import type { ContainerAction, ContainerSummary } from '../../../src-main/shared/dto';
import { RunButton } from '../../run/RunButton';
import { FilterBox } from '../../ui/resource-panel/FilterBox';
import { runContainerAction } from './container-actions';
import { applicableContainers, type PanelAction } from './containers.presentation';
import { useContainersView } from './view-store';

const bulkActions: { action: PanelAction; label: string; Icon: ComponentType; danger?: boolean }[] = [
  { action: 'start', label: 'Start', Icon: Play },
  { action: 'stop', label: 'Stop', Icon: Square },
  { action: 'restart', label: 'Restart', Icon: RotateCw },
  { action: 'pause', label: 'Pause', Icon: CirclePause },
  { action: 'unpause', label: 'Unpause', Icon: CirclePlay },
  { action: 'kill', label: 'Kill', Icon: Zap },
  { action: 'remove', label: 'Remove', Icon: Trash2, danger: true },
];

interface ContainersToolbarProps {
  engineId: string;
  total: number;
  running: number;
  /** Checked containers that the current filter shows: bulk actions apply to these only. */
  selection: readonly ContainerSummary[];
}

function ContainersFilter() {
  const filter = useContainersView((s) => s.filter);
  const setFilter = useContainersView((s) => s.setFilter);
  return (
    <FilterBox
      value={filter}
      onChange={setFilter}
      label="Filter containers"
      placeholder="Filter by name, image, ID, project, state"
      hint="Matches names, images, ID prefixes, compose projects and states."
    />
  );
}

export function ContainersToolbar({ engineId, total, running, selection }: ContainersToolbarProps) {
  const pending = useContainersView((s) => s.pending);
  const alerts = useContainersView((s) => s.alerts);
  const view = useContainersView.getState;

  const act = (action: PanelAction) => {
    const targets = applicableContainers(action, selection).filter((c) => !pending[c.id]);
    if (action === 'remove') view().requestRemove(targets.map((c) => c.id));
    else void runContainerAction(engineId, action as ContainerAction, targets);
  };

  return (
    <>
      <header className="ctr-header">
        <h1 className="panel-title">Containers</h1>
        <span className="ctr-header-counts" aria-label="Container counts">
          <span className="count-pill count-pill-ok">{running} running</span>
          <span className="count-pill">{total} total</span>
        </span>
        <span className="spacer" />
        <ContainersFilter />
        <RunButton engineId={engineId} />
      </header>
      <div className="toolbar ctr-toolbar" role="toolbar" aria-label="Bulk actions">
        {bulkActions.map(({ action, label, Icon, danger }) => {
          const applicable = applicableContainers(action, selection).filter((c) => !pending[c.id]).length;
          return (
            <button
              key={action}
              type="button"
              className={`btn btn-compact${danger ? ' btn-danger-outline' : ''}`}
              title={applicable ? `${label} ${applicable} ${applicable === 1 ? 'container' : 'containers'}` : `${label}: select containers it applies to`}
              disabled={applicable === 0}
              onClick={() => act(action)}
            >
              <Icon />
              {label}
            </button>
          );
        })}
        <span className="spacer" />
        {selection.length > 0 ? (
          <span className="selection-chip">
            {selection.length} selected
            <button type="button" className="icon-btn" aria-label="Clear selection" onClick={() => view().setChecked([])}>
              <X />
            </button>
          </span>
        ) : (
          <span className="selection-hint">Tick containers to act on several at once</span>
        )}
      </div>
      {alerts.length > 0 && (
        <div className="alert alert-error ctr-alert" role="alert">
          <TriangleAlert aria-hidden />
          <div className="ctr-alert-lines">
            {alerts.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </div>
          <button type="button" className="icon-btn" aria-label="Dismiss errors" onClick={() => view().dismissAlerts()}>
            <X />
          </button>
        </div>
      )}
    </>
  );
}
