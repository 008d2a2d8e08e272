// The containers toolbar's "Run…" button: opens the run dialog on the selected engine.
import { Plus } from 'lucide-react';
import { openRunDialog } from './run-actions';

export function RunButton({ engineId }: { engineId: string }) {
  return (
    <button type="button" className="btn btn-compact btn-primary" onClick={() => openRunDialog(engineId)} title="Run a new container (docker run)">
      <Plus aria-hidden />
      Run…
    </button>
  );
}
