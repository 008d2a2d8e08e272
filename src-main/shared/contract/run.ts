// Contract entries for run and recreate: create a container from a RunSpec (validated here with zod for
// shape and again in main with the same pure validator the dialog uses), turn an existing container back
// into a RunSpec (duplicate, copy as `docker run` or compose), and recreate a container on a newer image.
// The image calls the run dialog uses (tags, presence, pull) are in contract/images.ts.
import { z } from 'zod';
import type { PullEvent } from '../run/pull-progress';
import { RESTART_POLICIES, type RunSpec } from '../run/spec';
import { containerRefSchema, engineIdSchema, invoke, stream, containerScoped } from './define';

const shortText = z.string().max(1024);
const textList = z.array(z.string().max(8192)).max(500);

export const runSpecSchema = z.object({
  image: z.string().max(1024),
  name: z.string().max(256),
  command: z.array(z.string().max(65536)).max(1000),
  entrypoint: z.string().max(4096),
  detach: z.boolean(),
  interactive: z.boolean(),
  tty: z.boolean(),
  autoRemove: z.boolean(),
  ports: textList,
  publishAll: z.boolean(),
  volumes: textList,
  mounts: textList,
  volumesFrom: textList,
  env: textList,
  network: shortText,
  networkAliases: textList,
  links: textList,
  restart: z.enum(RESTART_POLICIES),
  restartRetries: z.string().max(16),
  workdir: z.string().max(4096),
  user: shortText,
  hostname: shortText,
  labels: textList,
  cpus: z.string().max(32),
  memory: z.string().max(32),
  init: z.boolean(),
  privileged: z.boolean(),
  addHosts: textList,
  capAdd: textList,
  capDrop: textList,
}) satisfies z.ZodType<RunSpec>;

export interface RunResult {
  id: string;
  name: string;
  /** Whether it was started (a container that exits at once with --rm is already gone). */
  running: boolean;
}

export interface SpecFromContainer {
  spec: RunSpec;
  /** Settings of the container a RunSpec cannot express (log driver, devices, …), in words. */
  notCarried: string[];
}

export type RecreateStep = 'inspect' | 'pull' | 'stop' | 'rename' | 'create' | 'start' | 'cleanup' | 'rollback';

export interface RecreateResult {
  name: string;
  oldId: string;
  newId: string;
  oldImageId: string;
  newImageId: string;
  /** Whether a pull was attempted (only for images that came from a registry). */
  pulled: boolean;
}

export type RecreateEvent =
  | { kind: 'step'; step: RecreateStep; message: string }
  | { kind: 'pull'; event: PullEvent }
  | { kind: 'done'; result: RecreateResult };

export type { PullEvent };

export const runInvokes = {
  /** Create and start a container from a RunSpec. Refusals come back in words with the field in detail ("field:ports"). */
  'run.create': invoke<RunResult>()(z.object({ engineId: engineIdSchema, spec: runSpecSchema })),
  /** An existing container as a RunSpec (image defaults left out), for duplicate and "copy as". */
  'run.specFromContainer': invoke<SpecFromContainer>()(containerScoped),
};

export const runEvents = {};

export const runStreams = {
  /**
   * Recreate a container on its image (pulled first when it came from a registry): same name, config,
   * volumes and networks. The old one is kept, stopped and renamed, until the new one runs; if the new
   * one fails, it is removed and the old one restored. Ends with a 'done' event, or an error.
   */
  'run.recreate': stream<RecreateEvent>()(
    z.object({ engineId: engineIdSchema, id: containerRefSchema, pull: z.boolean().default(true) }),
  ),
};
