// Commands made from what is on the selected engine: for each container, open a terminal (running
// only), show its logs, and start / stop / restart it as its state allows; for each compose project,
// show its services' logs interleaved; for each image tag, run it.
import { Layers, Play, RotateCw, ScrollText, Square, SquareTerminal } from 'lucide-react';
import type { ContainerSummary } from '../../../src-main/shared/dto';
import { emptyRunSpec } from '../../../src-main/shared/run';
import { containerLogsView, projectLogsView } from '../../logs/logs-views';
import { openTerminal } from '../../terminal/open-terminal';
import { runContainerAction } from '../../panels/containers/container-actions';
import { actionApplies } from '../../panels/containers/containers.presentation';
import { openRunDialog } from '../../run/run-actions';
import { useBerth } from '../../store';
import { openView } from '../workspace';
import type { PaletteCommand } from './command-registry';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function containerCommands(): PaletteCommand[] {
  const { selectedEngineId, containers, engines } = useBerth.getState();
  if (!selectedEngineId || engines[selectedEngineId]?.state !== 'connected') return [];
  const list = Object.values(containers[selectedEngineId]?.byId ?? {}).sort((a, b) => collator.compare(a.name, b.name));
  const commands: PaletteCommand[] = [];
  for (const c of list) {
    const keywords = [c.image, c.id.slice(0, 12), ...(c.composeProject ? [c.composeProject] : [])];
    if (c.state === 'running') {
      commands.push({
        id: `terminal:${c.id}`,
        title: `Open terminal in ${c.name}`,
        group: 'Containers',
        keywords: ['exec', 'shell', 'console', ...keywords],
        hint: c.image,
        icon: SquareTerminal,
        run: () => openTerminal({ engineId: c.engineId, id: c.id, name: c.name }),
      });
    }
    commands.push({
      id: `logs:${c.id}`,
      title: `Show logs of ${c.name}`,
      group: 'Containers',
      keywords: ['output', 'tail', ...keywords],
      hint: c.state,
      icon: ScrollText,
      run: () => openView(containerLogsView(c)),
    });
    if (actionApplies('start', c.state)) {
      commands.push({
        id: `start:${c.id}`,
        title: `Start ${c.name}`,
        group: 'Containers',
        keywords,
        hint: c.state,
        icon: Play,
        run: () => void runContainerAction(c.engineId, 'start', [c]),
      });
    }
    if (actionApplies('stop', c.state)) {
      commands.push({
        id: `stop:${c.id}`,
        title: `Stop ${c.name}`,
        group: 'Containers',
        keywords,
        hint: c.state,
        icon: Square,
        run: () => void runContainerAction(c.engineId, 'stop', [c]),
      });
    }
    if (actionApplies('restart', c.state)) {
      commands.push({
        id: `restart:${c.id}`,
        title: `Restart ${c.name}`,
        group: 'Containers',
        keywords,
        hint: c.state,
        icon: RotateCw,
        run: () => void runContainerAction(c.engineId, 'restart', [c]),
      });
    }
  }
  return [...projectCommands(list), ...commands];
}

/** "Show logs of compose project shop" for each compose project with a container on the engine. */
function projectCommands(list: readonly ContainerSummary[]): PaletteCommand[] {
  const projects = new Map<string, ContainerSummary[]>();
  for (const c of list) {
    if (c.composeProject) projects.set(c.composeProject, [...(projects.get(c.composeProject) ?? []), c]);
  }
  return [...projects].map(([project, members]) => ({
    id: `project-logs:${project}`,
    title: `Show logs of compose project ${project}`,
    group: 'Compose projects',
    keywords: ['compose', 'output', 'tail', ...members.map((c) => c.name)],
    hint: `${members.length} ${members.length === 1 ? 'container' : 'containers'}`,
    icon: Layers,
    run: () => openView(projectLogsView(members[0].engineId, project, members)),
  }));
}

/** "Run fixture/redis:latest…" for each tag, once the Images panel has listed them. */
export function imageCommands(): PaletteCommand[] {
  const { selectedEngineId, images, engines } = useBerth.getState();
  if (!selectedEngineId || engines[selectedEngineId]?.state !== 'connected') return [];
  const tags = Object.values(images[selectedEngineId]?.byId ?? {})
    .flatMap((image) => image.repoTags)
    .sort(collator.compare);
  return tags.map((tag) => ({
    id: `image:run:${tag}`,
    title: `Run ${tag}…`,
    group: 'Images',
    keywords: ['image', 'docker run'],
    icon: Play,
    run: () => openRunDialog(selectedEngineId, emptyRunSpec({ image: tag })),
  }));
}
