// Engine commands the shell offers wherever an engine is shown as disconnected.
import { client, ClientError } from '../../ipc/client';
import { useBerth } from '../../store';

/** Asks main to retry now instead of waiting for the backoff; a failure becomes an error toast. */
export async function reconnectEngine(engineId: string): Promise<void> {
  try {
    // The new state reaches the store through the engines.status events (sync.ts), which also reload
    // the container list; the answer here only tells whether to complain.
    const status = await client.invoke('engines.reconnect', { engineId });
    if (status.state !== 'connected') {
      useBerth.getState().pushToast('error', `Still cannot reach ${status.name}${status.lastError ? `: ${status.lastError}` : '.'}`);
    }
  } catch (err) {
    const message = err instanceof ClientError ? err.message : String(err);
    useBerth.getState().pushToast('error', `Could not reconnect: ${message}`);
  }
}
