// One row of the virtual list: a container, or a compose project's header. Rows read their handlers from
// the panel's view store and are memoised, so scrolling 1,000+ rows re-renders only rows that change.
import { ChevronDown, ChevronRight, Ellipsis, Layers, Play, Square, Trash2 } from 'lucide-react';
import { memo, type MouseEvent } from 'react';
import type { ContainerSummary } from '../../../src-main/shared/dto';
import { useBerth } from '../../store';
import { MenuButton } from '../../ui/Menu';
import { PortLinks, RelativeTime, StateBadge } from './cells';
import { runContainerAction } from './container-actions';
import { actionApplies, shortId, type ContainerGroup, type PanelAction } from './containers.presentation';
import { useContainerActionExtensions, useProjectActionExtensions, type ComposeProjectRef } from './extensions';
import { useContainersView } from './view-store';

export const rowDomId = (key: string) => `container-row-${key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

interface ContainerRowProps {
  container: ContainerSummary;
  rowIndex: number;
  /** Position in the virtual list, px. */
  offset: number;
  height: number;
  checked: boolean;
  isCursor: boolean;
  isOpen: boolean;
  pending: PanelAction | undefined;
  onCheck: (id: string, shiftKey: boolean) => void;
}

export const ContainerRow = memo(function ContainerRow({
  container: c,
  rowIndex,
  offset,
  height,
  checked,
  isCursor,
  isOpen,
  pending,
  onCheck,
}: ContainerRowProps) {
  const extensions = useContainerActionExtensions();
  const rowActions = extensions.filter((ext) => !ext.inRowMenu);
  const menuActions = extensions.filter((ext) => ext.inRowMenu);
  const stopOrStart = actionApplies('stop', c.state) ? 'stop' : 'start';
  const busy = pending !== undefined;

  const onRowClick = (e: MouseEvent) => {
    if (e.shiftKey) {
      onCheck(c.id, true);
      return;
    }
    useContainersView.getState().openDetails(c.id);
  };
  const stop = (e: MouseEvent) => e.stopPropagation();

  return (
    <div
      role="row"
      id={rowDomId(c.id)}
      aria-rowindex={rowIndex}
      aria-selected={checked}
      aria-label={c.name}
      className="ctr-row"
      data-cursor={isCursor || undefined}
      data-open={isOpen || undefined}
      data-checked={checked || undefined}
      style={{ transform: `translateY(${offset}px)`, height }}
      onClick={onRowClick}
    >
      <div role="gridcell" className="ctr-cell ctr-cell-check" onClick={stop}>
        <input
          type="checkbox"
          aria-label={`Select ${c.name}`}
          checked={checked}
          tabIndex={-1}
          onChange={() => {}}
          onClick={(e) => onCheck(c.id, e.shiftKey)}
        />
      </div>
      <div role="gridcell" className="ctr-cell ctr-cell-name">
        <span className="ctr-name" title={c.name}>
          {c.name}
        </span>
        <span className="ctr-id mono" title={c.id}>
          {shortId(c.id)}
        </span>
      </div>
      <div role="gridcell" className="ctr-cell ctr-cell-image" title={c.image}>
        {c.image}
      </div>
      <div role="gridcell" className="ctr-cell ctr-cell-state">
        <StateBadge container={c} pending={pending} />
      </div>
      <div role="gridcell" className="ctr-cell ctr-cell-ports">
        <PortLinks ports={c.ports} />
      </div>
      <div role="gridcell" className="ctr-cell ctr-cell-created">
        <RelativeTime epochSeconds={c.created} />
      </div>
      <div role="gridcell" className="ctr-cell ctr-cell-actions" onClick={stop}>
        {rowActions.map((ext) => (
          <button
            key={ext.id}
            type="button"
            className="icon-btn"
            tabIndex={-1}
            aria-label={`${ext.label} ${c.name}`}
            title={ext.label}
            disabled={!ext.isEnabled(c)}
            onClick={() => ext.run(c)}
          >
            <ext.icon />
          </button>
        ))}
        <button
          type="button"
          className="icon-btn"
          tabIndex={-1}
          aria-label={`${stopOrStart === 'stop' ? 'Stop' : 'Start'} ${c.name}`}
          title={stopOrStart === 'stop' ? 'Stop' : 'Start'}
          disabled={busy || !actionApplies(stopOrStart, c.state)}
          onClick={() => void runContainerAction(c.engineId, stopOrStart, [c])}
        >
          {stopOrStart === 'stop' ? <Square /> : <Play />}
        </button>
        {menuActions.length > 0 && (
          <MenuButton
            label={`More actions for ${c.name}`}
            trigger={<Ellipsis />}
            className="icon-btn"
            tabIndex={-1}
            items={menuActions.map((ext) => ({
              id: ext.id,
              label: ext.label,
              icon: <ext.icon />,
              disabled: !ext.isEnabled(c),
              onSelect: () => ext.run(c),
            }))}
          />
        )}
        <button
          type="button"
          className="icon-btn icon-btn-danger"
          tabIndex={-1}
          aria-label={`Remove ${c.name}`}
          title="Remove"
          disabled={busy || !actionApplies('remove', c.state)}
          onClick={() => useContainersView.getState().requestRemove([c.id])}
        >
          <Trash2 />
        </button>
      </div>
    </div>
  );
});

interface GroupRowProps {
  group: ContainerGroup;
  groupKey: string;
  rowIndex: number;
  /** Position in the virtual list, px. */
  offset: number;
  height: number;
  collapsed: boolean;
  isCursor: boolean;
  /** How many of the group's containers are checked. */
  checkedCount: number;
  onCheckGroup: (group: ContainerGroup, checked: boolean) => void;
}

export const GroupRow = memo(function GroupRow({
  group,
  groupKey,
  rowIndex,
  offset,
  height,
  collapsed,
  isCursor,
  checkedCount,
  onCheckGroup,
}: GroupRowProps) {
  const projectActions = useProjectActionExtensions();
  const toggle = () => useContainersView.getState().toggleCollapsed(group.key);
  const all = checkedCount === group.containers.length;
  const project = group.project;
  return (
    <div
      role="row"
      id={rowDomId(groupKey)}
      aria-rowindex={rowIndex}
      aria-label={`${group.title}, ${group.containers.length} containers`}
      className="ctr-row ctr-group-row"
      data-cursor={isCursor || undefined}
      style={{ transform: `translateY(${offset}px)`, height }}
      onClick={toggle}
    >
      <div role="gridcell" className="ctr-cell ctr-cell-check" onClick={(e) => e.stopPropagation()}>
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={`Select all in ${group.title}`}
          checked={all}
          ref={(el) => {
            if (el) el.indeterminate = checkedCount > 0 && !all;
          }}
          onChange={() => onCheckGroup(group, !all)}
        />
      </div>
      <div role="gridcell" className="ctr-cell ctr-group-title">
        <button
          type="button"
          className="ctr-group-toggle"
          tabIndex={-1}
          aria-expanded={!collapsed}
          aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${group.title}`}
          onClick={(e) => {
            e.stopPropagation();
            toggle();
          }}
        >
          {collapsed ? <ChevronRight /> : <ChevronDown />}
        </button>
        {group.project && <Layers className="ctr-group-icon" aria-hidden />}
        <span className="ctr-group-name">{group.title}</span>
        <span className="ctr-group-counts">
          {group.containers.length} {group.containers.length === 1 ? 'container' : 'containers'}
          {group.running > 0 && (
            <>
              {' · '}
              <span className="ctr-group-running">{group.running} running</span>
            </>
          )}
        </span>
      </div>
      {project && projectActions.length > 0 && (
        <div role="gridcell" className="ctr-cell ctr-cell-actions ctr-group-actions" onClick={(e) => e.stopPropagation()}>
          {projectActions.map((action) => (
            <button
              key={action.id}
              type="button"
              className="btn btn-ghost btn-compact"
              tabIndex={-1}
              aria-label={action.describe(project)}
              title={action.describe(project)}
              onClick={() => action.run(wholeProject(group, project))}
            >
              <action.icon aria-hidden />
              {action.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
});

/** The project's every container on its engine: a filter narrows the rows shown, not what a project action covers. */
function wholeProject(group: ContainerGroup, project: string): ComposeProjectRef {
  const engineId = group.containers[0].engineId;
  const byId = useBerth.getState().containers[engineId]?.byId ?? {};
  const members = Object.values(byId).filter((c) => c.composeProject === project);
  return { engineId, name: project, containers: members.length ? members : group.containers };
}
