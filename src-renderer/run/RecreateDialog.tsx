// Recreate ("update": pull, stop, rm, run) with its steps shown as they happen. The old container is
// kept (stopped, renamed) until the new one runs; if the new one fails, main rolls back and the dialog
// says so. At the end: the old and new image ids.
import { ArrowRight, Check, CircleAlert, RefreshCcw, TriangleAlert, Undo2 } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { RecreateEvent, RecreateResult, RecreateStep } from '../../src-main/shared/contract/run';
import { applyPullEvent, emptyPullProgress, type PullProgress } from '../../src-main/shared/run';
import { client, type StreamHandle } from '../ipc/client';
import { useBerth } from '../store';
import { Dialog } from '../ui/Dialog';
import { PullProgressBar } from './PullProgressBar';
import type { ContainerRef } from './run-ui-store';
import './run.css';

type Phase = 'confirm' | 'running' | 'done' | 'failed';

interface StepLine {
  step: RecreateStep;
  message: string;
}

export const shortImageId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

function ImageChange({ result }: { result: RecreateResult }) {
  const changed = result.oldImageId !== result.newImageId;
  return (
    <div className="recreate-images" aria-label="Image ids">
      <span className="field-label">Image</span>
      <code title={result.oldImageId}>{shortImageId(result.oldImageId)}</code>
      <ArrowRight aria-hidden />
      <code title={result.newImageId}>{shortImageId(result.newImageId)}</code>
      <span className={`badge ${changed ? 'badge-info' : ''}`}>{changed ? 'new image' : result.pulled ? 'already up to date' : 'same image'}</span>
    </div>
  );
}

export function RecreateDialog({ container, onClose }: { container: ContainerRef; onClose: () => void }) {
  const [pull, setPull] = useState(true);
  const [phase, setPhase] = useState<Phase>('confirm');
  const [steps, setSteps] = useState<StepLine[]>([]);
  const [progress, setProgress] = useState<PullProgress>();
  const [result, setResult] = useState<RecreateResult>();
  const [error, setError] = useState<string>();
  const stream = useRef<StreamHandle | undefined>(undefined);

  useEffect(() => () => stream.current?.close(), []);

  const start = () => {
    setPhase('running');
    setSteps([]);
    setError(undefined);
    let pullProgress = emptyPullProgress();
    const handle = client.openStream(
      'run.recreate',
      { engineId: container.engineId, id: container.id, pull },
      {
        onData: (chunks: RecreateEvent[], bytes) => {
          for (const event of chunks) {
            if (event.kind === 'step') setSteps((prev) => [...prev, { step: event.step, message: event.message }]);
            else if (event.kind === 'pull') {
              pullProgress = applyPullEvent(pullProgress, event.event);
              setProgress(pullProgress);
            } else setResult(event.result);
          }
          handle.ack(bytes);
        },
        onEnd: (err) => {
          stream.current = undefined;
          if (err) {
            setError(err.message);
            setPhase('failed');
          } else {
            setPhase('done');
            useBerth.getState().pushToast('success', `${container.name} was recreated.`);
          }
        },
      },
    );
    stream.current = handle;
    handle.opened.catch((err: unknown) => {
      setError(err instanceof Error ? err.message : String(err));
      setPhase('failed');
    });
  };

  const running = phase === 'running';
  const lastStep = steps.at(-1)?.step;
  const footer =
    phase === 'confirm' ? (
      <>
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn btn-primary" onClick={start}>
          <RefreshCcw aria-hidden /> Recreate
        </button>
      </>
    ) : (
      <button type="button" className="btn" onClick={onClose} disabled={running}>
        {running ? 'Working…' : 'Close'}
      </button>
    );

  return (
    <Dialog title={`Recreate ${container.name}`} onClose={onClose} busy={running} footer={footer} width={560}>
      {phase === 'confirm' ? (
        <>
          <p className="recreate-intro">
            Berth makes a new <strong>{container.name}</strong> from <code>{container.image}</code> with the same settings, volumes and networks.
            The current one is stopped and kept, renamed, until the new one runs; then it is removed. If the new one fails, the current one
            comes back as it was.
          </p>
          <label className="checkbox">
            <input type="checkbox" checked={pull} onChange={(e) => setPull(e.target.checked)} />
            Pull the newest image first (only images that came from a registry)
          </label>
        </>
      ) : (
        <>
          <ol className="recreate-steps" aria-label="Recreate steps">
            {steps.map((line, index) => {
              const current = running && index === steps.length - 1;
              const rollback = line.step === 'rollback';
              return (
                <li key={`${line.step}-${index}`} data-state={rollback ? 'rollback' : current ? 'current' : 'done'}>
                  {rollback ? <Undo2 aria-hidden /> : current ? <span className="spinner spinner-xs" aria-hidden /> : <Check aria-hidden />}
                  <span>{line.message}</span>
                </li>
              );
            })}
          </ol>
          {running && lastStep === 'pull' && progress && <PullProgressBar image={container.image} progress={progress} />}
          {phase === 'done' && result && (
            <div className="alert alert-info" role="status">
              <Check aria-hidden />
              <div>
                <div>
                  {result.name} runs as a new container (<code>{result.newId.slice(0, 12)}</code>, was <code>{result.oldId.slice(0, 12)}</code>).
                </div>
              </div>
            </div>
          )}
          {result && <ImageChange result={result} />}
          {phase === 'failed' && error && (
            <div className="alert alert-error" role="alert">
              {/rolled back/i.test(error) ? <CircleAlert aria-hidden /> : <TriangleAlert aria-hidden />}
              <div>{error}</div>
            </div>
          )}
        </>
      )}
    </Dialog>
  );
}
