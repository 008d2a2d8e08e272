// The virtualised images grid: sortable column headers and keyboard navigation (↑/↓/Home/End/Page
// keys move, Enter opens details, Delete asks to remove, R runs, T tags).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { cursorTarget } from '../../ui/resource-panel/grid-keys';
import { SortableHeader } from '../../ui/resource-panel/SortableHeader';
import { runImage } from './image-actions';
import type { ImageRow, ImageSortKey } from './images.presentation';
import { ImageGridRow, imageRowDomId } from './ImageRow';
import { useImagesView } from './view-store';

const ROW_HEIGHT = 34;

const columns: { key: ImageSortKey; label: string; className: string }[] = [
  { key: 'repository', label: 'Repository', className: 'img-cell-repo' },
  { key: 'tag', label: 'Tag', className: 'img-cell-tag' },
  { key: 'id', label: 'Image ID', className: 'img-cell-id' },
  { key: 'size', label: 'Size', className: 'img-cell-size' },
  { key: 'created', label: 'Created', className: 'img-cell-created' },
  { key: 'usage', label: 'In use', className: 'img-cell-usage' },
];

export function ImageList({ engineId, rows }: { engineId: string; rows: readonly ImageRow[] }) {
  const sort = useImagesView((s) => s.sort);
  const cursorKey = useImagesView((s) => s.cursorKey);
  const detailsKey = useImagesView((s) => s.detailsKey);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 12,
  });

  const cursorIndex = cursorKey === undefined ? -1 : rows.findIndex((row) => row.key === cursorKey);
  useEffect(() => {
    if (cursorIndex >= 0) virtualizer.scrollToIndex(cursorIndex, { align: 'auto' });
  }, [cursorIndex, virtualizer]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    const view = useImagesView.getState();
    const target = cursorTarget(e.key, cursorIndex, rows.length);
    if (target !== undefined) {
      e.preventDefault();
      view.setCursor(rows[target].key);
      return;
    }
    const current = cursorIndex >= 0 ? rows[cursorIndex] : undefined;
    switch (e.key) {
      case 'Enter':
        if (current) view.openDetails(current.key);
        break;
      case 'Delete':
      case 'Backspace':
        if (current) view.openDialog({ kind: 'remove', rowKey: current.key });
        break;
      case 'r':
        if (!current || e.ctrlKey || e.metaKey) return;
        runImage(engineId, current);
        break;
      case 't':
        if (!current || e.ctrlKey || e.metaKey) return;
        view.openDialog({ kind: 'tag', rowKey: current.key });
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <div
      className="img-grid"
      role="grid"
      aria-label="Images"
      aria-rowcount={rows.length + 1}
      aria-activedescendant={cursorIndex >= 0 ? imageRowDomId(rows[cursorIndex].key) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        if (e.target === e.currentTarget && cursorIndex < 0 && rows[0]) useImagesView.getState().setCursor(rows[0].key);
      }}
    >
      <div role="rowgroup" className="img-head">
        <div role="row" aria-rowindex={1} className="img-row img-head-row">
          {columns.map((col) => (
            <SortableHeader
              key={col.key}
              columnKey={col.key}
              label={col.label}
              sort={sort}
              onSort={(key) => useImagesView.getState().sortBy(key)}
              className={`img-cell ${col.className}`}
            />
          ))}
        </div>
      </div>
      <div ref={scrollRef} className="img-scroll" role="rowgroup">
        <div className="img-rows" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            return (
              <ImageGridRow
                key={row.key}
                engineId={engineId}
                row={row}
                rowIndex={item.index + 2}
                offset={item.start}
                height={item.size}
                isCursor={row.key === cursorKey}
                isOpen={row.key === detailsKey}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
