// A column header that sorts its grid: a button with the column's name and the direction arrow, and
// aria-sort for screen readers.
import { ArrowDown, ArrowUp } from 'lucide-react';

export interface SortState<K extends string> {
  key: K;
  direction: 'asc' | 'desc';
}

export function ariaSort<K extends string>(sort: SortState<K>, key: K): 'ascending' | 'descending' | 'none' {
  if (sort.key !== key) return 'none';
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}

interface SortableHeaderProps<K extends string> {
  columnKey: K;
  label: string;
  sort: SortState<K>;
  onSort(key: K): void;
  className: string;
}

export function SortableHeader<K extends string>({ columnKey, label, sort, onSort, className }: SortableHeaderProps<K>) {
  return (
    <div role="columnheader" className={className} aria-sort={ariaSort(sort, columnKey)}>
      <button type="button" className="ctr-sort" tabIndex={-1} onClick={() => onSort(columnKey)}>
        {label}
        {sort.key === columnKey && (sort.direction === 'asc' ? <ArrowUp aria-hidden /> : <ArrowDown aria-hidden />)}
      </button>
    </div>
  );
}
