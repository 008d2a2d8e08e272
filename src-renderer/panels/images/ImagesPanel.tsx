// The Images panel: every local image of the selected engine, one row per tag, kept live from engine
// events; filter, sort, row actions (Run…, Tag…, Inspect, Remove) and a resizable details pane. Like
// the Containers panel, a disconnected engine gets an explanation, never stale rows.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { EngineStatus } from '../../../src-main/shared/dto';
import { useBerth } from '../../store';
import type { EngineImages } from '../../store/images-slice';
import { isNumber, readPreference, writePreference } from '../../ui/persisted';
import { ResizeHandle } from '../../ui/ResizeHandle';
import { ImageDetailsPane } from './details/ImageDetailsPane';
import { ImageList } from './ImageList';
import { ImagesHeader } from './ImagesHeader';
import { loadImages } from './images-sync';
import { visibleImageRows } from './images.presentation';
import { ImagesEngineDisconnected, ImagesLoadFailed, Loading, NoImageMatches, NoImages } from './ImagesPanelStates';
import { RemoveImageDialog } from './RemoveImageDialog';
import { TagImageDialog } from './TagImageDialog';
import { useImageRows } from './useImageRows';
import { useImagesView } from './view-store';
import './images.css';

function useDetailsWidth(): [number, (width: number) => void] {
  const [width, setWidth] = useState(() => readPreference('images.detailsWidth', 520, isNumber));
  return [
    width,
    (next) => {
      setWidth(next);
      writePreference('images.detailsWidth', next);
    },
  ];
}

function panelNotReady(engineId: string | undefined, engine: EngineStatus | undefined, entry: EngineImages | undefined): ReactNode {
  if (!engineId || !engine) return <Loading label="Connecting to Berth…" />;
  if (engine.state === 'disconnected') return <ImagesEngineDisconnected engine={engine} />;
  if (engine.state === 'connecting' || !entry || entry.load === 'idle') return <Loading label={`Connecting to ${engine.name}…`} />;
  if (entry.load === 'error') return <ImagesLoadFailed engineId={engineId} message={entry.error} />;
  if (entry.load === 'loading') return <Loading label="Loading images…" />;
  return undefined;
}

export function ImagesPanel() {
  const engineId = useBerth((s) => s.selectedEngineId);
  const engine = useBerth((s) => (engineId ? s.engines[engineId] : undefined));
  const entry = useBerth((s) => (engineId ? s.images[engineId] : undefined));
  const rows = useImageRows(engineId);
  const filter = useImagesView((s) => s.filter);
  const sort = useImagesView((s) => s.sort);
  const detailsKey = useImagesView((s) => s.detailsKey);
  const dialog = useImagesView((s) => s.dialog);
  const [detailsWidth, setDetailsWidth] = useDetailsWidth();

  useEffect(() => useImagesView.getState().resetForEngine(engineId), [engineId]);
  // First look at this engine's images (and again after a reconnect emptied the entry).
  const engineState = engine?.state;
  const load = entry?.load;
  useEffect(() => {
    if (engineId && engineState === 'connected' && (!load || load === 'idle')) void loadImages(engineId);
  }, [engineId, engineState, load]);

  const shown = useMemo(() => visibleImageRows(rows, filter, sort), [rows, filter, sort]);
  const counts = useMemo(() => {
    const images = new Map(rows.map((row) => [row.image.id, row]));
    return {
      images: images.size,
      tags: rows.filter((row) => !row.dangling).length,
      inUse: [...images.values()].filter((row) => row.usage.containers.length > 0).length,
      totalSize: [...images.values()].reduce((sum, row) => sum + row.image.size, 0),
    };
  }, [rows]);

  const notReady = panelNotReady(engineId, engine, entry);
  if (notReady || !engineId) {
    return (
      <section className="ctr-panel" aria-label="Images panel">
        <header className="ctr-header ctr-header-bare">
          <h1 className="panel-title">Images</h1>
        </header>
        {notReady}
      </section>
    );
  }

  const byKey = (key: string | undefined) => (key ? rows.find((row) => row.key === key) : undefined);
  const detailsRow = byKey(detailsKey);
  // A row whose tag went keeps its pane on the same image through another of its rows.
  const detailsImageId = detailsRow?.image.id ?? (detailsKey ? detailsKey.split('|')[0] : undefined);
  const dialogRow = byKey(dialog?.rowKey);

  let body;
  if (shown.length === 0 && filter.trim() !== '') body = <NoImageMatches filter={filter} />;
  else if (rows.length === 0) body = <NoImages />;
  else body = <ImageList engineId={engineId} rows={shown} />;

  return (
    <section className="ctr-panel" aria-label="Images panel">
      <ImagesHeader engineId={engineId} {...counts} />
      <div className="ctr-split img-split">
        <div className="ctr-main">{body}</div>
        {detailsImageId && (
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
              <ImageDetailsPane
                key={detailsImageId}
                engineId={engineId}
                imageId={detailsImageId}
                row={detailsRow ?? rows.find((row) => row.image.id === detailsImageId)}
              />
            </div>
          </>
        )}
      </div>
      {dialog?.kind === 'tag' && dialogRow && <TagImageDialog engineId={engineId} row={dialogRow} rows={rows} />}
      {dialog?.kind === 'remove' && dialogRow && <RemoveImageDialog engineId={engineId} row={dialogRow} />}
    </section>
  );
}
