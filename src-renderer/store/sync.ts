// Feeds the store from main, outside React: engine status and container patches from events, snapshots
// when an engine (re)connects or the bridge itself comes back.
import type { ContainersPatch } from '../../src-main/shared/dto';
import { client, ClientError } from '../ipc/client';
import { createFrameCoalescer } from './frame-coalescer';
import { useBerth } from './index';

/** Lists an engine's containers afresh into the store (also the panel's "Try again" after a failed list). */
export async function loadContainers(engineId: string): Promise<void> {
  const store = useBerth.getState();
  store.beginContainersLoad(engineId);
  try {
    store.applyContainersSnapshot(await client.invoke('containers.list', { engineId }));
  } catch (err) {
    store.failContainersLoad(engineId, err instanceof ClientError ? err.message : String(err));
  }
}

async function loadEverything(): Promise<void> {
  try {
    const engines = await client.invoke('engines.list', {});
    useBerth.getState().setEngines(engines);
    await Promise.all(engines.filter((e) => e.state === 'connected').map((e) => loadContainers(e.engineId)));
  } catch {
    // The bridge dropped mid-load; onConnection runs this again when it is back.
  }
}

export function startSync(): void {
  client.on('engines.status', (status) => {
    const store = useBerth.getState();
    const before = store.engines[status.engineId]?.state;
    store.upsertEngine(status);
    if (status.state === 'connected' && before !== 'connected') void loadContainers(status.engineId);
    if (status.state !== 'connected' && before === 'connected') store.clearContainers(status.engineId);
  });
  // A lone change shows at once; a burst (200 containers starting) becomes one store update per frame.
  const applyPatches = createFrameCoalescer((patches: ContainersPatch[]) => useBerth.getState().applyContainersPatches(patches));
  client.on('containers.patch', applyPatches);
  client.onConnection((connected) => {
    useBerth.getState().setBridgeConnected(connected);
    if (connected) void loadEverything();
  });
}
