// Loads a container's inspect document for the details pane and refreshes it when the container's
// state changes (the list's summary comes from engine events). A container that disappears, from the
// list or with a not_found answer, is reported as gone rather than as an error.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContainerDetails, ContainerSummary } from '../../../../src-main/shared/dto';
import { client, ClientError } from '../../../ipc/client';

export type DetailsState =
  | { status: 'loading'; details?: undefined }
  | { status: 'ready'; details: ContainerDetails; refreshing: boolean }
  | { status: 'error'; message: string; details?: ContainerDetails }
  | { status: 'gone'; details?: undefined };

export function useContainerDetails(engineId: string, id: string, summary: ContainerSummary | undefined) {
  const [state, setState] = useState<DetailsState>({ status: 'loading' });
  const request = useRef(0);
  const gone = summary === undefined;
  // Refetch on what events change: state, status phrase (health, exit code), name.
  const version = summary ? `${summary.state}|${summary.status}|${summary.name}` : 'gone';

  const load = useCallback(async () => {
    const mine = ++request.current;
    setState((previous) => (previous.status === 'ready' ? { ...previous, refreshing: true } : { status: 'loading' }));
    try {
      const details = await client.invoke('containers.inspect', { engineId, id });
      if (mine === request.current) setState({ status: 'ready', details, refreshing: false });
    } catch (err) {
      if (mine !== request.current) return;
      if (err instanceof ClientError && err.code === 'not_found') setState({ status: 'gone' });
      else setState((previous) => ({ status: 'error', message: err instanceof Error ? err.message : String(err), details: previous.details }));
    }
  }, [engineId, id]);

  useEffect(() => {
    if (gone) {
      request.current++;
      setState({ status: 'gone' });
      return;
    }
    void load();
  }, [load, gone, version]);

  return { state, reload: load };
}
