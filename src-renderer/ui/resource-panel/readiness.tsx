// Which state a resource panel is in before it can show rows. Only a connected engine with a loaded
// list gets rows; a disconnected one gets an explanation, never stale rows.
import type { ReactNode } from 'react';
import type { EngineStatus } from '../../../src-main/shared/dto';
import type { LoadState } from '../../store/containers-slice';
import { EngineDisconnected, LoadFailed, Loading } from './ResourceStates';

export interface ResourceList {
  load: LoadState;
  error?: string;
}

/** What to show instead of the list, or undefined when the list is there. `noun` is lower case, plural. */
export function resourceNotReady(
  engine: EngineStatus | undefined,
  list: ResourceList | undefined,
  noun: string,
  reload: () => void,
): ReactNode {
  if (!engine) return <Loading label="Connecting to Berth…" />;
  if (engine.state === 'disconnected') return <EngineDisconnected engine={engine} noun={noun.charAt(0).toUpperCase() + noun.slice(1)} />;
  if (engine.state === 'connecting' || !list || list.load === 'idle') return <Loading label={`Connecting to ${engine.name}…`} />;
  if (list.load === 'error') return <LoadFailed noun={noun} message={list.error} onRetry={reload} />;
  if (list.load === 'loading') return <Loading label={`Loading ${noun}…`} />;
  return undefined;
}
