// The selected engine's image rows with their "in use" counts: images from the images slice, users
// from the containers slice (so a container created or removed changes the count at once).
import { useMemo } from 'react';
import type { ImageSummary } from '../../../src-main/shared/contract/images';
import type { ContainerSummary } from '../../../src-main/shared/dto';
import { useBerth } from '../../store';
import { imageRows, usageByImage, type ImageRow } from './images.presentation';

const NO_IMAGES: Record<string, ImageSummary> = {};
const NO_CONTAINERS: Record<string, ContainerSummary> = {};

export function useImageRows(engineId: string | undefined): ImageRow[] {
  const images = useBerth((s) => (engineId ? s.images[engineId]?.byId : undefined) ?? NO_IMAGES);
  const containers = useBerth((s) => (engineId ? s.containers[engineId]?.byId : undefined) ?? NO_CONTAINERS);
  const usage = useMemo(() => usageByImage(Object.values(containers)), [containers]);
  return useMemo(() => imageRows(Object.values(images), usage), [images, usage]);
}
