import { z } from 'zod';
import type { EngineStatus } from '../dto';
import { engineScoped, event, invoke } from './define';

export const engineInvokes = {
  /** Every engine Berth knows, with its connection state, version and info. */
  'engines.list': invoke<EngineStatus[]>()(z.object({})),
  /** Retry a disconnected engine now instead of waiting for the backoff. */
  'engines.reconnect': invoke<EngineStatus>()(engineScoped),
};

export const engineEvents = {
  /** An engine connected, disconnected, or its info changed. */
  'engines.status': event<EngineStatus>(),
};
