// Container operations on one engine: inspect, top, lifecycle actions and removal.
import type Dockerode from 'dockerode';
import type { RemovalPreview } from '../shared/contract';
import type { BulkResult, ContainerAction, ContainerDetails, ContainerProcesses, EngineId } from '../shared/dto';
import { toContainerDetails } from './containers.mapping';
import { engineCall, toBerthError } from './engine-errors';

export async function inspectContainer(docker: Dockerode, engineId: EngineId, id: string): Promise<ContainerDetails> {
  const info = await engineCall(() => docker.getContainer(id).inspect());
  return toContainerDetails(engineId, info);
}

export async function topContainer(docker: Dockerode, id: string): Promise<ContainerProcesses> {
  const top = (await engineCall(() => docker.getContainer(id).top())) as { Titles?: string[]; Processes?: string[][] };
  return { titles: top.Titles ?? [], processes: top.Processes ?? [] };
}

async function runAction(docker: Dockerode, id: string, action: ContainerAction): Promise<void> {
  const container = docker.getContainer(id);
  switch (action) {
    case 'start':
      return container.start();
    case 'stop':
      return container.stop();
    case 'restart':
      return container.restart();
    case 'pause':
      return container.pause();
    case 'unpause':
      return container.unpause();
    case 'kill':
      return container.kill();
  }
}

/** Runs the action on each container; one failing does not stop the others. */
export async function actOnContainers(docker: Dockerode, ids: string[], action: ContainerAction): Promise<BulkResult[]> {
  return Promise.all(
    ids.map(async (id): Promise<BulkResult> => {
      try {
        await runAction(docker, id, action);
        return { id, ok: true };
      } catch (err) {
        const error = toBerthError(err);
        // Starting a running container (or stopping a stopped one) already is what the user wanted.
        if (error.code === 'not_modified') return { id, ok: true };
        return { id, ok: false, error: { code: error.code, message: error.message } };
      }
    }),
  );
}

export async function previewRemoval(docker: Dockerode, ids: string[]): Promise<RemovalPreview[]> {
  return Promise.all(
    ids.map(async (id) => {
      const info = await engineCall(() => docker.getContainer(id).inspect());
      const anonymousVolumes: string[] = [];
      const keptMounts: string[] = [];
      for (const mount of info.Mounts ?? []) {
        // A volume is anonymous when it has a generated 64-hex name and no compose/user name.
        if (mount.Type === 'volume' && mount.Name && /^[0-9a-f]{64}$/.test(mount.Name)) {
          anonymousVolumes.push(`${mount.Name.slice(0, 12)} (at ${mount.Destination})`);
        } else {
          keptMounts.push(`${mount.Type === 'volume' ? `volume ${mount.Name}` : `${mount.Type} ${mount.Source}`} → ${mount.Destination}`);
        }
      }
      return {
        id: info.Id,
        name: info.Name.replace(/^\//, ''),
        running: !!info.State?.Running,
        anonymousVolumes,
        keptMounts,
      };
    }),
  );
}

export async function removeContainers(
  docker: Dockerode,
  ids: string[],
  options: { force: boolean; removeVolumes: boolean },
): Promise<BulkResult[]> {
  return Promise.all(
    ids.map(async (id): Promise<BulkResult> => {
      try {
        await docker.getContainer(id).remove({ force: options.force, v: options.removeVolumes });
        return { id, ok: true };
      } catch (err) {
        const error = toBerthError(err);
        return { id, ok: false, error: { code: error.code, message: error.message } };
      }
    }),
  );
}
