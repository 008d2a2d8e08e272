// Run and recreate: create from a RunSpec, a container back as a RunSpec, recreate with rollback.
import type { runInvokes, runStreams } from '../../shared/contract/run';
import type { InvokeHandlers, StreamProducers } from '../router';
import type { Services } from '../../services';
import { recreateContainer } from '../../engine/recreate';
import { runContainer } from '../../engine/run';
import { containerAsRunSpec } from '../../engine/run.from-container';

export function runHandlers({ engines }: Services): Pick<InvokeHandlers, keyof typeof runInvokes> {
  return {
    'run.create': ({ engineId, spec }) => {
      const engine = engines.get(engineId);
      const docker = engine.requireConnected();
      return runContainer(docker, spec, { cpuCount: engine.getStatus().info?.cpus });
    },
    'run.specFromContainer': ({ engineId, id }) => containerAsRunSpec(engines.get(engineId).requireConnected(), id),
  };
}

export function runProducers({ engines }: Services): Pick<StreamProducers, keyof typeof runStreams> {
  return {
    'run.recreate': ({ engineId, id, pull }, sink) => {
      const docker = engines.get(engineId).requireConnected();
      const handle = recreateContainer(docker, id, {
        pull,
        onEvent: (event) => {
          if (!sink.closed) sink.push(event, JSON.stringify(event).length);
        },
      });
      handle.done.then(
        () => sink.end(),
        (err: unknown) => sink.end(err),
      );
      return { close: handle.cancel };
    },
  };
}
