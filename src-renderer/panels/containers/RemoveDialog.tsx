// Confirms a removal after asking main what exactly goes: each container (running ones are stopped
// first, forced), the anonymous volumes that go only if the user ticks the box, and the named volumes
// and binds that always stay.
import { HardDrive, Trash2, TriangleAlert } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { RemovalPreview } from '../../../src-main/shared/contract';
import { client, ClientError } from '../../ipc/client';
import { Dialog } from '../../ui/Dialog';
import { removeContainers } from './container-actions';
import { useContainersView } from './view-store';

type PreviewState = { status: 'loading' } | { status: 'ready'; previews: RemovalPreview[] } | { status: 'error'; message: string };

function usePreview(engineId: string, ids: readonly string[]): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    client.invoke('containers.removalPreview', { engineId, ids: [...ids] }).then(
      (previews) => live && setState({ status: 'ready', previews }),
      (err) => live && setState({ status: 'error', message: err instanceof ClientError ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [engineId, ids]);
  return state;
}

function PreviewList({ previews, removeVolumes, onRemoveVolumes }: { previews: RemovalPreview[]; removeVolumes: boolean; onRemoveVolumes: (v: boolean) => void }) {
  const anonymous = previews.flatMap((p) => p.anonymousVolumes.map((v) => `${v} — ${p.name}`));
  const kept = previews.flatMap((p) => p.keptMounts.map((m) => `${m} — ${p.name}`));
  return (
    <>
      <ul className="removal-list" aria-label="Containers to remove">
        {previews.map((p) => (
          <li key={p.id}>
            <span className="removal-name">{p.name}</span>
            {p.running && <span className="removal-note">running — it will be stopped first (forced)</span>}
          </li>
        ))}
      </ul>
      {anonymous.length > 0 ? (
        <div className="removal-volumes">
          <label className="checkbox">
            <input type="checkbox" checked={removeVolumes} onChange={(e) => onRemoveVolumes(e.target.checked)} />
            Also remove anonymous volumes
          </label>
          <ul className="removal-sublist" aria-label="Anonymous volumes">
            {anonymous.map((v) => (
              <li key={v} data-removed={removeVolumes || undefined}>
                <HardDrive aria-hidden /> {v}
              </li>
            ))}
          </ul>
          <p className="removal-help">{removeVolumes ? 'Their data is deleted with the containers.' : 'Left unticked, these volumes stay on the engine.'}</p>
        </div>
      ) : (
        <p className="removal-help">No anonymous volumes to remove.</p>
      )}
      {kept.length > 0 && (
        <div className="removal-kept">
          <div className="field-label">Kept (named volumes and bind mounts are never removed here)</div>
          <ul className="removal-sublist" aria-label="Kept mounts">
            {kept.map((m) => (
              <li key={m}>
                <HardDrive aria-hidden /> {m}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

export function RemoveDialog({ engineId, ids }: { engineId: string; ids: readonly string[] }) {
  const preview = usePreview(engineId, ids);
  const [removeVolumes, setRemoveVolumes] = useState(false);
  const close = () => useContainersView.getState().cancelRemove();

  const count = preview.status === 'ready' ? preview.previews.length : ids.length;
  // The dialog closes at once; the rows say "Removing…" until the engine is done, and failures appear
  // above the list (the names are kept, so they read well even once the rows are gone).
  const confirm = () => {
    if (preview.status !== 'ready') return;
    close();
    void removeContainers(engineId, preview.previews, { removeVolumes });
  };

  return (
    <Dialog
      title={count === 1 ? 'Remove container?' : `Remove ${count} containers?`}
      onClose={close}
      width={560}
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="button" className="btn btn-danger" onClick={confirm} disabled={preview.status !== 'ready'}>
            <Trash2 aria-hidden />
            {count === 1 ? 'Remove' : `Remove ${count}`}
          </button>
        </>
      }
    >
      {preview.status === 'loading' && (
        <div className="dialog-loading" role="status">
          <span className="spinner" aria-hidden /> Checking what would be removed…
        </div>
      )}
      {preview.status === 'error' && (
        <div className="alert alert-error" role="alert">
          <TriangleAlert aria-hidden />
          <span>Could not check what would be removed: {preview.message}</span>
        </div>
      )}
      {preview.status === 'ready' && <PreviewList previews={preview.previews} removeVolumes={removeVolumes} onRemoveVolumes={setRemoveVolumes} />}
    </Dialog>
  );
}
