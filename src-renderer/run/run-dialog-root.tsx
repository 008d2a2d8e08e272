// The run feature's dialogs live in a small React root of their own, created on first use. That lets
// any part of the app (toolbar, row actions, a palette) open them without the app shell hosting them.
// They share the app's stores and theme (both are global), and a modal overlays the page anyway.
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { RunDialogs } from './RunDialogs';

let root: Root | undefined;

export function ensureRunDialogsMounted(): void {
  if (root) return;
  const host = document.createElement('div');
  host.id = 'berth-run-dialogs';
  document.body.appendChild(host);
  root = createRoot(host);
  root.render(
    <StrictMode>
      <RunDialogs />
    </StrictMode>,
  );
}
