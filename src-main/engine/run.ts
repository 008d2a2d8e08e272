// Create and start a container from a RunSpec. The spec is validated again here (the renderer already
// did, but main never trusts its input), the image must be local (the dialog pulls it first, with
// progress), and a container whose start fails is removed again so the dialog can simply retry with
// the same name. Refusals come back in words, with the field they are about in the error's detail.
import type Dockerode from 'dockerode';
import type { RunResult } from '../shared/contract/run';
import { BerthError } from '../shared/errors';
import { RUN_FIELD_LABELS, describeRunFailure, fieldDetail, validateRunSpec, type RunField, type RunSpec } from '../shared/run';
import { toBerthError } from './engine-errors';
import { imagePresence } from './images';
import { runSpecToCreateBody } from './run.mapping';

export interface RunOptions {
  /** The engine's CPU count, to check --cpus before the engine does. */
  cpuCount?: number;
}

/** Rewrites an engine failure in words and marks the field it is about. */
export function runFailure(err: unknown, spec: Pick<RunSpec, 'entrypoint'>): BerthError {
  const error = toBerthError(err);
  const described = describeRunFailure(error.message, { entrypoint: spec.entrypoint });
  return new BerthError(error.code, described.message, fieldDetail(described.field) ?? error.detail);
}

export function assertValidRunSpec(spec: RunSpec, options: RunOptions = {}): void {
  const { errors } = validateRunSpec(spec, { cpuCount: options.cpuCount });
  const first = Object.entries(errors)[0] as [RunField, string] | undefined;
  if (first) throw new BerthError('invalid_input', `${RUN_FIELD_LABELS[first[0]]}: ${first[1]}`, fieldDetail(first[0]));
}

export async function runContainer(docker: Dockerode, spec: RunSpec, options: RunOptions = {}): Promise<RunResult> {
  assertValidRunSpec(spec, options);
  const presence = await imagePresence(docker, spec.image);
  if (!presence.present) {
    throw new BerthError('not_found', `The image ${spec.image} is not on this engine: pull it first.`, fieldDetail('image'));
  }
  let container: Dockerode.Container;
  try {
    container = await docker.createContainer(runSpecToCreateBody(spec));
  } catch (err) {
    throw runFailure(err, spec);
  }
  try {
    await container.start();
  } catch (err) {
    // Leave nothing behind: the user fixes the field and runs again with the same name.
    await container.remove({ force: true, v: true }).catch(() => undefined);
    throw runFailure(err, spec);
  }
  try {
    const info = await container.inspect();
    return { id: info.Id, name: info.Name.replace(/^\//, ''), running: info.State.Running };
  } catch {
    // --rm and already exited: the container is gone, which is what the user asked for.
    return { id: container.id, name: spec.name, running: false };
  }
}
