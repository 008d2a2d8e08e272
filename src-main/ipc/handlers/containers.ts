import type { containerInvokes } from '../../shared/contract/containers';
import type { InvokeHandlers } from '../router';
import type { Services } from '../../services';
import {
  actOnContainers,
  inspectContainer,
  previewRemoval,
  removeContainers,
  topContainer,
} from '../../engine/containers';

export function containerHandlers({ engines }: Services): Pick<InvokeHandlers, keyof typeof containerInvokes> {
  return {
    'containers.list': ({ engineId }) => {
      const engine = engines.get(engineId);
      engine.requireConnected();
      return engine.containers.snapshot();
    },
    'containers.inspect': ({ engineId, id }) => inspectContainer(engines.get(engineId).requireConnected(), engineId, id),
    'containers.top': ({ engineId, id }) => topContainer(engines.get(engineId).requireConnected(), id),
    'containers.action': ({ engineId, ids, action }) => actOnContainers(engines.get(engineId).requireConnected(), ids, action),
    'containers.removalPreview': ({ engineId, ids }) => previewRemoval(engines.get(engineId).requireConnected(), ids),
    'containers.remove': ({ engineId, ids, force, removeVolumes }) =>
      removeContainers(engines.get(engineId).requireConnected(), ids, { force, removeVolumes }),
  };
}
