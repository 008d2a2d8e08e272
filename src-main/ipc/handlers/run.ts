// Run and recreate: create from a RunSpec, a container back as a RunSpec, recreate with rollback, and the
// image calls the run dialog needs (tags, presence, pull with progress).
import type { runInvokes, runStreams } from '../../shared/contract/run';
import type { InvokeHandlers, StreamProducers } from '../router';
import type { Services } from '../../services';
import { imagePresence, listImageTags, pullImage } from '../../engine/images';
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
    'images.tags': ({ engineId }) => listImageTags(engines.get(engineId).requireConnected()),
    'images.presence': ({ engineId, image }) => imagePresence(engines.get(engineId).requireConnected(), image),
  };
}

export function runProducers({ engines }: Services): Pick<StreamProducers, keyof typeof runStreams> {
  return {
    'images.pull': ({ engineId, image }, sink) => {
      const docker = engines.get(engineId).requireConnected();
      const handle = pullImage(docker, image, (event, bytes) => sink.push(event, bytes));
      handle.done.then(
        () => sink.end(),
        (err: unknown) => sink.end(err),
      );
      return { pause: handle.pause, resume: handle.resume, close: handle.close };
    },
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
