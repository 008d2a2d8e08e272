// The virtualised container grid: sortable column headers, compose-project groups, checkboxes with
// shift-click ranges, and keyboard navigation (↑/↓/Home/End move, Enter opens details, Space checks,
// ←/→ collapse/expand a group, Delete asks to remove, Ctrl/⌘+A checks everything shown).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { cursorTarget } from '../../ui/resource-panel/grid-keys';
import { SortableHeader } from '../../ui/resource-panel/SortableHeader';
import {
  rangeBetween,
  type ContainerGroup,
  type ListItem,
  type SortKey,
} from './containers.presentation';
import { ContainerRow, GroupRow, rowDomId } from './ContainerRow';
import { useContainersView } from './view-store';

const ROW_HEIGHT = 34;
const GROUP_ROW_HEIGHT = 34;

const columns: { key: SortKey; label: string; className: string }[] = [
  { key: 'name', label: 'Name', className: 'ctr-cell-name' },
  { key: 'image', label: 'Image', className: 'ctr-cell-image' },
  { key: 'state', label: 'State', className: 'ctr-cell-state' },
  { key: 'ports', label: 'Ports', className: 'ctr-cell-ports' },
  { key: 'created', label: 'Created', className: 'ctr-cell-created' },
];

interface ContainerListProps {
  items: readonly ListItem[];
  /** Every shown container id in display order, collapsed groups included. */
  shownIds: readonly string[];
}

export function ContainerList({ items, shownIds }: ContainerListProps) {
  const sort = useContainersView((s) => s.sort);
  const checked = useContainersView((s) => s.checked);
  const cursorKey = useContainersView((s) => s.cursorKey);
  const detailsId = useContainersView((s) => s.detailsId);
  const pending = useContainersView((s) => s.pending);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (items[index]?.kind === 'group' ? GROUP_ROW_HEIGHT : ROW_HEIGHT),
    getItemKey: (index) => items[index]?.key ?? index,
    overscan: 12,
  });

  const cursorIndex = cursorKey === undefined ? -1 : items.findIndex((item) => item.key === cursorKey);
  useEffect(() => {
    if (cursorIndex >= 0) virtualizer.scrollToIndex(cursorIndex, { align: 'auto' });
  }, [cursorIndex, virtualizer]);

  const onCheck = useCallback(
    (id: string, shiftKey: boolean) => {
      const view = useContainersView.getState();
      if (shiftKey && view.anchorId && view.anchorId !== id) {
        const range = rangeBetween(shownIds, view.anchorId, id);
        view.setChecked(new Set([...view.checked, ...range]));
      } else {
        view.toggleChecked(id);
      }
    },
    [shownIds],
  );

  const onCheckGroup = useCallback((group: ContainerGroup, check: boolean) => {
    const view = useContainersView.getState();
    const next = new Set(view.checked);
    for (const c of group.containers) {
      if (check) next.add(c.id);
      else next.delete(c.id);
    }
    view.setChecked(next);
  }, []);

  const allChecked = shownIds.length > 0 && shownIds.every((id) => checked.has(id));
  const someChecked = !allChecked && shownIds.some((id) => checked.has(id));
  const toggleAll = () => useContainersView.getState().setChecked(allChecked ? [] : shownIds);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return; // keys typed into a control inside a row are theirs
    const view = useContainersView.getState();
    const target = cursorTarget(e.key, cursorIndex, items.length);
    if (target !== undefined) {
      e.preventDefault();
      view.setCursor(items[target].key);
      return;
    }
    const current = cursorIndex >= 0 ? items[cursorIndex] : undefined;
    switch (e.key) {
      case 'Enter':
        if (current?.kind === 'container') view.openDetails(current.container.id);
        else if (current?.kind === 'group') view.toggleCollapsed(current.group.key);
        break;
      case ' ':
        if (current?.kind === 'container') onCheck(current.container.id, e.shiftKey);
        else if (current?.kind === 'group') view.toggleCollapsed(current.group.key);
        break;
      case 'ArrowLeft':
        if (current?.kind === 'group') view.setCollapsed(current.group.key, true);
        break;
      case 'ArrowRight':
        if (current?.kind === 'group') view.setCollapsed(current.group.key, false);
        break;
      case 'Delete':
      case 'Backspace': {
        const ids = shownIds.filter((id) => view.checked.has(id));
        if (ids.length) view.requestRemove(ids);
        else if (current?.kind === 'container') view.requestRemove([current.container.id]);
        break;
      }
      case 'a':
        if (!(e.ctrlKey || e.metaKey)) return;
        view.setChecked(shownIds);
        break;
      case 'Escape':
        if (view.checked.size) view.setChecked([]);
        else return;
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <div
      className="ctr-grid"
      role="grid"
      aria-label="Containers"
      aria-multiselectable
      aria-rowcount={items.length + 1}
      aria-activedescendant={cursorIndex >= 0 ? rowDomId(items[cursorIndex].key) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        if (e.target === e.currentTarget && cursorIndex < 0 && items[0]) useContainersView.getState().setCursor(items[0].key);
      }}
    >
      <div role="rowgroup" className="ctr-head">
        <div role="row" aria-rowindex={1} className="ctr-row ctr-head-row">
          <div role="columnheader" className="ctr-cell ctr-cell-check">
            <input
              type="checkbox"
              tabIndex={-1}
              aria-label="Select all shown containers"
              checked={allChecked}
              ref={(el) => {
                if (el) el.indeterminate = someChecked;
              }}
              onChange={toggleAll}
              disabled={shownIds.length === 0}
            />
          </div>
          {columns.map((col) => (
            <SortableHeader
              key={col.key}
              columnKey={col.key}
              label={col.label}
              sort={sort}
              onSort={(key) => useContainersView.getState().sortBy(key)}
              className={`ctr-cell ${col.className}`}
            />
          ))}
        </div>
      </div>
      <div ref={scrollRef} className="ctr-scroll" role="rowgroup">
        <div className="ctr-rows" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((virtualRow) => {
            const item = items[virtualRow.index];
            if (item.kind === 'group') {
              return (
                <GroupRow
                  key={item.key}
                  group={item.group}
                  groupKey={item.key}
                  rowIndex={virtualRow.index + 2}
                  offset={virtualRow.start}
                  height={virtualRow.size}
                  collapsed={item.collapsed}
                  isCursor={item.key === cursorKey}
                  checkedCount={item.group.containers.reduce((n, c) => n + (checked.has(c.id) ? 1 : 0), 0)}
                  onCheckGroup={onCheckGroup}
                />
              );
            }
            const c = item.container;
            return (
              <ContainerRow
                key={item.key}
                container={c}
                rowIndex={virtualRow.index + 2}
                offset={virtualRow.start}
                height={virtualRow.size}
                checked={checked.has(c.id)}
                isCursor={item.key === cursorKey}
                isOpen={detailsId === c.id}
                pending={pending[c.id]}
                onCheck={onCheck}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
