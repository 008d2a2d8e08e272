// A details pane whose object was removed while it was open (here or with the docker CLI).
import { Trash2, X } from 'lucide-react';

/** `noun` is singular and capitalised ("Container", "Image"). */
export function DetailsGone({ noun, onClose }: { noun: string; onClose(): void }) {
  return (
    <aside className="details-pane" aria-label={`${noun} details`}>
      <div className="details-header">
        <h2 className="details-title">{noun} removed</h2>
        <button type="button" className="icon-btn" aria-label="Close details" onClick={onClose}>
          <X />
        </button>
      </div>
      <div className="empty-state">
        <Trash2 aria-hidden />
        <h2>This {noun.toLowerCase()} no longer exists</h2>
        <p>It was removed, here or elsewhere (for example with the docker CLI).</p>
        <button type="button" className="btn" onClick={onClose}>
          Close details
        </button>
      </div>
    </aside>
  );
}
