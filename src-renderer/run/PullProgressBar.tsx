// A pull's progress in one line: a bar (indeterminate until sizes are known) and the engine's words.
import { summarisePull, type PullProgress } from '../../src-main/shared/run';

export function PullProgressBar({ image, progress }: { image: string; progress: PullProgress }) {
  const summary = summarisePull(progress);
  const percent = summary.fraction === undefined ? undefined : Math.round(summary.fraction * 100);
  return (
    <div className="run-pull" role="status" aria-label={`Pulling ${image}`}>
      <div className="run-pull-text">
        <span>
          Pulling <span className="mono">{image}</span>
        </span>
        <span className="muted">{summary.text}</span>
      </div>
      <div
        className={`run-progress${percent === undefined ? ' run-progress-indeterminate' : ''}`}
        role="progressbar"
        aria-label="Pull progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="run-progress-fill" style={percent === undefined ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  );
}
