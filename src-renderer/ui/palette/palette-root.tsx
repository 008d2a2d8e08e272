// The palette lives in a small React root of its own, created on first use (like the run dialogs), so
// the app shell only hosts its button. It shares the app's stores and theme, which are global.
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { CommandPalette } from './CommandPalette';
import { usePalette } from './palette-store';
import './palette.css';

let root: Root | undefined;

function PaletteHost() {
  const open = usePalette((s) => s.open);
  return open ? <CommandPalette /> : null;
}

export function ensurePaletteMounted(): void {
  if (root) return;
  const host = document.createElement('div');
  host.id = 'berth-command-palette';
  document.body.appendChild(host);
  root = createRoot(host);
  root.render(
    <StrictMode>
      <PaletteHost />
    </StrictMode>,
  );
}

export function openPalette(): void {
  ensurePaletteMounted();
  usePalette.getState().show();
}

export function togglePalette(): void {
  ensurePaletteMounted();
  usePalette.getState().toggle();
}
