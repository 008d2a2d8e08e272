// Image calls: the list from the event-fed cache (its patches go out on the bus as images.patch),
// details with history, tag and remove, and the run dialog's tags, presence and pull.
import type { imageInvokes, imageStreams } from '../../shared/contract/images';
import type { InvokeHandlers, StreamProducers } from '../router';
import type { Services } from '../../services';
import { engineCall } from '../../engine/engine-errors';
import { ImagesCaches } from '../../engine/images-caches';
import { inspectImage } from '../../engine/images-inspect';
import { imagePresence, listImageTags, pullImage } from '../../engine/images';
import { addImageTag, removeImage } from '../../engine/images-manage';

export function imageHandlers({ engines, bus }: Services): Pick<InvokeHandlers, keyof typeof imageInvokes> {
  const caches = new ImagesCaches(engines, bus, (patch) => bus.emit('images.patch', patch));
  return {
    'images.list': async ({ engineId }) => (await engineCall(() => caches.loaded(engineId), 'Cannot list images')).snapshot(),
    'images.inspect': ({ engineId, image }) => inspectImage(engines.get(engineId).requireConnected(), engineId, image),
    'images.addTag': ({ engineId, image, target }) => addImageTag(engines.get(engineId).requireConnected(), image, target),
    'images.remove': ({ engineId, reference, force }) => {
      const engine = engines.get(engineId);
      const docker = engine.requireConnected();
      const usersOf = (imageId: string) => engine.containers.snapshot().containers.filter((c) => c.imageId === imageId);
      return removeImage(docker, reference, { force, usersOf });
    },
    'images.tags': ({ engineId }) => listImageTags(engines.get(engineId).requireConnected()),
    'images.presence': ({ engineId, image }) => imagePresence(engines.get(engineId).requireConnected(), image),
  };
}

export function imageProducers({ engines }: Services): Pick<StreamProducers, keyof typeof imageStreams> {
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
  };
}
