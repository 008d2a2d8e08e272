// The panel's header: title, counts (images, tags, total size on disk as the engine counts it), the
// filter box (Ctrl/⌘+F or / focuses it) and Run… on the selected engine.
import { Search, X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { RunButton } from '../../run/RunButton';
import { formatSize } from './images.presentation';
import { useImagesView } from './view-store';

function FilterBox() {
  const filter = useImagesView((s) => s.filter);
  const setFilter = useImagesView((s) => s.setFilter);
  const ref = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
      if (((e.ctrlKey || e.metaKey) && e.key === 'f') || (e.key === '/' && !typing)) {
        if (document.querySelector('[role="dialog"]')) return;
        e.preventDefault();
        ref.current?.focus();
        ref.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="filter-box">
      <Search aria-hidden className="filter-icon" />
      <input
        ref={ref}
        type="search"
        className="input filter-input img-filter"
        aria-label="Filter images"
        placeholder="Filter by repository, tag or ID"
        title="Matches repositories, tags, ID prefixes, and the words dangling, in-use and unused. Ctrl+F or / to focus."
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && filter) {
            e.preventDefault();
            setFilter('');
          }
        }}
      />
      {filter && (
        <button type="button" className="icon-btn filter-clear" aria-label="Clear filter" onClick={() => setFilter('')}>
          <X />
        </button>
      )}
    </div>
  );
}

interface ImagesHeaderProps {
  engineId: string;
  images: number;
  tags: number;
  inUse: number;
  totalSize: number;
}

export function ImagesHeader({ engineId, images, tags, inUse, totalSize }: ImagesHeaderProps) {
  return (
    <header className="ctr-header img-header">
      <h1 className="panel-title">Images</h1>
      <span className="ctr-header-counts" aria-label="Image counts">
        <span className="count-pill count-pill-ok">{inUse} in use</span>
        <span className="count-pill">
          {images} {images === 1 ? 'image' : 'images'} · {tags} {tags === 1 ? 'tag' : 'tags'}
        </span>
        <span className="count-pill" title="Sum of image sizes; layers shared between images count once per image">
          {formatSize(totalSize)}
        </span>
      </span>
      <span className="spacer" />
      <FilterBox />
      <RunButton engineId={engineId} />
    </header>
  );
}
