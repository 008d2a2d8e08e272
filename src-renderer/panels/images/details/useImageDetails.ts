// Loads one image's details (inspect + history). Reloads when the image's tags change (a patch), so the
// pane never shows names the image no longer has; "gone" once the engine no longer has it.
import { useCallback, useEffect, useState } from 'react';
import type { ImageDetails } from '../../../../src-main/shared/contract/images';
import { client, ClientError } from '../../../ipc/client';

export type ImageDetailsState =
  | { status: 'loading' }
  | { status: 'ready'; details: ImageDetails }
  | { status: 'error'; message: string }
  | { status: 'gone' };

export function useImageDetails(engineId: string, imageId: string, tagsKey: string): { state: ImageDetailsState; reload: () => void } {
  const [state, setState] = useState<ImageDetailsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    client.invoke('images.inspect', { engineId, image: imageId }).then(
      (details) => live && setState({ status: 'ready', details }),
      (err: unknown) => {
        if (!live) return;
        if (err instanceof ClientError && err.code === 'not_found') setState({ status: 'gone' });
        else setState({ status: 'error', message: err instanceof ClientError ? err.message : String(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [engineId, imageId, tagsKey, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
