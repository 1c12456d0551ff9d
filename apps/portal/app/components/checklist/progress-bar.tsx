import type { Progress } from '../../lib/checklist/checklist-status';

/** A labelled progress bar with its figures in text (native `<progress>`, so screen readers get it). */
export function ProgressBar({
  id,
  label,
  progress,
}: {
  id: string;
  label: string;
  progress: Progress;
}) {
  return (
    <div className="progress-row">
      <label htmlFor={id}>{label}</label>
      <progress
        id={id}
        max={Math.max(progress.total, 1)}
        value={progress.total === 0 ? 1 : progress.done}
      >
        {progress.percent}%
      </progress>
      <span className="progress-figure" data-testid={`${id}-figure`}>
        {progress.done} of {progress.total} done ({progress.percent}%)
      </span>
    </div>
  );
}
