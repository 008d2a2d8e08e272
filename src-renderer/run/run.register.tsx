// Plugs run and recreate into the containers panel: row (and details header) actions to recreate a
// container, duplicate it into the run dialog, and copy it as a `docker run` line or compose service.
// The toolbar's "Run…" button is RunButton.tsx. Loaded by main.tsx with every other *.register file.
import { CopyPlus, FileCode2, RefreshCcw } from 'lucide-react';
import { registerContainerAction } from '../panels/containers/extensions';
import { copyContainerAs, duplicateContainer, recreateContainer } from './run-actions';

registerContainerAction({
  id: 'recreate',
  label: 'Recreate',
  icon: RefreshCcw,
  // Main refuses --rm containers in words (stopping would remove them, leaving nothing to roll back to).
  isEnabled: (container) => container.state !== 'removing' && container.state !== 'dead',
  run: recreateContainer,
  inRowMenu: true,
});

registerContainerAction({
  id: 'duplicate',
  label: 'Duplicate',
  icon: CopyPlus,
  isEnabled: (container) => container.state !== 'removing',
  run: (container) => void duplicateContainer(container),
  inRowMenu: true,
});

registerContainerAction({
  id: 'copy-as',
  label: 'Copy as command',
  icon: FileCode2,
  isEnabled: (container) => container.state !== 'removing',
  run: copyContainerAs,
  inRowMenu: true,
});
