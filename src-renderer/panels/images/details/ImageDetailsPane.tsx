// The right-hand details pane of one image: its name, id, size and age, actions (Run…, Tag…, Remove),
// and tabs — Overview (config, env, labels, users), History (layers) and Inspect (raw JSON). Mounted
// with key={imageId}: switching images starts fresh.
import { Play, Tag, Trash2, TriangleAlert, X } from 'lucide-react';
import { useState, type KeyboardEvent } from 'react';
import { DetailsGone } from '../../../ui/resource-panel/DetailsGone';
import { InspectTab } from '../../containers/details/InspectTab';
import { RelativeTime } from '../../containers/cells';
import { rowTitle, runImage } from '../image-actions';
import { formatSize, shortImageId, usageLabel, type ImageRow } from '../images.presentation';
import { useImagesView } from '../view-store';
import { ImageHistory } from './ImageHistory';
import { ImageOverview } from './ImageOverview';
import { useImageDetails } from './useImageDetails';

const TABS = ['Overview', 'History', 'Inspect'] as const;
type TabId = (typeof TABS)[number];

interface ImageDetailsPaneProps {
  engineId: string;
  imageId: string;
  /** A live row of the image (undefined once the image is gone). */
  row: ImageRow | undefined;
}

export function ImageDetailsPane({ engineId, imageId, row }: ImageDetailsPaneProps) {
  const { state, reload } = useImageDetails(engineId, imageId, row?.image.repoTags.join(',') ?? '');
  const [tab, setTab] = useState<TabId>('Overview');
  const view = useImagesView.getState;
  if (!row || state.status === 'gone') return <DetailsGone noun="Image" onClose={() => view().closeDetails()} />;

  const title = rowTitle(row);
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = TABS[(TABS.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    setTab(next);
    document.getElementById(`image-tab-${next}`)?.focus();
  };

  return (
    <aside className="details-pane" aria-label={`Details of ${title}`} onKeyDown={(e) => e.key === 'Escape' && view().closeDetails()}>
      <div className="details-header">
        <div className="details-heading">
          <h2 className="details-title mono-title" title={title}>
            {title}
          </h2>
          {row.usage.containers.length > 0 && <span className="badge badge-info">{usageLabel(row.usage)}</span>}
        </div>
        <button type="button" className="icon-btn" aria-label="Close details" onClick={() => view().closeDetails()}>
          <X />
        </button>
      </div>
      <div className="details-meta">
        <span className="mono" title={row.image.id}>
          {shortImageId(row.image.id)}
        </span>
        <span className="details-meta-sep">·</span>
        <span>{formatSize(row.image.size)}</span>
        <span className="details-meta-sep">·</span>
        <span>
          created <RelativeTime epochSeconds={row.image.created} />
        </span>
      </div>
      <div className="details-actions" role="toolbar" aria-label={`Actions for ${title}`}>
        <button type="button" className="btn btn-compact" onClick={() => runImage(engineId, row)}>
          <Play aria-hidden />
          Run…
        </button>
        <button type="button" className="btn btn-compact" onClick={() => view().openDialog({ kind: 'tag', rowKey: row.key })}>
          <Tag aria-hidden />
          Tag…
        </button>
        <span className="spacer" />
        <button
          type="button"
          className="btn btn-compact btn-danger-outline"
          onClick={() => view().openDialog({ kind: 'remove', rowKey: row.key })}
        >
          <Trash2 aria-hidden />
          Remove…
        </button>
      </div>
      {state.status === 'error' && (
        <div className="alert alert-error details-alert" role="alert">
          <TriangleAlert aria-hidden />
          <span>Could not load details: {state.message}</span>
          <button type="button" className="btn btn-compact" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      <div className="tabs details-tabs" role="tablist" aria-label="Image details" onKeyDown={onTabKey}>
        {TABS.map((id) => (
          <button
            key={id}
            id={`image-tab-${id}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={id === tab}
            aria-controls="image-tabpanel"
            tabIndex={id === tab ? 0 : -1}
            onClick={() => setTab(id)}
          >
            {id}
          </button>
        ))}
      </div>
      <div id="image-tabpanel" role="tabpanel" aria-labelledby={`image-tab-${tab}`} className="details-tabpanel">
        {state.status === 'ready' ? (
          tab === 'Overview' ? (
            <ImageOverview details={state.details} users={row.usage.containers} />
          ) : tab === 'History' ? (
            <ImageHistory details={state.details} />
          ) : (
            <InspectTab raw={state.details.raw} name={title} />
          )
        ) : (
          state.status === 'loading' && (
            <div className="details-loading" role="status">
              <span className="spinner" aria-hidden /> Loading details…
            </div>
          )
        )}
      </div>
    </aside>
  );
}
