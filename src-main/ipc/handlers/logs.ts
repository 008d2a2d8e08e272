// Handlers and stream producers for logs: filled in by the logs feature.
import type { logsInvokes, logsStreams } from '../../shared/contract/logs';
import type { InvokeHandlers, StreamProducers } from '../router';
import type { Services } from '../../services';

export function logsHandlers(_services: Services): Pick<InvokeHandlers, keyof typeof logsInvokes> {
  return {};
}

export function logsProducers(_services: Services): Pick<StreamProducers, keyof typeof logsStreams> {
  return {};
}
