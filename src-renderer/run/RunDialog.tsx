// The run dialog: everything `docker run` can say, as labelled fields in sections, checked as you type
// (errors show beside a field once you leave it, and all of them when you press Run — before anything
// is sent to the engine). Under the form, the equivalent `docker run` line, and the reverse: paste one.
// Engine refusals land beside their field; the dialog stays filled so the fix is one edit away.
import { Info, Play, TriangleAlert } from 'lucide-react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  formatRunCommand,
  mergeEnv,
  parseEnvFile,
  RESTART_POLICIES,
  RUN_FIELD_LABELS,
  validateRunSpec,
  type FieldMessages,
  type ParsedRunCommand,
  type RunField,
  type RunSpec,
} from '../../src-main/shared/run';
import { useBerth } from '../store';
import { Dialog } from '../ui/Dialog';
import { EquivalentCommand, hasPasteReport, PasteReportView, type PasteReport } from './EquivalentCommand';
import { ImageField } from './ImageField';
import { PullProgressBar } from './PullProgressBar';
import { afterRun } from './run-after';
import { customModeFlags, emptyRunForm, formFromSpec, linesOf, modeOf, RUN_MODES, specFromForm, withMode, type RunForm, type RunMode } from './run-form';
import { RunFailure, submitRun, type RunPhase } from './run-submit';
import { CheckField, ListField, SelectField, TextField } from './RunFields';
import './run.css';

interface RunDialogProps {
  engineId: string;
  initial?: RunSpec;
  title: string;
  notes: string[];
  onClose: () => void;
}

const SECTION_FIELDS: Record<string, RunField[]> = {
  network: ['ports', 'publishAll', 'network', 'networkAliases', 'links', 'addHosts'],
  storage: ['volumes', 'mounts', 'volumesFrom'],
  environment: ['env', 'labels'],
  advanced: ['entrypoint', 'workdir', 'user', 'hostname', 'cpus', 'memory', 'init', 'privileged', 'capAdd', 'capDrop'],
};

function Section({ title, summary, defaultOpen, forceOpen, children }: { title: string; summary?: string; defaultOpen: boolean; forceOpen: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <details className="run-section" open={open || forceOpen} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>
        <span className="run-section-title">{title}</span>
        {summary && <span className="run-section-summary">{summary}</span>}
      </summary>
      <div className="run-grid">{children}</div>
    </details>
  );
}

const hasValue = (form: RunForm, fields: RunField[]) =>
  fields.some((field) => {
    const value = (form as unknown as Record<string, unknown>)[field];
    return typeof value === 'boolean' ? value : !!value;
  });

function focusFirstInvalid(): void {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('.run-dialog [aria-invalid="true"]');
    field?.scrollIntoView({ block: 'center' });
    field?.focus({ preventScroll: true });
  });
}

function phaseText(phase: RunPhase): string {
  switch (phase.phase) {
    case 'checking':
      return 'Looking for the image…';
    case 'pulling':
      return 'Pulling the image…';
    case 'creating':
      return 'Creating and starting the container…';
  }
}

