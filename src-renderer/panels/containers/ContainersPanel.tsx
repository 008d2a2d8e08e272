// The Containers panel: every container of the selected engine, grouped by compose project, with a
// filter, sorting, bulk and per-row actions, a remove confirmation, and a resizable details pane.
// Which of those shows depends on the engine's state: only a connected engine with a loaded list gets
// rows — a disconnected one gets an explanation, never stale rows.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ContainerSummary, EngineStatus } from '../../../src-main/shared/dto';
import { useBerth } from '../../store';
import type { EngineContainers } from '../../store/containers-slice';
import { isNumber, readPreference, writePreference } from '../../ui/persisted';
import { ResizeHandle } from '../../ui/ResizeHandle';
import { ContainerList } from './ContainerList';
import { ContainersToolbar } from './ContainersToolbar';
import { filterContainers, flattenGroups, groupContainers, orderedIds } from './containers.presentation';
import { DetailsPane } from './details/DetailsPane';
import { EngineDisconnected, Loading, LoadFailed, NoContainers, NoMatches } from './PanelStates';
import { RemoveDialog } from './RemoveDialog';
import { useContainersView } from './view-store';
import './containers.css';

const EMPTY: Record<string, ContainerSummary> = {};

function useDetailsWidth(): [number, (width: number) => void] {
  const [width, setWidth] = useState(() => readPreference('containers.detailsWidth', 540, isNumber));
  return [
    width,
    (next) => {
      setWidth(next);
      writePreference('containers.detailsWidth', next);
    },
  ];
}

/** What to show instead of the list while the engine or its list is not there; undefined when it is. */
function panelNotReady(engineId: string | undefined, engine: EngineStatus | undefined, entry: EngineContainers | undefined): ReactNode {
  if (!engineId || !engine) return <Loading label="Connecting to Berth…" />;
  if (engine.state === 'disconnected') return <EngineDisconnected engine={engine} />;
  if (engine.state === 'connecting' || !entry || entry.load === 'idle') return <Loading label={`Connecting to ${engine.name}…`} />;
  if (entry.load === 'error') return <LoadFailed engineId={engineId} message={entry.error} />;
  if (entry.load === 'loading') return <Loading label="Loading containers…" />;
  return undefined;
}

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
  const [detailsWidth, setDetailsWidth] = useDetailsWidth();

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

  const notReady = panelNotReady(engineId, engine, entry);
  if (notReady || !engineId) {
    return (
      <section className="ctr-panel" aria-label="Containers panel">
        <header className="ctr-header ctr-header-bare">
          <h1 className="panel-title">Containers</h1>
        </header>
        {notReady}
      </section>
    );
  }

  let body;
  // A typed filter wins over "no containers": the user is looking for something, and on an empty
  // engine the row they wait for appears here as soon as it is created.
  if (items.length === 0 && filter.trim() !== '') body = <NoMatches filter={filter} />;
  else if (all.length === 0) body = <NoContainers />;
  else body = <ContainerList items={items} shownIds={shownIds} />;

  return (
    <section className="ctr-panel" aria-label="Containers panel">
      <ContainersToolbar engineId={engineId} total={all.length} running={running} selection={selection} />
      <div className="ctr-split">
        <div className="ctr-main">{body}</div>
        {detailsId && (
          <>
            <ResizeHandle
              orientation="vertical"
              size={detailsWidth}
              min={340}
              max={Math.max(400, Math.round(window.innerWidth * 0.7))}
              growsTowardsStart
              label="Resize details"
              onResize={setDetailsWidth}
            />
            <div className="ctr-details" style={{ width: detailsWidth }}>
              <DetailsPane key={detailsId} engineId={engineId} id={detailsId} container={byId[detailsId]} />
            </div>
          </>
        )}
      </div>
      {removeIds && <RemoveDialog engineId={engineId} ids={removeIds} />}
    </section>
  );
}
