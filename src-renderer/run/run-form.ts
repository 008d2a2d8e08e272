// The run dialog's form state and its two-way mapping to a RunSpec. Lists are edited as text, one
// entry per line (what people paste from notes); the command is edited as a shell line and split with
// the same quoting rules as a pasted `docker run`. Pure: unit-tested without a DOM.
import {
  emptyRunSpec,
  joinShellWords,
  splitShellWords,
  type FieldMessages,
  type RestartPolicyName,
  type RunSpec,
} from '../../src-main/shared/run';

export const LIST_FIELDS = [
  'ports',
  'volumes',
  'mounts',
  'volumesFrom',
  'env',
  'networkAliases',
  'links',
  'labels',
  'addHosts',
  'capAdd',
  'capDrop',
] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export type RunForm = Omit<RunSpec, 'command' | ListField> & { command: string } & Record<ListField, string>;

/** How the container is started, as the Mode select offers it. */
export type RunMode = 'detached' | 'interactive' | 'detached-tty' | 'foreground' | 'custom';

export const RUN_MODES: { mode: Exclude<RunMode, 'custom'>; label: string; flags: string }[] = [
  { mode: 'detached', label: 'Detached', flags: '-d' },
  { mode: 'interactive', label: 'Interactive terminal', flags: '-it' },
  { mode: 'detached-tty', label: 'Detached with a terminal ready', flags: '-dit' },
  { mode: 'foreground', label: 'Attached output', flags: 'no -d' },
];

export function modeOf(form: Pick<RunForm, 'detach' | 'interactive' | 'tty'>): RunMode {
  const { detach, interactive, tty } = form;
  if (detach && !interactive && !tty) return 'detached';
  if (!detach && interactive && tty) return 'interactive';
  if (detach && interactive && tty) return 'detached-tty';
  if (!detach && !interactive && !tty) return 'foreground';
  return 'custom';
}

export function withMode<F extends Pick<RunForm, 'detach' | 'interactive' | 'tty'>>(form: F, mode: Exclude<RunMode, 'custom'>): F {
  switch (mode) {
    case 'detached':
      return { ...form, detach: true, interactive: false, tty: false };
    case 'interactive':
      return { ...form, detach: false, interactive: true, tty: true };
    case 'detached-tty':
      return { ...form, detach: true, interactive: true, tty: true };
    case 'foreground':
      return { ...form, detach: false, interactive: false, tty: false };
  }
}

export function customModeFlags(form: Pick<RunForm, 'detach' | 'interactive' | 'tty'>): string {
  return `-${form.detach ? 'd' : ''}${form.interactive ? 'i' : ''}${form.tty ? 't' : ''}`;
}

/** Text of a list field → its entries: one per line, blank lines dropped, line ends trimmed. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .filter((line) => line.trim() !== '');
}

export function formFromSpec(spec: RunSpec): RunForm {
  const form = { ...spec, command: joinShellWords(spec.command) } as unknown as RunForm;
  for (const field of LIST_FIELDS) form[field] = spec[field].join('\n');
  return form;
}

export const emptyRunForm = (overrides: Partial<RunSpec> = {}): RunForm => formFromSpec(emptyRunSpec(overrides));

export interface FormToSpec {
  spec: RunSpec;
  /** Problems of the form itself (the command line cannot be split), beside their fields. */
  errors: FieldMessages;
}

export function specFromForm(form: RunForm): FormToSpec {
  const errors: FieldMessages = {};
  const split = splitShellWords(form.command);
  if (split.error) errors.command = `${split.error} Quote arguments the way a shell would.`;
  else if (split.stoppedAt) errors.command = `"${split.stoppedAt}" ends a shell command; to run several, write sh -c '… ${split.stoppedAt} …'.`;
  const spec = { ...form, command: split.words } as unknown as RunSpec;
  for (const field of LIST_FIELDS) spec[field] = linesOf(form[field]);
  spec.image = form.image.trim();
  spec.name = form.name.trim();
  spec.restart = form.restart as RestartPolicyName;
  return { spec, errors };
}
