// What the Images panel's actions do: open the run dialog on an image, add a tag, remove a tag or an
// image. Lists update from engine events, not from here; failures come back to the dialog that asked.
import type { ImageRemoval } from '../../../src-main/shared/contract/images';
import { emptyRunSpec } from '../../../src-main/shared/run';
import { client, ClientError } from '../../ipc/client';
import { openRunDialog } from '../../run/run-actions';
import { useBerth } from '../../store';
import { shortImageId, type ImageRow } from './images.presentation';

export function errorMessage(err: unknown): string {
  return err instanceof ClientError ? err.message : err instanceof Error ? err.message : String(err);
}

/** The row's name as people say it: "repo:tag", or "<none> (abc123…)" for a dangling image. */
export function rowTitle(row: ImageRow): string {
  return row.dangling ? `${row.repository === '<none>' ? '<none>' : row.repository} (${shortImageId(row.image.id)})` : row.reference;
}

export function runImage(engineId: string, row: ImageRow): void {
  openRunDialog(engineId, emptyRunSpec({ image: row.dangling ? row.image.id : row.reference }));
}

export async function addTag(engineId: string, image: string, target: string): Promise<string> {
  const { tag } = await client.invoke('images.addTag', { engineId, image, target });
  useBerth.getState().pushToast('success', `Tagged ${image} as ${tag}`);
  return tag;
}

export async function removeImageReference(engineId: string, reference: string, force: boolean): Promise<ImageRemoval> {
  const removal = await client.invoke('images.remove', { engineId, reference, force });
  const what = removal.deleted.length
    ? `Deleted ${reference.startsWith('sha256:') ? shortImageId(reference) : reference}`
    : `Removed the tag ${removal.untagged.join(', ')}`;
  useBerth.getState().pushToast('success', what);
  return removal;
}
