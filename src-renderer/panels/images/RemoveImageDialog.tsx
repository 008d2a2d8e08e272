// Remove…: says exactly what goes before it runs — only this tag (the image keeps its other names and
// all its data), or the image itself (its last tag, or an untagged image) — and which containers use
// it. The engine refuses to delete an image a container uses; its refusal is shown here in words, and
// "Force" is offered only when every such container is stopped (forcing past a running one would only
// untag, leaving the data behind).
import { Box, Tag, Trash2, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import { ClientError } from '../../ipc/client';
import { Dialog } from '../../ui/Dialog';
import { errorMessage, removeImageReference } from './image-actions';
import { containerStateWord, formatSize, removalPlan, shortImageId, type ImageRow, type RemovalPlan } from './images.presentation';
import { useImagesView } from './view-store';

interface Refusal {
  message: string;
  detail?: string;
  inUse: boolean;
  /** What blocked the removal when it was refused: Force is offered only while that is still "stopped". */
  blockedBy: RemovalPlan['blockedBy'];
}

export function RemoveImageDialog({ engineId, row }: { engineId: string; row: ImageRow }) {
  const plan = removalPlan(row);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | undefined>();
  const close = () => useImagesView.getState().closeDialog();
  const canForce = refusal?.inUse === true && refusal.blockedBy === 'stopped' && plan.blockedBy === 'stopped';

  const remove = async (force: boolean) => {
    setBusy(true);
    setRefusal(undefined);
    try {
      await removeImageReference(engineId, plan.reference, force);
      close();
    } catch (err) {
      const code = err instanceof ClientError ? err.code : undefined;
      setRefusal({
        message: errorMessage(err),
        detail: err instanceof ClientError && err.detail && !err.detail.startsWith('HTTP') ? err.detail : undefined,
        inUse: code === 'in_use',
        blockedBy: plan.blockedBy,
      });
      setBusy(false);
    }
  };

  const stoppedUsers = plan.users.map((c) => c.name).join(', ');
  return (
    <Dialog
      title={plan.deletesImage ? 'Remove image?' : 'Remove tag?'}
      onClose={close}
      busy={busy}
      width={560}
      footer={
        <>
          <button type="button" className="btn" onClick={close} disabled={busy}>
            Cancel
          </button>
          {canForce ? (
            <button type="button" className="btn btn-danger" onClick={() => void remove(true)} disabled={busy}>
              <Trash2 aria-hidden />
              Force remove
            </button>
          ) : (
            <button type="button" className="btn btn-danger" onClick={() => void remove(false)} disabled={busy}>
              {busy ? <span className="spinner spinner-xs spinner-on-accent" aria-hidden /> : <Trash2 aria-hidden />}
              {plan.deletesImage ? 'Remove image' : 'Remove tag'}
            </button>
          )}
        </>
      }
    >
      <ul className="removal-list" aria-label="What is removed">
        {plan.tag && (
          <li>
            <Tag aria-hidden className="img-removal-icon" />
            <span className="img-removal-kind">Tag</span>
            <span className="removal-name mono">{plan.tag}</span>
          </li>
        )}
        {plan.deletesImage && (
          <li>
            <Box aria-hidden className="img-removal-icon" />
            <span className="img-removal-kind">Image</span>
            <span className="removal-name mono">{shortImageId(row.image.id)}</span>
            <span className="muted">{formatSize(row.image.size)}, its data deleted (layers other images share stay)</span>
          </li>
        )}
      </ul>
      {plan.deletesImage ? (
        <p className="removal-help">
          {plan.tag ? 'This is the image’s only tag, so the image itself is deleted.' : 'This image has no tag; it is deleted.'}
        </p>
      ) : (
        <p className="removal-help">
          Only the tag goes. The image and its data stay, still tagged{' '}
          <span className="mono">{plan.otherTags.join(', ')}</span>.
        </p>
      )}
      {plan.users.length > 0 && (
        <div className="removal-kept">
          <div className="field-label">Containers created from this image</div>
          <ul className="removal-sublist" aria-label="Containers using the image">
            {plan.users.map((c) => (
              <li key={c.id}>
                {c.name} <span className="faint">({containerStateWord(c)})</span>
              </li>
            ))}
          </ul>
          {!plan.deletesImage && <p className="removal-help">They are not affected: the image stays.</p>}
          {plan.blockedBy === 'running' && !refusal && (
            <p className="removal-help">The engine refuses to delete an image a running container uses: stop and remove the container first.</p>
          )}
          {plan.blockedBy === 'stopped' && !refusal && (
            <p className="removal-help">The engine refuses to delete an image a container uses, unless the removal is forced.</p>
          )}
        </div>
      )}
      {refusal && (
        <div className="alert alert-error" role="alert">
          <TriangleAlert aria-hidden />
          <div className="img-refusal">
            <span>{refusal.message}</span>
            {refusal.detail && <span className="img-refusal-detail">Engine: {refusal.detail}</span>}
          </div>
        </div>
      )}
      {canForce && (
        <div className="alert alert-warn" role="note" aria-label="About force">
          <TriangleAlert aria-hidden />
          <span>
            Force deletes the image although the stopped {plan.users.length === 1 ? 'container' : 'containers'} {stoppedUsers} {plan.users.length === 1 ? 'was' : 'were'} created
            from it. {plan.users.length === 1 ? 'It stays and can still start' : 'They stay and can still start'}, but will show the image by its id only.
          </span>
        </div>
      )}
    </Dialog>
  );
}
