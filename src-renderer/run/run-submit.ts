// What pressing Run does: make sure the image is local (pull it with progress if not), then create and
// start the container. Failures come back as RunFailure with the field they belong beside.
import { client, ClientError } from '../ipc/client';
import type { RunResult } from '../../src-main/shared/contract/run';
import { applyPullEvent, emptyPullProgress, fieldFromDetail, type PullProgress, type RunField, type RunSpec } from '../../src-main/shared/run';

export type RunPhase = { phase: 'checking' } | { phase: 'pulling'; progress: PullProgress } | { phase: 'creating' };

export class RunFailure extends Error {
  constructor(
    message: string,
    readonly field?: RunField,
  ) {
    super(message);
  }
}

function failure(err: unknown, fallbackField?: RunField): RunFailure {
  if (err instanceof ClientError) return new RunFailure(err.message, fieldFromDetail(err.detail) ?? fallbackField);
  return new RunFailure(err instanceof Error ? err.message : String(err), fallbackField);
}

/** Pulls an image, reporting progress; resolves when the engine has it. */
export function pullWithProgress(engineId: string, image: string, onProgress: (progress: PullProgress) => void): { done: Promise<void>; cancel(): void } {
  let progress = emptyPullProgress();
  let settle!: { resolve: () => void; reject: (err: unknown) => void };
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const handle = client.openStream(
    'images.pull',
    { engineId, image },
    {
      onData: (chunks, bytes) => {
        progress = chunks.reduce(applyPullEvent, progress);
        onProgress(progress);
        handle.ack(bytes);
      },
      onEnd: (error) => (error ? settle.reject(error) : settle.resolve()),
    },
  );
  handle.opened.catch((err: unknown) => settle.reject(err));
  return { done, cancel: () => handle.close() };
}

export async function submitRun(engineId: string, spec: RunSpec, onPhase: (phase: RunPhase) => void): Promise<RunResult> {
  onPhase({ phase: 'checking' });
  let present: boolean;
  try {
    present = (await client.invoke('images.presence', { engineId, image: spec.image })).present;
  } catch (err) {
    throw failure(err, 'image');
  }
  if (!present) {
    onPhase({ phase: 'pulling', progress: emptyPullProgress() });
    try {
      await pullWithProgress(engineId, spec.image, (progress) => onPhase({ phase: 'pulling', progress })).done;
    } catch (err) {
      throw failure(err, 'image');
    }
  }
  onPhase({ phase: 'creating' });
  try {
    return await client.invoke('run.create', { engineId, spec });
  } catch (err) {
    throw failure(err);
  }
}