export function RunDialog({ engineId, initial, title, notes, onClose }: RunDialogProps) {
  const [form, setForm] = useState<RunForm>(() => (initial ? formFromSpec(initial) : emptyRunForm()));
  const [touched, setTouched] = useState<ReadonlySet<RunField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [phase, setPhase] = useState<RunPhase>();
  const [failure, setFailure] = useState<RunFailure>();
  const [pasteReport, setPasteReport] = useState<PasteReport>();
  const [envNote, setEnvNote] = useState<string>();
  // Bumped when a pasted line replaces the form, so sections re-open around what it filled.
  const [formVersion, setFormVersion] = useState(0);
  const cpuCount = useBerth((s) => s.engines[engineId]?.info?.cpus);
  const engineName = useBerth((s) => s.engines[engineId]?.name ?? engineId);

  const { spec, errors: formErrors } = useMemo(() => specFromForm(form), [form]);
  const validation = useMemo(() => validateRunSpec(spec, { cpuCount }), [spec, cpuCount]);
  const errors: FieldMessages = { ...validation.errors, ...formErrors };
  const line = useMemo(() => formatRunCommand(spec), [spec]);
  const busy = phase !== undefined;

  const shown = (field: RunField): string | undefined => {
    if (failure?.field === field) return failure.message;
    return submitted || touched.has(field) ? errors[field] : undefined;
  };
  const touch = (field: RunField) => () => setTouched((prev) => (prev.has(field) ? prev : new Set(prev).add(field)));
  const set = <K extends keyof RunForm>(field: K, value: RunForm[K]) => {
    setForm((prev) => ({ ...prev, [field]: value }));
    if (failure && (failure.field === field || !failure.field)) setFailure(undefined);
  };
  const text = (field: keyof RunForm & RunField) => ({
    value: form[field] as string,
    onChange: (value: string) => set(field, value as never),
    onBlur: touch(field),
    error: shown(field),
    warning: validation.warnings[field],
  });
  const sectionHasError = (section: string) => submitted && SECTION_FIELDS[section].some((f) => errors[f] || failure?.field === f);

  // An engine refusal about a field: bring that field into view, focused, wherever the form was scrolled.
  useEffect(() => {
    if (failure?.field) focusFirstInvalid();
  }, [failure]);

  const run = async () => {
    setSubmitted(true);
    setFailure(undefined);
    if (Object.keys(errors).length) {
      // Nothing goes to the engine; take the user to the first field that needs them.
      focusFirstInvalid();
      return;
    }
    try {
      const result = await submitRun(engineId, spec, setPhase);
      onClose();
      afterRun(engineId, spec, result);
    } catch (err) {
      setFailure(err instanceof RunFailure ? err : new RunFailure(String(err)));
      setPhase(undefined);
    }
  };

  const applyPaste = (parsed: ParsedRunCommand) => {
    setForm(formFromSpec(parsed.spec));
    setFailure(undefined);
    setTouched(new Set());
    setSubmitted(false);
    setFormVersion((v) => v + 1);
    setPasteReport({ unknownFlags: parsed.unknownFlags, unsupportedFlags: parsed.unsupportedFlags, notes: parsed.notes });
  };

  const importEnvFile = async (file: File) => {
    const { entries, skipped } = parseEnvFile(await file.text());
    set('env', mergeEnv(linesOf(form.env), entries).join('\n'));
    setEnvNote(`${entries.length} from ${file.name}${skipped.length ? `; skipped ${skipped.join('; ')}` : ''}`);
  };

  const mode = modeOf(form);
  const modeOptions: { value: RunMode; label: string; disabled?: boolean }[] = RUN_MODES.map((m) => ({ value: m.mode, label: `${m.label} (${m.flags})` }));
  if (mode === 'custom') modeOptions.push({ value: 'custom', label: `Custom (${customModeFlags(form)})`, disabled: true });

  const footer = (
    <>
      <div className="run-footer-status">
        {phase?.phase === 'pulling' ? (
          <PullProgressBar image={spec.image} progress={phase.progress} />
        ) : phase ? (
          <span className="run-busy" role="status">
            <span className="spinner spinner-xs" aria-hidden /> {phaseText(phase)}
          </span>
        ) : failure && !failure.field ? (
          <div className="alert alert-error run-failure" role="alert">
            <TriangleAlert aria-hidden /> {failure.message}
          </div>
        ) : failure?.field ? (
          <span className="field-error">The engine refused: see {RUN_FIELD_LABELS[failure.field]}.</span>
        ) : submitted && Object.keys(errors).length ? (
          <span className="field-error">Fix the highlighted fields; nothing was sent to the engine.</span>
        ) : (
          <span className="muted">on {engineName}</span>
        )}
      </div>
      <button type="button" className="btn" onClick={onClose} disabled={busy}>
        Cancel
      </button>
      <button type="button" className="btn btn-primary" onClick={() => void run()} disabled={busy}>
        {busy ? <span className="spinner spinner-xs spinner-on-accent" aria-hidden /> : <Play aria-hidden />}
        {busy ? 'Running…' : 'Run'}
      </button>
    </>
  );

  return (
    <Dialog title={title} onClose={onClose} width={780} busy={busy} footer={footer}>
      <div
        className="run-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !busy) void run();
        }}
      >
        {notes.length > 0 && (
          <div className="alert alert-info" role="note">
            <Info aria-hidden />
            <div>{notes.map((note) => <div key={note}>{note}</div>)}</div>
          </div>
        )}
        {hasPasteReport(pasteReport) && <PasteReportView report={pasteReport} onDismiss={() => setPasteReport(undefined)} />}
        <div className="run-grid run-grid-top">
          <div className="run-field-wide">
            <ImageField engineId={engineId} value={form.image} onChange={(v) => set('image', v)} onBlur={touch('image')} error={shown('image')} />
          </div>
          <TextField label="Name" flag="--name" placeholder="chosen by the engine" {...text('name')} />
          <SelectField<RunMode>
            label="Mode"
            value={mode}
            options={modeOptions}
            onChange={(value) => value !== 'custom' && setForm((prev) => withMode(prev, value))}
            hint={mode === 'interactive' ? 'Opens a terminal on the container once it starts.' : undefined}
          />
          <TextField label="Command" placeholder="the image’s default" wide mono {...text('command')} hint="Arguments after the image, quoted as in a shell." />
          <SelectField
            label="Restart policy"
            flag="--restart"
            value={form.restart}
            options={RESTART_POLICIES.map((p) => ({ value: p, label: p }))}
            onChange={(value) => set('restart', value)}
            error={shown('restart')}
          />
          {(form.restart === 'on-failure' || form.restartRetries) && (
            <TextField label="Max retries" placeholder="unlimited" inputMode="numeric" {...text('restartRetries')} />
          )}
          <div className="run-checks">
            <CheckField label="Remove when it exits" flag="--rm" checked={form.autoRemove} onChange={(v) => set('autoRemove', v)} />
          </div>
        </div>

        <Section key={`Ports and network-${formVersion}`} title="Ports and network" summary={form.ports ? linesOf(form.ports).join(', ') : undefined} defaultOpen forceOpen={sectionHasError('network')}>
          <ListField label="Ports" flag="-p" rows={2} placeholder={'8080:80\n127.0.0.1:5432:5432/tcp'} hint="[ip:]host:container[/tcp|udp|sctp], one per line; ranges like 8000-8002:80-82." {...text('ports')} />
          <div className="run-stack">
            <TextField label="Network" flag="--network" placeholder="default bridge" {...text('network')} />
            <CheckField label="Publish all exposed ports" flag="-P" checked={form.publishAll} onChange={(v) => set('publishAll', v)} />
          </div>
          <ListField label="Network aliases" flag="--network-alias" placeholder="api" {...text('networkAliases')} />
          <ListField label="Links" flag="--link" placeholder="db:database" hint="Legacy: container[:alias]." {...text('links')} />
          <ListField label="Extra hosts" flag="--add-host" placeholder="db.local:10.0.0.2" {...text('addHosts')} />
        </Section>

        <Section key={`Storage-${formVersion}`} title="Storage" summary={[...linesOf(form.volumes), ...linesOf(form.mounts)].join(', ') || undefined} defaultOpen={hasValue(form, SECTION_FIELDS.storage)} forceOpen={sectionHasError('storage')}>
          <ListField label="Volumes" flag="-v" rows={2} placeholder={'data:/var/lib/data\n/srv/conf:/etc/app:ro'} hint="name:/path (named), /host:/path (bind), /path (anonymous); :ro for read-only." {...text('volumes')} />
          <ListField label="Mounts" flag="--mount" placeholder="type=tmpfs,target=/tmp" {...text('mounts')} />
          <ListField label="Volumes from" flag="--volumes-from" placeholder="other-container[:ro]" {...text('volumesFrom')} />
        </Section>

        <Section key={`Environment and labels-${formVersion}`} title="Environment and labels" summary={form.env ? `${linesOf(form.env).length} variables` : undefined} defaultOpen forceOpen={sectionHasError('environment')}>
          <ListField
            label="Environment"
            flag="-e"
            placeholder={'KEY=value\nDEBUG=1'}
            rows={3}
            hint={envNote ?? 'KEY=VALUE, one per line.'}
            actions={
              <label className="btn btn-compact btn-ghost run-import">
                Import env file…
                <input
                  type="file"
                  className="visually-hidden"
                  accept=".env,.txt,text/plain"
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    if (file) void importEnvFile(file);
                    e.target.value = '';
                  }}
                />
              </label>
            }
            {...text('env')}
          />
          <ListField label="Labels" flag="-l" placeholder="com.example.team=core" rows={3} {...text('labels')} />
        </Section>

        <Section key={`Runtime and resources-${formVersion}`} title="Runtime and resources" defaultOpen={hasValue(form, SECTION_FIELDS.advanced)} forceOpen={sectionHasError('advanced')}>
          <TextField label="Entrypoint" flag="--entrypoint" placeholder="the image’s default" mono {...text('entrypoint')} />
          <TextField label="Working directory" flag="-w" placeholder="/app" mono {...text('workdir')} />
          <TextField label="User" flag="-u" placeholder="name, uid, uid:gid" {...text('user')} />
          <TextField label="Hostname" flag="-h" placeholder="from the container id" {...text('hostname')} />
          <TextField label="CPUs" flag="--cpus" placeholder={cpuCount ? `up to ${cpuCount}` : '1.5'} inputMode="decimal" {...text('cpus')} />
          <TextField label="Memory" flag="-m" placeholder="512m, 1g" {...text('memory')} />
          <ListField label="Add capabilities" flag="--cap-add" placeholder="NET_ADMIN" {...text('capAdd')} />
          <ListField label="Drop capabilities" flag="--cap-drop" placeholder="MKNOD" {...text('capDrop')} />
          <div className="run-checks run-field-wide">
            <CheckField label="Run an init process" flag="--init" checked={form.init} onChange={(v) => set('init', v)} />
            <CheckField label="Privileged" flag="--privileged" checked={form.privileged} onChange={(v) => set('privileged', v)} warning={validation.warnings.privileged} />
          </div>
        </Section>

        <EquivalentCommand line={line} onPaste={applyPaste} />
      </div>
    </Dialog>
  );
}
