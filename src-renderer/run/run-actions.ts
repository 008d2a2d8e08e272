// How the rest of the app opens the run feature: a new run, a container duplicated into the run dialog,
// recreate, and "copy as". Each mounts the dialogs on first use.
import type { ContainerSummary } from '../../src-main/shared/dto';
import type { RunSpec } from '../../src-main/shared/run';
import { client, ClientError } from '../ipc/client';
import { useBerth } from '../store';
import { ensureRunDialogsMounted } from './run-dialog-root';
import { useRunUi, type ContainerRef } from './run-ui-store';

const refOf = (c: ContainerSummary): ContainerRef => ({ engineId: c.engineId, id: c.id, name: c.name, image: c.image });

export function openRunDialog(engineId: string, spec?: RunSpec, options: { title?: string; notes?: string[] } = {}): void {
  ensureRunDialogsMounted();
  useRunUi.getState().show({ kind: 'run', engineId, spec, title: options.title ?? 'Run a container', notes: options.notes ?? [] });
}

/** A name not used on the engine: web → web-copy, web-copy-2, … */
export function copyName(name: string, taken: ReadonlySet<string>): string {
  if (!name) return '';
  let candidate = `${name}-copy`;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}-copy-${n}`;
  return candidate;
}

export async function duplicateContainer(container: ContainerSummary): Promise<void> {
  try {
    const { spec, notCarried } = await client.invoke('run.specFromContainer', { engineId: container.engineId, id: container.id });
    const existing = useBerth.getState().containers[container.engineId]?.byId ?? {};
    const taken = new Set(Object.values(existing).map((c) => c.name));
    const notes: string[] = [];
    if (spec.ports.some((p) => /:\d/.test(p)) && container.state === 'running') {
      notes.push(`${container.name} is running with the same host ports: change them under Ports, or stop it first.`);
    }
    if (notCarried.length) notes.push(`Not carried over: ${notCarried.join(', ')}.`);
    openRunDialog(container.engineId, { ...spec, name: copyName(spec.name, taken) }, { title: `Duplicate ${container.name}`, notes });
  } catch (err) {
    useBerth.getState().pushToast('error', `Cannot duplicate ${container.name}: ${err instanceof ClientError ? err.message : String(err)}`);
  }
}

export function recreateContainer(container: ContainerSummary): void {
  ensureRunDialogsMounted();
  useRunUi.getState().show({ kind: 'recreate', container: refOf(container) });
}

export function copyContainerAs(container: ContainerSummary): void {
  ensureRunDialogsMounted();
  useRunUi.getState().show({ kind: 'copy', container: refOf(container) });
}
