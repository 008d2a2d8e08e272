// The Containers panel: every container of the selected engine, grouped by compose project, with a
// filter, sorting, bulk and per-row actions, a remove confirmation, and a resizable details pane.
// Which of those shows depends on the engine's state: only a connected engine with a loaded list gets
// rows — a disconnected one gets an explanation, never stale rows.
import { useEffect, useMemo } from 'react';
import type { ContainerSummary } from '../../../src-main/shared/dto';
import { useBerth } from '../../store';
import { loadContainers } from '../../store/sync';
import { resourceNotReady } from '../../ui/resource-panel/readiness';
import { ListWithDetails, NotReadyPanel } from '../../ui/resource-panel/ResourcePanelFrame';
import { ContainerList } from './ContainerList';
import { ContainersToolbar } from './ContainersToolbar';
import { filterContainers, flattenGroups, groupContainers, orderedIds } from './containers.presentation';
import { DetailsPane } from './details/DetailsPane';
import { NoContainerMatches, NoContainers } from './PanelStates';
import { RemoveDialog } from './RemoveDialog';
import { useContainersView } from './view-store';
import './containers.css';

const EMPTY: Record<string, ContainerSummary> = {};

export function ContainersPanel() {
  const engineId = useBerth((s) => s.selectedEngineId);
  const engine = useBerth((s) => (engineId ? s.engines[engineId] : undefined));
  const entry = useBerth((s) => (engineId ? s.containers[engineId] : undefined));
  const byId = entry?.byId ?? EMPTY;

  const filter = useContainersView((s) => s.filter);
  const sort = useContainersView((s) => s.sort);
  const collapsed = useContainersView((s) => s.collapsed);
  const checked = useContainersView((s) => s.checked);
  const detailsId = useContainersView((s) => s.detailsId);
  const removeIds = useContainersView((s) => s.removeIds);

  useEffect(() => useContainersView.getState().resetForEngine(engineId), [engineId]);

  const all = useMemo(() => Object.values(byId), [byId]);
  const running = useMemo(() => all.filter((c) => c.state === 'running').length, [all]);
  const groups = useMemo(() => groupContainers(filterContainers(all, filter), sort), [all, filter, sort]);
  const items = useMemo(() => flattenGroups(groups, collapsed), [groups, collapsed]);
  const shownIds = useMemo(() => orderedIds(groups), [groups]);
  // Bulk actions act on what is checked AND shown: never on rows the filter hides.
  const selection = useMemo(() => shownIds.filter((id) => checked.has(id)).map((id) => byId[id]), [shownIds, checked, byId]);

  // Forget checks of containers that are gone.
  useEffect(() => {
    const view = useContainersView.getState();
    if ([...view.checked].some((id) => !byId[id])) view.setChecked([...view.checked].filter((id) => byId[id]));
  }, [byId]);

  const notReady = resourceNotReady(engine, entry, 'containers', () => engineId && void loadContainers(engineId));
  if (notReady || !engineId) return <NotReadyPanel title="Containers">{notReady}</NotReadyPanel>;

  let body;
  // A typed filter wins over "no containers": the user is looking for something, and on an empty
  // engine the row they wait for appears here as soon as it is created.
  if (items.length === 0 && filter.trim() !== '') body = <NoContainerMatches filter={filter} />;
  else if (all.length === 0) body = <NoContainers />;
  else body = <ContainerList items={items} shownIds={shownIds} />;

  return (
    <section className="ctr-panel" aria-label="Containers panel">
      <ContainersToolbar engineId={engineId} total={all.length} running={running} selection={selection} />
      <ListWithDetails
        widthKey="containers.detailsWidth"
        defaultWidth={540}
        details={detailsId && <DetailsPane key={detailsId} engineId={engineId} id={detailsId} container={byId[detailsId]} />}
      >
        {body}
      </ListWithDetails>
      {removeIds && <RemoveDialog engineId={engineId} ids={removeIds} />}
    </section>
  );
}
