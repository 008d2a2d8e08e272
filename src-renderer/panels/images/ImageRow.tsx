// One row of the images grid: repository, tag, short id, size, age and an "in use" badge, with Run…,
// Tag…, Inspect and Remove floating over its right end (on hover and on the keyboard cursor).
import { FileSearch, Play, Tag, Trash2 } from 'lucide-react';
import { memo, type MouseEvent } from 'react';
import { RelativeTime } from '../containers/cells';
import { rowTitle, runImage } from './image-actions';
import { formatSize, shortImageId, usageLabel, type ImageRow } from './images.presentation';
import { useImagesView } from './view-store';

export const imageRowDomId = (key: string) => `image-row-${key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

interface ImageRowProps {
  engineId: string;
  row: ImageRow;
  rowIndex: number;
  offset: number;
  height: number;
  isCursor: boolean;
  isOpen: boolean;
}

function UsageBadge({ row }: { row: ImageRow }) {
  const count = row.usage.containers.length;
  if (count === 0) return <span className="faint">—</span>;
  const names = row.usage.containers.map((c) => c.name).join(', ');
  return (
    <span className={`badge ${row.usage.running ? 'badge-ok' : 'badge-neutral'} img-usage`} title={`${usageLabel(row.usage)}: ${names}`}>
      <span className="badge-dot" aria-hidden />
      in use · {count}
    </span>
  );
}

export const ImageGridRow = memo(function ImageGridRow({ engineId, row, rowIndex, offset, height, isCursor, isOpen }: ImageRowProps) {
  const title = rowTitle(row);
  const view = useImagesView.getState;
  const stop = (e: MouseEvent) => e.stopPropagation();
  return (
    <div
      role="row"
      id={imageRowDomId(row.key)}
      aria-rowindex={rowIndex}
      aria-label={title}
      className="img-row"
      data-cursor={isCursor || undefined}
      data-open={isOpen || undefined}
      style={{ transform: `translateY(${offset}px)`, height }}
      onClick={() => view().openDetails(row.key)}
    >
      <div role="gridcell" className="img-cell img-cell-repo" title={row.repository}>
        <span className={row.dangling && row.repository === '<none>' ? 'faint' : 'img-repo'}>{row.repository}</span>
      </div>
      <div role="gridcell" className="img-cell img-cell-tag" title={row.tag}>
        {row.dangling ? <span className="faint">&lt;none&gt;</span> : <span className="img-tag">{row.tag}</span>}
      </div>
      <div role="gridcell" className="img-cell img-cell-id mono" title={row.image.id}>
        {shortImageId(row.image.id)}
      </div>
      <div role="gridcell" className="img-cell img-cell-size">
        {formatSize(row.image.size)}
      </div>
      <div role="gridcell" className="img-cell img-cell-created">
        <RelativeTime epochSeconds={row.image.created} />
      </div>
      <div role="gridcell" className="img-cell img-cell-usage">
        <UsageBadge row={row} />
      </div>
      <div role="gridcell" className="img-cell img-cell-actions" onClick={stop}>
        <button type="button" className="icon-btn" tabIndex={-1} aria-label={`Run ${title}`} title="Run…" onClick={() => runImage(engineId, row)}>
          <Play />
        </button>
        <button
          type="button"
          className="icon-btn"
          tabIndex={-1}
          aria-label={`Tag ${title}`}
          title="Tag…"
          onClick={() => view().openDialog({ kind: 'tag', rowKey: row.key })}
        >
          <Tag />
        </button>
        <button type="button" className="icon-btn" tabIndex={-1} aria-label={`Inspect ${title}`} title="Inspect" onClick={() => view().openDetails(row.key)}>
          <FileSearch />
        </button>
        <button
          type="button"
          className="icon-btn icon-btn-danger"
          tabIndex={-1}
          aria-label={`Remove ${title}`}
          title="Remove…"
          onClick={() => view().openDialog({ kind: 'remove', rowKey: row.key })}
        >
          <Trash2 />
        </button>
      </div>
    </div>
  );
});
