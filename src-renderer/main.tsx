// Styles first: theme tokens and shared classes, before any component's own CSS, so components can
// refine them.
import './ui/theme.css';
import './ui/extras.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startSync } from './store/sync';

// Features plug into the shell from their own `*.register.ts(x)` files (container row actions, details
// tabs, workspace view kinds — see panels/containers/extensions.ts and ui/workspace.ts). Importing them
// all here, eagerly, means adding a feature never needs an edit to this file.
import.meta.glob('./**/*.register.{ts,tsx}', { eager: true });

startSync();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
