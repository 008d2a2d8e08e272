// Contract entries for the Images panel: the engine's local images from an event-fed cache (snapshot,
// then patches), details with the layer history, adding a tag, removing a tag or an image, and the calls
// the run dialog uses (local tags for suggestions, presence, pull with progress).
import { z } from 'zod';
import type { EngineId } from '../dto';
import type { PullEvent } from '../run/pull-progress';
import { engineIdSchema, engineScoped, event, invoke, stream } from './define';

export interface LocalImageTag {
  /** "repo:tag" as the engine lists it. */
  tag: string;
  id: string;
  size: number;
  /** Epoch seconds. */
  created: number;
}

export interface ImagePresence {
  present: boolean;
  id?: string;
}

/** One local image, as the engine lists it. Rows in the panel are its tags (or one "<none>" row). */
export interface ImageSummary {
  engineId: EngineId;
  /** "sha256:<64 hex>". */
  id: string;
  /** "repo:tag" references; empty for a dangling image (the engine's "<none>:<none>" is dropped). */
  repoTags: string[];
  /** "repo@sha256:…" for images pulled from or pushed to a registry. */
  repoDigests: string[];
  /** Bytes, shared layers included (the engine's "Size"). */
  size: number;
  /** Epoch seconds. */
  created: number;
  labels: Record<string, string>;
}

export interface ImagesSnapshot {
  engineId: EngineId;
  seq: number;
  images: ImageSummary[];
}

/** A change to one engine's image list; `seq` orders patches against snapshots. */
export interface ImagesPatch {
  engineId: EngineId;
  seq: number;
  upserts: ImageSummary[];
  /** Image ids that are gone. */
  removals: string[];
}

export interface ImageHistoryEntry {
  /** The layer's image id, or "<missing>" for layers that came from a registry. */
  id: string;
  /** Epoch seconds. */
  created: number;
  /** The Dockerfile instruction (or command) that made the layer. */
  createdBy: string;
  size: number;
  comment: string;
  tags: string[];
}

export interface ImageDetails {
  engineId: EngineId;
  id: string;
  repoTags: string[];
  repoDigests: string[];
  size: number;
  /** Epoch seconds. */
  created: number;
  architecture: string;
  os: string;
  author: string;
  cmd: string[];
  entrypoint: string[];
  env: { key: string; value: string }[];
  /** "80/tcp", "6379/tcp", … */
  exposedPorts: string[];
  volumes: string[];
  workingDir: string;
  user: string;
  stopSignal: string;
  labels: Record<string, string>;
  /** Newest layer first, as `docker history` shows it. */
  history: ImageHistoryEntry[];
  /** The engine's full inspect document, for the JSON view. */
  raw: unknown;
}

export interface ImageRemoval {
  /** References that were removed ("repo:tag"). */
  untagged: string[];
  /** Image and layer ids whose data was deleted; empty when only a tag went. */
  deleted: string[];
}

/** An image id, "repo:tag" or "repo@digest" as the engine accepts it; the full grammar is checked in main. */
const imageReference = z
  .string()
  .trim()
  .min(1, 'an image is required')
  .max(1024)
  .regex(/^[^\s]+$/, 'an image reference has no spaces');

export const imageInvokes = {
  /** Every local image of the engine (docker images), from Berth's event-fed cache. */
  'images.list': invoke<ImagesSnapshot>()(engineScoped),
  /** An image's configuration and its layer history (docker image inspect + docker history). */
  'images.inspect': invoke<ImageDetails>()(z.object({ engineId: engineIdSchema, image: imageReference })),
  /** docker tag: gives the image one more "repo[:tag]" (":latest" when no tag is given). */
  'images.addTag': invoke<{ tag: string }>()(
    z.object({ engineId: engineIdSchema, image: imageReference, target: z.string().max(1024) }),
  ),
  /**
   * docker rmi of one reference: a tag of an image with other tags only loses that tag; the last tag
   * (or an id) deletes the image. The engine refuses when a container uses the image (code in_use,
   * the users named in the message); `force` deletes anyway when those containers are stopped.
   */
  'images.remove': invoke<ImageRemoval>()(
    z.object({ engineId: engineIdSchema, reference: imageReference, force: z.boolean().default(false) }),
  ),
  /** Local images' repo tags, newest first, for the run dialog's Image suggestions. */
  'images.tags': invoke<LocalImageTag[]>()(engineScoped),
  /** Whether an image is on the engine (by reference or id). */
  'images.presence': invoke<ImagePresence>()(z.object({ engineId: engineIdSchema, image: imageReference })),
};

export const imageStreams = {
  /** Pull an image, streaming the engine's progress; ends with an error if the pull fails. */
  'images.pull': stream<PullEvent>()(z.object({ engineId: engineIdSchema, image: imageReference })),
};

export const imageEvents = {
  /** Images pulled, tagged, untagged, deleted, imported or loaded on one engine, coalesced. */
  'images.patch': event<ImagesPatch>(),
};
