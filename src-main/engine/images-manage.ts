// Changing local images: add a tag (docker tag) and remove a tag or an image (docker rmi). The engine's
// refusals are turned into sentences that name what is in the way (which containers, running or not),
// with the engine's own words kept as the detail.
import type Dockerode from 'dockerode';
import type { ImageRemoval } from '../shared/contract/images';
import type { ContainerSummary } from '../shared/dto';
import { BerthError } from '../shared/errors';
import { parseTagTarget } from '../shared/images/tag-target';
import { engineCall, toBerthError } from './engine-errors';

export async function addImageTag(docker: Dockerode, image: string, target: string): Promise<{ tag: string }> {
  const parsed = parseTagTarget(target);
  if (!parsed.ok) throw new BerthError('invalid_input', parsed.error, 'field:target');
  const { repo, tag } = parsed;
  await engineCall(() => docker.getImage(image).tag({ repo, tag }), `Cannot tag ${image} as ${repo}:${tag}`);
  return { tag: `${repo}:${tag}` };
}

/** Containers (running or not) created from an image, by image id. */
export type ImageUsers = (imageId: string) => readonly ContainerSummary[];

function describeUsers(users: readonly ContainerSummary[]): string {
  const named = users.map((c) => `${c.name} (${c.state === 'running' || c.state === 'paused' || c.state === 'restarting' ? c.state : 'stopped'})`);
  if (named.length === 1) return `container ${named[0]}`;
  const shown = named.slice(0, 5).join(', ');
  return `${users.length} containers: ${shown}${named.length > 5 ? `, and ${named.length - 5} more` : ''}`;
}

const isLive = (c: ContainerSummary) => c.state === 'running' || c.state === 'paused' || c.state === 'restarting';

async function imageIdOf(docker: Dockerode, reference: string): Promise<string | undefined> {
  try {
    return (await docker.getImage(reference).inspect()).Id;
  } catch {
    return undefined;
  }
}

/** The engine's 409 in words: who uses the image, and what the person can do about it. */
function refusal(reference: string, engineText: string, users: readonly ContainerSummary[]): BerthError {
  if (/dependent child images/i.test(engineText)) {
    return new BerthError('conflict', `Other images are built on ${reference}: remove them first.`, engineText);
  }
  if (/referenced in multiple repositories/i.test(engineText)) {
    return new BerthError('conflict', `${reference} has several tags: remove them one at a time, or remove it by a tag.`, engineText);
  }
  if (users.length) {
    const them = users.length === 1 ? 'it' : 'them';
    const forceable = !users.some(isLive);
    return new BerthError(
      'in_use',
      `${reference} is used by ${describeUsers(users)}. The engine refuses to remove an image a container uses: remove ${them} first${forceable ? ', or force the removal' : ''}.`,
      engineText,
    );
  }
  if (/container ([0-9a-f]{12})/i.test(engineText)) {
    const id = /container ([0-9a-f]{12})/i.exec(engineText)![1];
    return new BerthError('in_use', `${reference} is used by container ${id}. The engine refuses to remove an image a container uses: remove the container first.`, engineText);
  }
  return new BerthError('conflict', `The engine refused to remove ${reference}: ${engineText}`, engineText);
}

interface RemoveResponseItem {
  Untagged?: string;
  Deleted?: string;
}

export async function removeImage(docker: Dockerode, reference: string, options: { force: boolean; usersOf: ImageUsers }): Promise<ImageRemoval> {
  if (options.force) {
    // Forcing past a running container only untags and leaves the data behind: not what "force
    // remove" promises. Say so instead of doing half of it.
    const id = await imageIdOf(docker, reference);
    const live = id ? options.usersOf(id).filter(isLive) : [];
    if (live.length) {
      throw new BerthError(
        'in_use',
        `${reference} is used by ${describeUsers(live)}. Force removal applies only to images of stopped containers: stop ${live.length === 1 ? 'it' : 'them'} first.`,
      );
    }
  }
  let response: RemoveResponseItem[];
  try {
    response = (await docker.getImage(reference).remove({ force: options.force })) as RemoveResponseItem[];
  } catch (err) {
    const error = toBerthError(err);
    if (error.code !== 'conflict' && error.code !== 'in_use') throw error;
    const id = await imageIdOf(docker, reference);
    throw refusal(reference, error.message, id ? options.usersOf(id) : []);
  }
  return {
    untagged: response.flatMap((item) => (item.Untagged ? [item.Untagged] : [])),
    deleted: response.flatMap((item) => (item.Deleted ? [item.Deleted] : [])),
  };
}
