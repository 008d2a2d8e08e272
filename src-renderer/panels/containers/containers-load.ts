// Lists an engine's containers afresh into the store (the panel's "Try again" after a failed list).
import { client, ClientError } from '../../ipc/client';
import { useBerth } from '../../store';

export async function reloadContainers(engineId: string): Promise<void> {
  const store = useBerth.getState();
  store.beginContainersLoad(engineId);
  try {
    store.applyContainersSnapshot(await client.invoke('containers.list', { engineId }));
  } catch (err) {
    store.failContainersLoad(engineId, err instanceof ClientError ? err.message : String(err));
  }
}
