// Recreate ("update": pull, stop, rm, run) without losing the container if the new one fails:
//   inspect → pull (only images that came from a registry) → stop → rename old to <name>-old-<short id>
//   → create the new one under the name (networks, aliases, volumes carried) → start → check it runs
//   → remove the old one.
// Anything failing after the old one is stopped rolls back: the new one is removed, the old one gets its
// name back and is started again if it was running. Closing the stream cancels only a pull in progress;
// once the old container has been touched, the recreate (or its rollback) always runs to the end.
import type Dockerode from 'dockerode';
import type { RecreateEvent, RecreateResult, RecreateStep } from '../shared/contract/run';
import { BerthError } from '../shared/errors';
import { describeRunFailure } from '../shared/run';
import type { ContainerInfo, ImageConfig } from './run.own-config';
import { engineCall, toBerthError } from './engine-errors';
import { cameFromRegistry, pullImage, type PullHandle } from './images';
import { recreatePlan } from './recreate.mapping';

export interface RecreateOptions {
  pull: boolean;
  onEvent: (event: RecreateEvent) => void;
  /** How long a started container must stay up to count as running. */
  settleMs?: number;
}

export interface RecreateHandle {
  done: Promise<RecreateResult>;
  /** The consumer went away: cancel a pull in progress; later steps finish regardless. */
  cancel(): void;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function imageConfig(docker: Dockerode, image: string): Promise<{ id: string; config: ImageConfig; repoDigests: string[] } | undefined> {
  try {
    const info = await docker.getImage(image).inspect();
    return { id: info.Id, config: info.Config as ImageConfig, repoDigests: info.RepoDigests ?? [] };
  } catch {
    return undefined;
  }
}

/** The text of a logs buffer: multiplexed frames (8-byte header each) unless the container has a TTY. */
function logText(raw: Buffer): string {
  const multiplexed = raw.length >= 8 && raw[0] <= 2 && raw[1] === 0 && raw[2] === 0 && raw[3] === 0;
  if (!multiplexed) return raw.toString('utf8');
  const parts: Buffer[] = [];
  for (let offset = 0; offset + 8 <= raw.length; ) {
    const size = raw.readUInt32BE(offset + 4);
    parts.push(raw.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  return Buffer.concat(parts).toString('utf8');
}

async function lastLogLines(container: Dockerode.Container): Promise<string> {
  try {
    const raw = (await container.logs({ stdout: true, stderr: true, tail: 5 })) as unknown as Buffer;
    return logText(raw)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .slice(-3)
      .join(' / ');
  } catch {
    return '';
  }
}

export function recreateContainer(docker: Dockerode, id: string, options: RecreateOptions): RecreateHandle {
  let cancelled = false;
  let pull: PullHandle | undefined;
  const step = (name: RecreateStep, message: string) => options.onEvent({ kind: 'step', step: name, message });

  const done = (async (): Promise<RecreateResult> => {
    step('inspect', 'Reading the container’s configuration');
    const info: ContainerInfo = await engineCall(() => docker.getContainer(id).inspect());
    // By id from here on: the name moves to the new container.
    const old = docker.getContainer(info.Id);
    const name = info.Name.replace(/^\//, '');
    if (info.HostConfig.AutoRemove) {
      throw new BerthError(
        'conflict',
        `${name} was started with --rm: stopping it would remove it, so it could not be kept for a rollback. Duplicate it into the run dialog instead.`,
      );
    }
    const reference = info.Config.Image;
    const oldImage = await imageConfig(docker, info.Image);
    const current = await imageConfig(docker, reference);

    let pulled = false;
    if (options.pull && current && cameFromRegistry(reference, current.repoDigests)) {
      step('pull', `Pulling ${reference}`);
      pull = pullImage(docker, reference, (event) => options.onEvent({ kind: 'pull', event }));
      await pull.done;
      pull = undefined;
      pulled = true;
    }
    if (cancelled) throw new BerthError('engine_error', 'Recreate was cancelled before the container was touched.');
    // A reference that no longer resolves (tag removed) recreates on the exact image the container had.
    const target = (await imageConfig(docker, reference)) ? reference : info.Image;
    const newImage = await imageConfig(docker, target);
    const plan = recreatePlan(info, oldImage?.config, target);

    const wasRunning = info.State.Running;
    const oldName = `${name}-old-${info.Id.slice(0, 12)}`;
    let renamed = false;
    let created: Dockerode.Container | undefined;
    try {
      if (wasRunning) {
        step('stop', `Stopping ${name}`);
        await engineCall(() => old.stop(), `Stopping ${name} failed`).catch((err: BerthError) => {
          if (err.code !== 'not_modified') throw err;
        });
      }
      step('rename', `Keeping the old container as ${oldName}`);
      await engineCall(() => old.rename({ name: oldName }), `Renaming ${name} failed`);
      renamed = true;

      step('create', `Creating the new ${name}`);
      created = await engineCall(() => docker.createContainer(plan.body));
      for (const { network, config } of plan.extraNetworks) {
        await engineCall(() => docker.getNetwork(network).connect({ Container: created!.id, EndpointConfig: config }), `Connecting to ${network} failed`);
      }
      if (wasRunning) {
        step('start', `Starting the new ${name}`);
        await created.start();
        await delay(options.settleMs ?? 1000);
        const state = (await created.inspect()).State;
        if (!state.Running) {
          const lines = await lastLogLines(created);
          throw new BerthError('engine_error', `The new container stopped right after starting (exit code ${state.ExitCode})${lines ? `: ${lines}` : ''}.`);
        }
      }
    } catch (err) {
      const failure = toBerthError(err);
      const reason = describeRunFailure(failure.message).message;
      step('rollback', `Rolling back: ${reason}`);
      const problems: string[] = [];
      if (created) await created.remove({ force: true }).catch((e: unknown) => problems.push(`removing the new container: ${toBerthError(e).message}`));
      if (renamed) await old.rename({ name }).catch((e: unknown) => problems.push(`renaming ${oldName} back: ${toBerthError(e).message}`));
      if (wasRunning) await old.start().catch((e: unknown) => problems.push(`starting the old container: ${toBerthError(e).message}`));
      const outcome = problems.length
        ? `Rolling back was incomplete (${problems.join('; ')}).`
        : `Rolled back: ${name} is ${wasRunning ? 'running' : 'back'} on its old image.`;
      throw new BerthError(failure.code, `Recreating ${name} failed: ${reason} ${outcome}`, failure.detail);
    }

    step('cleanup', `Removing ${oldName}`);
    await engineCall(() => old.remove({ force: true, v: false }), `The new ${name} runs, but removing ${oldName} failed`);
    const result: RecreateResult = {
      name,
      oldId: info.Id,
      newId: created!.id,
      oldImageId: info.Image,
      newImageId: newImage?.id ?? info.Image,
      pulled,
    };
    options.onEvent({ kind: 'done', result });
    return result;
  })();

  return {
    done,
    cancel: () => {
      cancelled = true;
      pull?.close();
    },
  };
}
