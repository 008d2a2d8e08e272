// The app shell: sidebar, the current panel with the workspace drawer beneath it, the status bar, the
// bridge banner and toasts. A pop-out window (a workspace view opened in its own window) shows only
// that view. New panels go in PANELS below; logs, terminals and other views use ui/workspace.ts.
import { useMemo, type ComponentType } from 'react';
import { ContainersPanel } from './panels/containers/ContainersPanel';
import { ImagesPanel } from './panels/images/ImagesPanel';
import { useBerth } from './store';
import type { PanelId } from './store/ui-slice';
import { BridgeBanner } from './ui/shell/BridgeBanner';
import { Sidebar } from './ui/shell/Sidebar';
import { StatusBar } from './ui/shell/StatusBar';
import { useApplyTheme } from './ui/shell/ThemeSwitch';
import { Toasts } from './ui/shell/Toasts';
import { readPopOutRoute } from './ui/workspace';
import { PopOutView, WorkspaceDrawer } from './ui/WorkspaceDrawer';
import './ui/shell/shell.css';

const PANELS: Record<PanelId, ComponentType> = {
  containers: ContainersPanel,
  images: ImagesPanel,
};

export function App() {
  useApplyTheme();
  const panel = useBerth((s) => s.panel);
  const popOut = useMemo(() => readPopOutRoute(window.location.hash), []);

  if (popOut) {
    return (
      <div className="popout-shell">
        <BridgeBanner />
        <PopOutView view={popOut} />
        <Toasts />
      </div>
    );
  }

  const Panel = PANELS[panel];
  return (
    <div className="app-shell">
      <Sidebar />
      <div className="app-main">
        <BridgeBanner />
        <main className="app-content">
          <Panel />
        </main>
        <WorkspaceDrawer />
      </div>
      <StatusBar />
      <Toasts />
    </div>
  );
}
