// The image calls the run dialog and recreate need: local tags (suggestions), presence, and pull with
// progress. Pull reads the engine's JSON progress lines itself so the stream can be paused, resumed
// and closed (closing aborts the HTTP request, which cancels the pull in the engine).
import type Dockerode from 'dockerode';
import type { ImagePresence, LocalImageTag } from '../shared/contract/images';
import { BerthError } from '../shared/errors';
import type { PullEvent } from '../shared/run/pull-progress';
import { engineCall, toBerthError } from './engine-errors';

export async function listImageTags(docker: Dockerode): Promise<LocalImageTag[]> {
  const images = await engineCall(() => docker.listImages());
  const tags: LocalImageTag[] = [];
  for (const image of images) {
    for (const tag of image.RepoTags ?? []) {
      if (tag === '<none>:<none>') continue;
      tags.push({ tag, id: image.Id, size: image.Size, created: image.Created });
    }
  }
  return tags.sort((a, b) => b.created - a.created || a.tag.localeCompare(b.tag));
}

export async function imagePresence(docker: Dockerode, image: string): Promise<ImagePresence> {
  try {
    const info = await docker.getImage(image).inspect();
    return { present: true, id: info.Id };
  } catch (err) {
    const error = toBerthError(err);
    if (error.code === 'not_found') return { present: false };
    throw error;
  }
}

/**
 * Whether an image came from a registry, so that pulling it can bring a newer version: the reference
 * names a registry host, or the engine recorded a digest for its repository (pulled or pushed).
 * Images built or loaded locally have neither, and pulling them would ask Docker Hub for a name it
 * may not have.
 */
export function cameFromRegistry(reference: string, repoDigests: readonly string[]): boolean {
  if (/^sha256:[0-9a-f]{64}$/.test(reference) || /^[0-9a-f]{12,64}$/.test(reference)) return false;
  const repository = reference.split('@')[0].replace(/:[^:/]+$/, '');
  return repoDigests.some((digest) => digest.split('@')[0] === repository);
}

interface RawProgress {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
}

export interface PullHandle {
  /** Resolves when the engine reports the pull complete; rejects with a BerthError. */
  done: Promise<void>;
  pause(): void;
  resume(): void;
  /** Stops reading and aborts the request. */
  close(): void;
}

function pullError(message: string, image: string): BerthError {
  if (/no basic auth credentials|unauthorized|authentication required/i.test(message)) {
    return new BerthError('unauthorized', `The registry refused to give ${image} without credentials.`, message);
  }
  if (/not found|manifest unknown|does not exist/i.test(message)) {
    return new BerthError('not_found', `The registry has no image ${image}.`, message);
  }
  if (/connection refused|no such host|i\/o timeout|dial tcp/i.test(message)) {
    return new BerthError('engine_error', `The engine could not reach the registry for ${image}.`, message);
  }
  return new BerthError('engine_error', `Pulling ${image} failed: ${message}`);
}

export function pullImage(docker: Dockerode, image: string, onEvent: (event: PullEvent, bytes: number) => void): PullHandle {
  let response: NodeJS.ReadableStream & { destroy?: () => void } | undefined;
  let closed = false;
  const done = (async () => {
    const stream = (await engineCall(() => docker.pull(image) as Promise<NodeJS.ReadableStream>, `Pulling ${image} failed`)) as NodeJS.ReadableStream & {
      destroy?: () => void;
    };
    response = stream;
    if (closed) stream.destroy?.();
    await new Promise<void>((resolve, reject) => {
      let buffered = '';
      let failed: BerthError | undefined;
      const handleLine = (line: string) => {
        if (!line.trim()) return;
        let raw: RawProgress;
        try {
          raw = JSON.parse(line) as RawProgress;
        } catch {
          return; // not a progress line; the engine sends only JSON here
        }
        if (raw.error || raw.errorDetail?.message) {
          failed ??= pullError(raw.errorDetail?.message ?? raw.error ?? 'unknown error', image);
          return;
        }
        const event: PullEvent = { status: raw.status ?? '' };
        if (raw.id) event.layer = raw.id;
        if (raw.progressDetail?.current !== undefined) event.current = raw.progressDetail.current;
        if (raw.progressDetail?.total) event.total = raw.progressDetail.total;
        onEvent(event, line.length);
      };
      stream.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        lines.forEach(handleLine);
      });
      stream.on('end', () => {
        handleLine(buffered);
        if (failed) reject(failed);
        else if (closed) reject(new BerthError('engine_error', `Pulling ${image} was cancelled.`));
        else resolve();
      });
      stream.on('error', (err) => reject(closed ? new BerthError('engine_error', `Pulling ${image} was cancelled.`) : toBerthError(err)));
      stream.on('close', () => {
        if (closed) reject(new BerthError('engine_error', `Pulling ${image} was cancelled.`));
      });
    });
  })();
  return {
    done,
    pause: () => response?.pause(),
    resume: () => response?.resume(),
    close: () => {
      closed = true;
      response?.destroy?.();
    },
  };
}
