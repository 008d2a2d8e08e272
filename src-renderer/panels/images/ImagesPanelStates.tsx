// The Images panel's own empty states: no images at all, and a filter that matches nothing. Engine and
// loading states are shared by every panel (ui/resource-panel).
import { Layers } from 'lucide-react';
import { NoMatches } from '../../ui/resource-panel/ResourceStates';
import { useImagesView } from './view-store';

export function NoImages() {
  return (
    <div className="empty-state" role="region" aria-label="No images">
      <Layers aria-hidden />
      <h2>No images on this engine</h2>
      <p>Images you pull, build, load or import appear here at once. Try:</p>
      <pre className="empty-state-hint">docker pull 127.0.0.1:5001/busybox</pre>
    </div>
  );
}

export function NoImageMatches({ filter }: { filter: string }) {
  return (
    <NoMatches
      noun="images"
      filter={filter}
      looksAt="repositories, tags, ID prefixes, and the words dangling, in-use and unused"
      onClear={() => useImagesView.getState().setFilter('')}
    />
  );
}
