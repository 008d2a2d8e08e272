// The renderer's state: one slice per resource, combined once. Slices are fed by sync.ts from main's
// events, outside React; components read them with selectors.
import { create } from 'zustand';
import { createContainersSlice, type ContainersSlice } from './containers-slice';
import { createEnginesSlice, type EnginesSlice } from './engines-slice';
import { createImagesSlice, type ImagesSlice } from './images-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

export type BerthState = EnginesSlice & ContainersSlice & UiSlice & ImagesSlice;

export const useBerth = create<BerthState>()((...a) => ({
  ...createEnginesSlice(...a),
  ...createContainersSlice(...a),
  ...createUiSlice(...a),
  ...createImagesSlice(...a),
}));
