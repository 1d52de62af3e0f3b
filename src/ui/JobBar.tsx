/**
 * Progress of long work (parsing, building the network) with a Cancel button: the job's label and
 * phase, a determinate bar with its percentage once the worker reports one, else an indeterminate bar.
 */
import { useTranslation } from 'react-i18next';
import { useApp } from '../store/store';
import { useServices } from './context';
import { formatNumber } from './format';

export function JobBar() {
  const { t } = useTranslation();
  const jobs = useApp((s) => s.results.jobs);
  const lang = useApp((s) => s.view.lang);
  const { runner } = useServices();
  if (jobs.length === 0) return null;
  return (
    <div className="jobs" aria-live="polite">
      {jobs.map((job) => {
        const label = t(job.label);
        const phase = job.phase ? t(`jobs.phase.${job.phase}`) : null;
        // Floored, so 100 % shows only when the work is done.
        const percent =
          job.progress === null ? null : `${formatNumber(Math.floor(job.progress * 100), lang)}%`;
        return (
          <div className="job" key={job.id} data-testid="job">
            <span>
              {label}
              {phase && <span data-testid="job-phase"> · {phase}</span>}
            </span>
            <progress
              max={1}
              aria-label={label}
              {...(job.progress === null
                ? {}
                : {
                    value: job.progress,
                    'aria-valuenow': job.progress,
                    'aria-valuetext': percent ?? undefined,
                  })}
            />
            {/* The bar's aria-valuetext already says it; hidden so the live region does not read every step. */}
            {percent !== null && (
              <span data-testid="job-percent" aria-hidden="true">
                {percent}
              </span>
            )}
            <button
              type="button"
              onClick={() => runner.jobs.cancel(job.id)}
              aria-label={t('jobs.cancelJob', { label })}
            >
              {t('actions.cancel')}
            </button>
          </div>
        );
      })}
    </div>
  );
}
