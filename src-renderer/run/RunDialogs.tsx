// Shows whichever run-feature dialog is open (run, recreate, copy as). Keyed by the open count, so
// opening again starts from a fresh form.
import { CopyAsDialog } from './CopyAsDialog';
import { RecreateDialog } from './RecreateDialog';
import { RunDialog } from './RunDialog';
import { useRunUi } from './run-ui-store';

export function RunDialogs() {
  const dialog = useRunUi((s) => s.dialog);
  const openCount = useRunUi((s) => s.openCount);
  const close = useRunUi((s) => s.close);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'run':
      return <RunDialog key={openCount} engineId={dialog.engineId} initial={dialog.spec} title={dialog.title} notes={dialog.notes} onClose={close} />;
    case 'recreate':
      return <RecreateDialog key={openCount} container={dialog.container} onClose={close} />;
    case 'copy':
      return <CopyAsDialog key={openCount} container={dialog.container} onClose={close} />;
  }
}
