import type { engineInvokes } from '../../shared/contract/engines';
import type { InvokeHandlers } from '../router';
import type { Services } from '../../services';

export function engineHandlers({ engines }: Services): Pick<InvokeHandlers, keyof typeof engineInvokes> {
  return {
    'engines.list': () => engines.list(),
    'engines.reconnect': async ({ engineId }) => {
      const engine = engines.get(engineId);
      await engine.reconnectNow();
      return engine.getStatus();
    },
  };
}
