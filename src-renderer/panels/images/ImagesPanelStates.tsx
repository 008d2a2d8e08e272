// What the Images panel shows instead of rows: engine disconnected, list failed, no images at all, or
// a filter that matches nothing. Same look as the Containers panel (shared empty-state classes; the
// loading state is the Containers panel's own).
import { Layers, RefreshCw, SearchX, Unplug } from 'lucide-react';
import type { EngineStatus } from '../../../src-main/shared/dto';
import { reconnectEngine } from '../../ui/shell/engine-actions';
import { loadImages } from './images-sync';
import { useImagesView } from './view-store';

export { Loading } from '../containers/PanelStates';

export function ImagesEngineDisconnected({ engine }: { engine: EngineStatus }) {
  return (
    <div className="empty-state" role="region" aria-label="Engine disconnected">
      <Unplug aria-hidden />
      <h2>{engine.name} is disconnected</h2>
      <p>
        Berth cannot reach the Docker engine at <code>{engine.endpoint}</code>. Images show again as soon as it answers.
      </p>
      {engine.lastError && <p className="empty-state-error">Last error: {engine.lastError}</p>}
      <button type="button" className="btn btn-primary" onClick={() => void reconnectEngine(engine.engineId)}>
        <RefreshCw aria-hidden />
        Retry now
      </button>
    </div>
  );
}

export function ImagesLoadFailed({ engineId, message }: { engineId: string; message?: string }) {
  return (
    <div className="empty-state" role="region" aria-label="Images could not be listed">
      <Unplug aria-hidden />
      <h2>Could not list images</h2>
      {message && <p className="empty-state-error">{message}</p>}
      <button type="button" className="btn" onClick={() => void loadImages(engineId)}>
        <RefreshCw aria-hidden />
        Try again
      </button>
    </div>
  );
}

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
    <div className="empty-state" role="region" aria-label="No matching images">
      <SearchX aria-hidden />
      <h2>No images match “{filter}”</h2>
      <p>The filter looks at repositories, tags, ID prefixes, and the words dangling, in-use and unused.</p>
      <button type="button" className="btn" onClick={() => useImagesView.getState().setFilter('')}>
        Clear filter
      </button>
    </div>
  );
}
