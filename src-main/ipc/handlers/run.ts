// Handlers and stream producers for run: filled in by the run feature.
import type { runInvokes, runStreams } from '../../shared/contract/run';
import type { InvokeHandlers, StreamProducers } from '../router';
import type { Services } from '../../services';

export function runHandlers(_services: Services): Pick<InvokeHandlers, keyof typeof runInvokes> {
  return {};
}

export function runProducers(_services: Services): Pick<StreamProducers, keyof typeof runStreams> {
  return {};
}
