// The Images panel: every local image of the selected engine, one row per tag, kept live from engine
// events; filter, sort, row actions (Run…, Tag…, Inspect, Remove) and a resizable details pane. Like
// the Containers panel, a disconnected engine gets an explanation, never stale rows.
import { useEffect, useMemo } from 'react';
import { useBerth } from '../../store';
import { resourceNotReady } from '../../ui/resource-panel/readiness';
import { ListWithDetails, NotReadyPanel } from '../../ui/resource-panel/ResourcePanelFrame';
import { ImageDetailsPane } from './details/ImageDetailsPane';
import { ImageList } from './ImageList';
import { ImagesHeader } from './ImagesHeader';
import { loadImages } from './images-sync';
import { visibleImageRows } from './images.presentation';
import { NoImageMatches, NoImages } from './ImagesPanelStates';
import { RemoveImageDialog } from './RemoveImageDialog';
import { TagImageDialog } from './TagImageDialog';
import { useImageRows } from './useImageRows';
import { useImagesView } from './view-store';
import './images.css';

export function ImagesPanel() {
  const engineId = useBerth((s) => s.selectedEngineId);
  const engine = useBerth((s) => (engineId ? s.engines[engineId] : undefined));
  const entry = useBerth((s) => (engineId ? s.images[engineId] : undefined));
  const rows = useImageRows(engineId);
  const filter = useImagesView((s) => s.filter);
  const sort = useImagesView((s) => s.sort);
  const detailsKey = useImagesView((s) => s.detailsKey);
  const dialog = useImagesView((s) => s.dialog);

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

  const notReady = resourceNotReady(engine, entry, 'images', () => engineId && void loadImages(engineId));
  if (notReady || !engineId) return <NotReadyPanel title="Images">{notReady}</NotReadyPanel>;

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
      <ListWithDetails
        widthKey="images.detailsWidth"
        defaultWidth={520}
        className="img-split"
        details={
          detailsImageId && (
            <ImageDetailsPane
              key={detailsImageId}
              engineId={engineId}
              imageId={detailsImageId}
              row={detailsRow ?? rows.find((row) => row.image.id === detailsImageId)}
            />
          )
        }
      >
        {body}
      </ListWithDetails>
      {dialog?.kind === 'tag' && dialogRow && <TagImageDialog engineId={engineId} row={dialogRow} rows={rows} />}
      {dialog?.kind === 'remove' && dialogRow && <RemoveImageDialog engineId={engineId} row={dialogRow} />}
    </section>
  );
}
