// Handlers and stream producers for exec: filled in by the exec feature.
import type { execInvokes, execStreams } from '../../shared/contract/exec';
import type { InvokeHandlers, StreamProducers } from '../router';
import type { Services } from '../../services';

export function execHandlers(_services: Services): Pick<InvokeHandlers, keyof typeof execInvokes> {
  return {};
}

export function execProducers(_services: Services): Pick<StreamProducers, keyof typeof execStreams> {
  return {};
}
