// Plugs the Images panel's data feed in at start-up (images.patch events, reloads after reconnects).
// The panel itself is listed in App.tsx's PANELS and the sidebar; its palette commands come from
// ui/palette. Loaded by main.tsx with every other *.register file.
import { startImagesSync } from './images-sync';

startImagesSync();
