// Feeds the images slice from main, outside React: patches from images.patch events, and a snapshot
// when something asks for an engine's images (the Images panel, on first look and after a reconnect).
// An engine that drops, or a bridge that comes back, empties the entry so the next look lists afresh.
import { client, ClientError } from '../../ipc/client';
import { useBerth } from '../../store';

const loading = new Map<string, Promise<void>>();

export function loadImages(engineId: string): Promise<void> {
  const inFlight = loading.get(engineId);
  if (inFlight) return inFlight;
  const store = useBerth.getState();
  store.beginImagesLoad(engineId);
  const load = client
    .invoke('images.list', { engineId })
    .then(
      (snapshot) => useBerth.getState().applyImagesSnapshot(snapshot),
      (err: unknown) => useBerth.getState().failImagesLoad(engineId, err instanceof ClientError ? err.message : String(err)),
    )
    .finally(() => loading.delete(engineId));
  loading.set(engineId, load);
  return load;
}

let started = false;

export function startImagesSync(): void {
  if (started) return;
  started = true;
  const lastState = new Map<string, string>();
  client.on('images.patch', (patch) => useBerth.getState().applyImagesPatch(patch));
  client.on('engines.status', (status) => {
    const before = lastState.get(status.engineId);
    lastState.set(status.engineId, status.state);
    // Not connected, or connected again: what the entry holds may be stale either way.
    if (status.state !== 'connected' || before !== 'connected') {
      if (useBerth.getState().images[status.engineId]) useBerth.getState().clearImages(status.engineId);
    }
  });
  client.onConnection((connected) => {
    if (!connected) return;
    lastState.clear();
    for (const engineId of Object.keys(useBerth.getState().images)) useBerth.getState().clearImages(engineId);
  });
}
