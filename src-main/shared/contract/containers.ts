import { z } from 'zod';
import type {
  BulkResult,
  ContainerDetails,
  ContainerProcesses,
  ContainersPatch,
  ContainersSnapshot,
} from '../dto';
import { containerRefSchema, containerScoped, engineIdSchema, engineScoped, event, invoke } from './define';

const containerIds = z.array(containerRefSchema).min(1, 'select at least one container').max(5000);

export interface RemovalPreview {
  id: string;
  name: string;
  running: boolean;
  /** Anonymous volumes that go too when the user ticks "remove anonymous volumes". */
  anonymousVolumes: string[];
  /** Named volumes and binds that stay, whatever the user ticks. */
  keptMounts: string[];
}

export const containerInvokes = {
  /** The engine's full container list (running and stopped) from Berth's event-fed cache. */
  'containers.list': invoke<ContainersSnapshot>()(engineScoped),
  'containers.inspect': invoke<ContainerDetails>()(containerScoped),
  /** Processes inside a running container (docker top). */
  'containers.top': invoke<ContainerProcesses>()(containerScoped),
  /** One lifecycle action on one or many containers; each gets its own result. */
  'containers.action': invoke<BulkResult[]>()(
    z.object({
      engineId: engineIdSchema,
      ids: containerIds,
      action: z.enum(['start', 'stop', 'restart', 'pause', 'unpause', 'kill']),
    }),
  ),
  /** What removing these containers would take with it, for the confirmation dialog. */
  'containers.removalPreview': invoke<RemovalPreview[]>()(z.object({ engineId: engineIdSchema, ids: containerIds })),
  'containers.remove': invoke<BulkResult[]>()(
    z.object({
      engineId: engineIdSchema,
      ids: containerIds,
      /** Stop running containers first (docker rm -f). */
      force: z.boolean().default(true),
      /** Also remove the containers' anonymous volumes (docker rm -v); named volumes always stay. */
      removeVolumes: z.boolean().default(false),
    }),
  ),
};

export const containerEvents = {
  /** Containers created, changed or removed on one engine, coalesced. */
  'containers.patch': event<ContainersPatch>(),
};
