// The bottom drawer that shows the workspace's open views as tabs (see workspace.ts). Renders nothing
// while no view is open.
import { ChevronDown, ChevronUp, ExternalLink, X } from 'lucide-react';
import { ResizeHandle } from './ResizeHandle';
import { popOutUrl, useWorkspace, viewComponent, type WorkspaceView } from './workspace';

function UnknownView({ view }: { view: WorkspaceView }) {
  return (
    <div className="empty-state">
      <h2>Nothing can show “{view.title}”</h2>
      <p>No view is registered for “{view.kind}”.</p>
    </div>
  );
}

export function WorkspaceDrawer() {
  const { views, activeId, minimised, height, activate, close, setMinimised, setHeight } = useWorkspace();
  if (views.length === 0) return null;
  const active = views.find((v) => v.id === activeId) ?? views[0];

  const popOut = (view: WorkspaceView) => {
    window.open(popOutUrl(view), '_blank');
    close(view.id);
  };

  return (
    <section className="workspace-drawer" aria-label="Workspace" style={minimised ? undefined : { height }}>
      {!minimised && (
        <ResizeHandle
          orientation="horizontal"
          size={height}
          min={140}
          max={Math.max(200, window.innerHeight - 200)}
          growsTowardsStart
          label="Resize workspace"
          onResize={setHeight}
        />
      )}
      <div className="workspace-tabs">
        <div role="tablist" aria-label="Open views" className="workspace-tablist">
          {views.map((view) => (
            <div key={view.id} className="workspace-tab" data-active={view.id === active.id}>
              <button
                type="button"
                role="tab"
                aria-selected={view.id === active.id}
                aria-controls={`workspace-view-${view.id}`}
                className="workspace-tab-title"
                onClick={() => activate(view.id)}
                title={view.title}
              >
                {view.title}
              </button>
              <button type="button" className="icon-btn workspace-tab-close" aria-label={`Close ${view.title}`} onClick={() => close(view.id)}>
                <X />
              </button>
            </div>
          ))}
        </div>
        <span className="spacer" />
        <button type="button" className="icon-btn" aria-label={`Open ${active.title} in a new window`} title="Pop out" onClick={() => popOut(active)}>
          <ExternalLink />
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-label={minimised ? 'Restore workspace' : 'Minimise workspace'}
          title={minimised ? 'Restore' : 'Minimise'}
          onClick={() => setMinimised(!minimised)}
        >
          {minimised ? <ChevronUp /> : <ChevronDown />}
        </button>
      </div>
      {views.map((view) => {
        const Component = viewComponent(view.kind);
        const isActive = view.id === active.id && !minimised;
        return (
          <div key={view.id} id={`workspace-view-${view.id}`} role="tabpanel" aria-label={view.title} className="workspace-view" hidden={!isActive}>
            {Component ? <Component view={view} active={isActive} /> : <UnknownView view={view} />}
          </div>
        );
      })}
    </section>
  );
}

/** A pop-out window: one view, full size, nothing else. */
export function PopOutView({ view }: { view: WorkspaceView }) {
  const Component = viewComponent(view.kind);
  return (
    <main className="popout-view" aria-label={view.title}>
      {Component ? <Component view={view} active /> : <UnknownView view={view} />}
    </main>
  );
}
