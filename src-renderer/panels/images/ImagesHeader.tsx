// The panel's header: title, counts (images, tags, total size on disk as the engine counts it), the
// filter box (Ctrl/⌘+F or / focuses it) and Run… on the selected engine.
import { RunButton } from '../../run/RunButton';
import { FilterBox } from '../../ui/resource-panel/FilterBox';
import { formatSize } from './images.presentation';
import { useImagesView } from './view-store';

function ImagesFilter() {
  const filter = useImagesView((s) => s.filter);
  const setFilter = useImagesView((s) => s.setFilter);
  return (
    <FilterBox
      value={filter}
      onChange={setFilter}
      label="Filter images"
      placeholder="Filter by repository, tag or ID"
      hint="Matches repositories, tags, ID prefixes, and the words dangling, in-use and unused."
      className="img-filter"
    />
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
      <ImagesFilter />
      <RunButton engineId={engineId} />
    </header>
  );
}
